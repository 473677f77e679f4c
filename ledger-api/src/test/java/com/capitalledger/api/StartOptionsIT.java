package com.capitalledger.api;

import com.capitalledger.api.support.HttpClientSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's start options, run as written from the repository root with bash: each line starts the service, which
 * then has no demo program, keeps its database in the given data directory and logs JSON lines (ECS). Only the data
 * directory differs from the README ({@code $HOME/ledger-data} becomes a temporary one); the port and the demo
 * credentials file come from the environment, so nothing of the user's own is touched.
 */
class StartOptionsIT {

    private static final String DATA_DIRECTORY = "$HOME/ledger-data";

    static List<String> startOptions() throws IOException {
        String readme = Files.readString(root().resolve("README.md"));
        Matcher section = Pattern.compile("### Start options\\n.*?```bash\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(section.find()).as("a Start options section with a bash block").isTrue();
        List<String> lines = section.group(1).lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).hasSize(3).allSatisfy(line -> assertThat(line).contains(DATA_DIRECTORY));
        return lines;
    }

    @ParameterizedTest
    @MethodSource("startOptions")
    void theServiceStartsWithEveryOptionInEffect(String line, @TempDir Path temporary) throws Exception {
        Path data = temporary.resolve("ledger-data");
        Path credentials = temporary.resolve("demo-credentials.properties");
        Path log = temporary.resolve("console.log");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", line.replace(DATA_DIRECTORY, data.toString()))
                .directory(root().toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        // As from a user's shell, not from inside this Maven build.
        builder.environment().keySet().removeAll(List.of("MAVEN_PROJECTBASEDIR", "MAVEN_CMD_LINE_ARGS"));
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("LEDGER_SECURITY_DEMO_CREDENTIALS_FILE", credentials.toString());
        Process process = builder.start();
        try {
            HttpClientSupport anonymous = new HttpClientSupport("http://localhost:" + port);
            Awaitility.await("the service on port " + port).atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(250))
                    .failFast("the command ended", () -> !process.isAlive())
                    .ignoreExceptions()
                    .until(() -> anonymous.get("/actuator/health/readiness").statusCode() == 200);

            assertThat(data.resolve("PG_VERSION")).as("the database in the data directory").exists();

            Properties users = new Properties();
            try (Reader reader = Files.newBufferedReader(credentials)) {
                users.load(reader);
            }
            HttpClientSupport analyst = new HttpClientSupport("http://localhost:" + port,
                    "Basic " + Base64.getEncoder().encodeToString(
                            ("analyst:" + users.getProperty("analyst")).getBytes(StandardCharsets.UTF_8)));
            HttpResponse<String> demo = analyst.get("/api/v1/programs/STARGATE");
            assertThat(demo.statusCode()).as("no demo program: " + demo.body()).isEqualTo(404);
            assertThat(json(demo).get("code").asText()).isEqualTo("NO_PROGRAM");

            List<JsonNode> logLines = new ArrayList<>();
            for (String text : Files.readAllLines(log)) {
                if (text.startsWith("{")) {
                    logLines.add(HttpClientSupport.parse(text));
                }
            }
            assertThat(logLines).as("JSON log lines").anySatisfy(entry -> {
                assertThat(entry.path("ecs").path("version").isTextual()).isTrue();
                assertThat(entry.path("message").asText()).startsWith("Started LedgerApplication");
            });
        } finally {
            stop(process);
        }
    }

    /** SIGTERM to the service first (it stops its embedded PostgreSQL), then to Maven or bash above it. */
    private static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> tree = process.descendants().toList();
        List<ProcessHandle> services = tree.stream()
                .filter(handle -> handle.info().command().filter(command -> command.endsWith("/java")).isPresent())
                .toList();
        services.forEach(ProcessHandle::destroy);
        for (ProcessHandle service : services) {
            service.onExit().completeOnTimeout(service, 60, TimeUnit.SECONDS).join();
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path root() {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        return root;
    }
}
