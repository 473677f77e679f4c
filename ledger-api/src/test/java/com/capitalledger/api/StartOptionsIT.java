package com.capitalledger.api;

import com.capitalledger.api.support.HttpClientSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
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
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's start command and its start options, run as written from the repository root with bash. The start
 * command brings up the demo with plain-text logs and no framework chatter, and the README's tour run on it gives the
 * answers its comments promise; each option line starts the service with
 * no demo program, its database in the given data directory and JSON log lines (ECS). Only the data directory in the
 * option lines differs from the README ({@code $HOME/ledger-data} becomes a temporary one); the port, the demo
 * credentials file and the start command's data directory come from the environment, so nothing of the user's own
 * is touched.
 */
class StartOptionsIT {

    private static final String DATA_DIRECTORY = "$HOME/ledger-data";
    /** Spring Boot's plain console line: ISO timestamp, level, pid. */
    private static final Pattern PLAIN_LINE = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+\\S*\\s+"
            + "(ERROR|WARN|INFO) \\d+ --- .*");

    static List<String> startOptions() throws IOException {
        Matcher section = Pattern.compile("### Start options\\n.*?```bash\\n(.*?)```", Pattern.DOTALL).matcher(readme());
        assertThat(section.find()).as("a Start options section with a bash block").isTrue();
        List<String> lines = section.group(1).lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).hasSize(3).allSatisfy(line -> assertThat(line).contains(DATA_DIRECTORY));
        return lines;
    }

    @Test
    void theStartCommandBringsUpTheDemoWithPlainQuietLogs(@TempDir Path temporary) throws Exception {
        Matcher first = Pattern.compile("## The two commands\\n.*?```bash\\n(.*?)\\n```", Pattern.DOTALL)
                .matcher(readme());
        assertThat(first.find()).isTrue();
        String command = first.group(1);
        assertThat(command).isEqualTo("./mvnw -pl ledger-api -am spring-boot:run");
        Path data = temporary.resolve("data");

        try (Run run = Run.start(command, temporary, Map.of("LEDGER_EMBEDDED_POSTGRES_DATA_DIRECTORY", data.toString()))) {
            Awaitility.await("the demo program").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
                    .until(() -> run.as("analyst").get("/api/v1/programs/STARGATE/positions?asOf=2025-12-31")
                            .statusCode() == 200);
            assertThat(data.resolve("PG_VERSION")).exists();

            List<String> service = run.serviceLines();
            assertThat(service).as("the service's own lines").anyMatch(line -> line.contains("Started LedgerApplication"))
                    .anyMatch(line -> line.contains("Loaded the STARGATE demo program"));
            assertThat(service).as("plain text, nothing below INFO").allMatch(line -> PLAIN_LINE.matcher(line).matches());
            assertThat(run.lines()).as("no output of initdb or PostgreSQL")
                    .noneMatch(line -> line.contains("The files belonging to this database system"))
                    .noneMatch(line -> line.contains("database system is ready to accept connections"));

            // The tour, run as written on this service: its answers are the ones its comments promise.
            String tour = run.tour(temporary);
            assertThat(tour).as(tour).contains("HTTP/1.1 201")
                    .contains("\"code\":\"REPAYMENT_EXCEEDS_OUTSTANDING\"")
                    .contains("\"investorId\":\"SOFTBANK\",\"from\":\"2029-04-01\",\"to\":\"2029-06-30\"",
                            "\"beginningNav\":\"6611999999.99\",\"contributions\":\"0.00\",\"distributions\":"
                                    + "\"358323902.77\",\"netChangeInValue\":\"928323902.77\",\"endingNav\":"
                                    + "\"7181999999.99\",\"committed\":\"19000000000.00\"")
                    .contains("\"investorId\":\"SOFTBANK\",\"contributed\":\"6016666666.66\",\"distributed\":"
                            + "\"1281301248.04\",\"nav\":\"7181999999.99\",\"navBasis\":\"VALUATION\",\"dpi\":"
                            + "\"0.2130\",\"rvpi\":\"1.1937\",\"tvpi\":\"1.4066\",\"irrPct\":\"9.0054\"")
                    .contains("\"periodEnd\":\"2029-09-30\",\"paymentDate\":\"2029-10-01\"", "\"dscr\":\"1.5128\"",
                            "\"distributed\":\"601994444.44\"")
                    .contains("\"path\":\"cashFlows.periods[2028-03-31].waterfall.dscr\",\"base\":\"1.2917\","
                            + "\"scenario\":\"1.0520\"")
                    .contains("\"algorithm\":\"Ed25519\"")
                    .contains("{\"name\":\"softbank\",\"roles\":[\"INVESTOR\"],\"investorId\":\"SOFTBANK\"}")
                    .contains("200 application/pdf")
                    .doesNotContain("\"status\":5");
            assertThat(temporary.resolve("audit.csv")).as("the tour's audit export").isNotEmptyFile();
        }
    }

    @ParameterizedTest
    @MethodSource("startOptions")
    void theServiceStartsWithEveryOptionInEffect(String line, @TempDir Path temporary) throws Exception {
        Path data = temporary.resolve("ledger-data");
        try (Run run = Run.start(line.replace(DATA_DIRECTORY, data.toString()), temporary, Map.of())) {
            assertThat(data.resolve("PG_VERSION")).as("the database in the data directory").exists();

            HttpResponse<String> demo = run.as("analyst").get("/api/v1/programs/STARGATE");
            assertThat(demo.statusCode()).as("no demo program: " + demo.body()).isEqualTo(404);
            assertThat(json(demo).get("code").asText()).isEqualTo("NO_PROGRAM");

            List<JsonNode> logLines = new ArrayList<>();
            for (String text : run.lines()) {
                if (text.startsWith("{")) {
                    logLines.add(HttpClientSupport.parse(text));
                }
            }
            assertThat(logLines).as("JSON log lines").anySatisfy(entry -> {
                assertThat(entry.path("ecs").path("version").isTextual()).isTrue();
                assertThat(entry.path("message").asText()).startsWith("Started LedgerApplication");
            });
        }
    }

    /** A command line run with bash until the service it starts is ready; closing it stops the service. */
    private record Run(Process process, int port, Path log, Path credentials) implements AutoCloseable {

        static Run start(String commandLine, Path temporary, Map<String, String> environment) throws IOException {
            Path log = temporary.resolve("console.log");
            Path credentials = temporary.resolve("demo-credentials.properties");
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder("bash", "-c", commandLine)
                    .directory(root().toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            // As from a user's shell, not from inside this Maven build.
            builder.environment().keySet().removeAll(List.of("MAVEN_PROJECTBASEDIR", "MAVEN_CMD_LINE_ARGS"));
            builder.environment().put("SERVER_PORT", String.valueOf(port));
            builder.environment().put("LEDGER_SECURITY_DEMO_CREDENTIALS_FILE", credentials.toString());
            builder.environment().putAll(environment);
            Run run = new Run(builder.start(), port, log, credentials);
            HttpClientSupport anonymous = new HttpClientSupport("http://localhost:" + port);
            try {
                Awaitility.await("the service on port " + port).atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(250))
                        .failFast("the command ended", () -> !run.process().isAlive())
                        .ignoreExceptions()
                        .until(() -> anonymous.get("/actuator/health/readiness").statusCode() == 200);
            } catch (RuntimeException | Error notStarted) {
                run.close();
                throw notStarted;
            }
            return run;
        }

        HttpClientSupport as(String user) throws IOException {
            Properties users = new Properties();
            try (Reader reader = Files.newBufferedReader(credentials)) {
                users.load(reader);
            }
            return new HttpClientSupport("http://localhost:" + port, "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + users.getProperty(user)).getBytes(StandardCharsets.UTF_8)));
        }

        List<String> lines() throws IOException {
            return Files.readAllLines(log);
        }

        /**
         * Runs the README's tour with bash in {@code directory} once the demo is loaded, on this service's port and
         * credentials file, and returns what it printed.
         */
        String tour(Path directory) throws IOException, InterruptedException {
            Awaitility.await("the whole demo").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                    .until(() -> serviceLines().stream().anyMatch(line -> line.contains("Loaded the STARGATE demo")));
            Matcher block = Pattern.compile("## A five-minute tour of the demo\\n.*?```bash\\n(.*?)```", Pattern.DOTALL)
                    .matcher(readme());
            assertThat(block.find()).as("the README's tour").isTrue();
            String script = block.group(1).replace("localhost:8080", "localhost:" + port)
                    .replace("~/.capital-ledger/demo-credentials.properties", credentials.toString());
            Process tour = new ProcessBuilder("bash", "-c", script).directory(directory.toFile())
                    .redirectErrorStream(true).start();
            String printed = new String(tour.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(tour.waitFor(2, TimeUnit.MINUTES)).as("the tour ends").isTrue();
            return printed;
        }

        /** The service's console lines, after Maven's own output and Spring Boot's banner. */
        List<String> serviceLines() throws IOException {
            List<String> lines = lines();
            int started = 0;
            while (started < lines.size() && !lines.get(started).contains("Starting LedgerApplication")) {
                started++;
            }
            return lines.subList(started, lines.size()).stream().filter(line -> !line.isBlank()).toList();
        }

        /** SIGTERM to the service first (it stops its embedded PostgreSQL), then to Maven or bash above it. */
        @Override
        public void close() {
            List<ProcessHandle> tree = process.descendants().toList();
            List<ProcessHandle> services = tree.stream()
                    .filter(handle -> handle.info().command().filter(command -> command.endsWith("/java")).isPresent())
                    .toList();
            services.forEach(ProcessHandle::destroy);
            for (ProcessHandle service : services) {
                service.onExit().completeOnTimeout(service, 60, TimeUnit.SECONDS).join();
            }
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static String readme() throws IOException {
        return Files.readString(root().resolve("README.md"));
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
