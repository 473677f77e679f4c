package com.capitalledger.api.docker;

import com.capitalledger.api.support.IntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dockerfile's HEALTHCHECK command, run with bash as Docker would run it, against the running service (on the
 * test's port instead of 8080): healthy while the service is ready, unhealthy while it is OUT_OF_SERVICE even
 * though its database component stays UP.
 */
class DockerHealthCheckIT extends IntegrationTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void theContainerIsHealthyExactlyWhileTheServiceIsReady() throws Exception {
        List<String> command = healthCheck();
        assertThat(command.get(2)).contains("/dev/tcp/127.0.0.1/8080");
        List<String> here = List.of(command.get(0), command.get(1),
                command.get(2).replace("/dev/tcp/127.0.0.1/8080", "/dev/tcp/127.0.0.1/" + port));

        assertThat(run(here)).as("ready").isZero();
        try {
            AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
            assertThat(http().get("/actuator/health/readiness").body())
                    .contains("\"status\":\"OUT_OF_SERVICE\"").contains("\"db\":{\"status\":\"UP\"}");
            assertThat(run(here)).as("out of service").isEqualTo(1);
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(run(here)).as("ready again").isZero();
    }

    /** The exec form of the HEALTHCHECK instruction, its backslash-continued lines joined. */
    private static List<String> healthCheck() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("docker/Dockerfile"))) {
            root = root.getParent();
        }
        String dockerfile = Files.readString(root.resolve("docker/Dockerfile")).replace("\\\n", " ");
        String instruction = dockerfile.lines().filter(line -> line.startsWith("HEALTHCHECK ")).findFirst().orElseThrow();
        String exec = instruction.substring(instruction.indexOf(" CMD ") + 5).trim();
        List<String> command = List.of(new ObjectMapper().readValue(exec, String[].class));
        assertThat(command).hasSize(3).startsWith("bash", "-c");
        return command;
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("the check ends within 10 s").isTrue();
        return process.exitValue();
    }
}
