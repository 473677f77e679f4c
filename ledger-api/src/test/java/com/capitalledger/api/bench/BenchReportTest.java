package com.capitalledger.api.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class BenchReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path target;

    @Test
    void aFigureIsWrittenBesideItsBaselineWithTheRunsSettings() throws Exception {
        Path file = target.resolve("benchmark.json");
        BenchReport report = new BenchReport("CommandBenchmark", 1, file, "build-1").setting("clients", 8);
        BenchReport.Run run = report.run(1);
        BenchReport.Figure raw = run.rate("raw inserts", 1_000, 1_000_000_000L, "transactions", null);
        run.rate("commands over HTTP", 250, 2_000_000_000L, "commands", raw);
        run.latency("lag", new long[]{3_000_000, 1_000_000, 2_000_000}, null);
        run.finish();

        JsonNode written = JSON.readTree(file.toFile());
        assertThat(written.get("build").asText()).isEqualTo("build-1");
        JsonNode only = written.get("runs").get(0);
        assertThat(only.get("benchmark").asText()).isEqualTo("CommandBenchmark");
        assertThat(only.get("run").asInt()).isEqualTo(1);
        assertThat(only.get("settings").get("clients").asInt()).isEqualTo(8);
        assertThat(only.get("settings").get("cores").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
        JsonNode raws = only.get("figures").get(0);
        assertThat(raws.get("unit").asText()).isEqualTo("transactions/s");
        assertThat(raws.get("values").get("rate").asDouble()).isEqualTo(1_000.0);
        assertThat(raws.has("baseline")).isFalse();
        JsonNode commands = only.get("figures").get(1);
        assertThat(commands.get("count").asLong()).isEqualTo(250);
        assertThat(commands.get("values").get("rate").asDouble()).isEqualTo(125.0);
        assertThat(commands.get("baseline").get("name").asText()).isEqualTo("raw inserts");
        assertThat(commands.get("baseline").get("values").get("rate").asDouble()).isEqualTo(1_000.0);
        assertThat(commands.get("vsBaseline").get("rate").asDouble()).isEqualTo(0.125);
        JsonNode lag = only.get("figures").get(2);
        assertThat(lag.get("unit").asText()).isEqualTo("ms");
        assertThat(lag.get("values").get("p50").asDouble()).isEqualTo(2.0);
        assertThat(lag.get("values").get("p99").asDouble()).isEqualTo(3.0);
        assertThat(lag.get("values").get("max").asDouble()).isEqualTo(3.0);
    }

    @Test
    void theJvmsOfOneBuildShareTheFileAndAnotherBuildStartsItAfresh() throws Exception {
        Path file = target.resolve("benchmark.json");
        finishRuns(new BenchReport("ReadModelBenchmark", 1, file, "build-1"));
        finishRuns(new BenchReport("CommandBenchmark", 2, file, "build-1"));

        assertThat(runs(file)).containsExactly("ReadModelBenchmark 1", "CommandBenchmark 1", "CommandBenchmark 2");

        finishRuns(new BenchReport("WhatIfBenchmark", 1, file, "build-2"));

        assertThat(runs(file)).containsExactly("WhatIfBenchmark 1");
        assertThat(runs(target.resolve("benchmark.previous.json")))
                .containsExactly("ReadModelBenchmark 1", "CommandBenchmark 1", "CommandBenchmark 2");
        assertThat(Files.exists(target.resolve("benchmark.json.tmp"))).isFalse();
    }

    private static void finishRuns(BenchReport report) throws Exception {
        for (int number = 1; number <= report.runs(); number++) {
            BenchReport.Run run = report.run(number);
            run.rate("raw read", 10, 1_000_000L, "rows", null);
            run.finish();
        }
    }

    private static List<String> runs(Path file) throws Exception {
        return StreamSupport.stream(JSON.readTree(file.toFile()).get("runs").spliterator(), false)
                .map(run -> run.get("benchmark").asText() + " " + run.get("run").asInt()).toList();
    }
}
