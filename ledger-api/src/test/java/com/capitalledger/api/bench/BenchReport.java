package com.capitalledger.api.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one benchmark JVM: printed as they are measured, each beside its baseline from the same run, and
 * written to a JSON file ({@code -Dbench.json}, by the profile {@code ledger-api/target/benchmark.json}) after every
 * run, beside the runs the earlier benchmark JVMs of the same Maven build ({@code -Dbench.build}) wrote there, so that
 * runs can be compared by a program rather than read from logs. A file of another build is kept as
 * {@code benchmark.previous.json}. The benchmark JVMs run one after another, so a read-modify-write is enough.
 */
final class BenchReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String benchmark;
    private final int runs;
    private final Path file;
    private final String build;
    private final ObjectNode settings = JSON.createObjectNode();
    private final List<ObjectNode> written = new ArrayList<>();
    /** The runs of earlier JVMs of this build, read once. */
    private ArrayNode earlier;

    BenchReport(String benchmark, int runs, Path file, String build) {
        this.benchmark = benchmark;
        this.runs = runs;
        this.file = file;
        this.build = build;
        setting("cores", Runtime.getRuntime().availableProcessors());
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            setting("memoryMb", os.getTotalMemorySize() >> 20);
        }
        setting("heapMaxMb", Runtime.getRuntime().maxMemory() >> 20);
        setting("java", System.getProperty("java.version"));
    }

    /** The report of {@code benchmark}, run {@code -Dbench.runs} times (default 2). */
    static BenchReport of(String benchmark) {
        // Without a build (run from an IDE), each JVM starts the file afresh.
        return new BenchReport(benchmark, Integer.getInteger("bench.runs", 2),
                Path.of(System.getProperty("bench.json", "target/benchmark.json")),
                System.getProperty("bench.build", Instant.now().toString()));
    }

    int runs() {
        return runs;
    }

    /** A setting every run of this JVM shares (sizes, clients, the load), written with each run. */
    BenchReport setting(String name, Object value) {
        settings.set(name, JSON.valueToTree(value));
        return this;
    }

    /** Prints and records the PostgreSQL server's version and durability settings: every figure's server. */
    void postgres(JdbcTemplate jdbc) {
        Map<String, String> server = new LinkedHashMap<>();
        for (String name : List.of("server_version", "fsync", "synchronous_commit", "shared_buffers")) {
            server.put(name, jdbc.queryForObject("SHOW " + name, String.class));
        }
        System.out.println("PostgreSQL " + server + " (the same server for every figure)");
        setting("postgres", server);
    }

    /** Starts run {@code number} (from 1). */
    Run run(int number) {
        System.out.printf("== %s, run %d of %d ==%n", benchmark, number, runs);
        return new Run(number);
    }

    /** One figure: named values in one unit (a rate, or p50/p99/max). */
    record Figure(String name, String unit, Map<String, Double> values) {
    }

    /** One run: its figures, written to the file when it finishes. */
    final class Run {

        private final ObjectNode node = JSON.createObjectNode();
        /** Filled when the run finishes: a benchmark learns some settings (the server's) during its first run. */
        private final ObjectNode runSettings;
        private final double loadAverageAtStart = loadAverage();
        private final ArrayNode figures;

        private Run(int number) {
            node.put("benchmark", benchmark).put("run", number).put("runs", runs)
                    .put("startedAt", Instant.now().toString());
            runSettings = node.putObject("settings");
            figures = node.putArray("figures");
        }

        /** {@code count} {@code unit} in {@code nanos}, as a rate per second, beside {@code baseline} if any. */
        Figure rate(String name, long count, long nanos, String unit, Figure baseline) {
            double seconds = nanos / 1e9;
            Figure figure = new Figure(name, unit + "/s", Map.of("rate", count / seconds));
            System.out.printf("%s: %,d %s in %.1f s = %,.0f/s%s%n", name, count, unit, seconds, count / seconds,
                    beside(figure, baseline));
            add(figure, count, baseline);
            return figure;
        }

        /** p50, p99 and max of the latencies, in milliseconds, beside {@code baseline} if any. */
        Figure latency(String name, long[] nanos, Figure baseline) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("p50", sorted[sorted.length / 2] / 1e6);
            values.put("p99", sorted[Math.min(sorted.length - 1, sorted.length * 99 / 100)] / 1e6);
            values.put("max", sorted[sorted.length - 1] / 1e6);
            Figure figure = new Figure(name, "ms", values);
            System.out.printf("%s: p50 %.1f ms, p99 %.1f ms, max %.1f ms%s%n", name, values.get("p50"),
                    values.get("p99"), values.get("max"), beside(figure, baseline));
            add(figure, (long) nanos.length, baseline);
            return figure;
        }

        /** Any other figure, e.g. a cost in % or a lag in ms, beside {@code baseline} if any. */
        Figure value(String name, String unit, Map<String, Double> values, Figure baseline) {
            Figure figure = new Figure(name, unit, values);
            StringBuilder line = new StringBuilder(name).append(':');
            values.forEach((key, value) -> line.append(String.format(" %s %,.2f", key, value)));
            System.out.println(line.append(' ').append(unit).append(beside(figure, baseline)));
            add(figure, null, baseline);
            return figure;
        }

        /** The heap in use at the end of the run, beside its maximum. */
        void heap() {
            Runtime runtime = Runtime.getRuntime();
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("used", (double) ((runtime.totalMemory() - runtime.freeMemory()) >> 20));
            values.put("max", (double) (runtime.maxMemory() >> 20));
            value("heap at the end of the run", "MB", values, null);
        }

        /** Records the run's end and writes the file: the earlier JVMs' runs, then this JVM's so far. */
        void finish() throws IOException {
            node.put("finishedAt", Instant.now().toString());
            runSettings.setAll(settings);
            runSettings.put("loadAverageAtStart", loadAverageAtStart).put("loadAverageAtEnd", loadAverage());
            written.add(node);
            write();
        }

        private void add(Figure figure, Long count, Figure baseline) {
            ObjectNode json = figures.addObject().put("name", figure.name()).put("unit", figure.unit());
            if (count != null) {
                json.put("count", count);
            }
            json.set("values", rounded(figure.values(), 3));
            if (baseline != null) {
                ObjectNode base = json.putObject("baseline").put("name", baseline.name()).put("unit", baseline.unit());
                base.set("values", rounded(baseline.values(), 3));
                json.set("vsBaseline", rounded(ratios(figure, baseline), 4));
            }
        }
    }

    /** Each value over the baseline's of the same name (a rate over a rate, a p99 over a p99). */
    private static Map<String, Double> ratios(Figure figure, Figure baseline) {
        Map<String, Double> ratios = new LinkedHashMap<>();
        figure.values().forEach((key, value) -> {
            Double base = baseline.values().get(key);
            if (base != null && base != 0) {
                ratios.put(key, value / base);
            }
        });
        return ratios;
    }

    private static String beside(Figure figure, Figure baseline) {
        if (baseline == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(" =");
        ratios(figure, baseline).forEach((key, ratio) -> text.append(String.format(" %s %.2f x", key, ratio)));
        return text.append(" the baseline's (").append(baseline.name()).append(')').toString();
    }

    private static ObjectNode rounded(Map<String, Double> values, int decimals) {
        ObjectNode json = JSON.createObjectNode();
        double scale = Math.pow(10, decimals);
        values.forEach((key, value) -> json.put(key, Double.isFinite(value) ? Math.round(value * scale) / scale
                : null));
        return json;
    }

    /** The machine's one-minute load average: these figures vary with what else shares the cores. */
    private static double loadAverage() {
        return Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0;
    }

    private void write() throws IOException {
        if (earlier == null) {
            earlier = JSON.createArrayNode();
            if (Files.exists(file)) {
                JsonNode old;
                try {
                    old = JSON.readTree(file.toFile());
                } catch (IOException unreadable) {
                    old = null;
                }
                if (old != null && build.equals(old.path("build").asText()) && old.get("runs") instanceof ArrayNode runs) {
                    earlier.addAll(runs);
                } else {
                    Files.move(file, file.resolveSibling("benchmark.previous.json"),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        ObjectNode document = JSON.createObjectNode().put("build", build);
        ArrayNode all = document.putArray("runs").addAll(earlier);
        written.forEach(all::add);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path next = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(next.toFile(), document);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
