package com.capitalledger.api.bench;

import com.capitalledger.api.whatif.ProgramJournal;
import com.capitalledger.core.rates.api.RecordBaseRateFixing;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.core.whatif.Branch;
import com.capitalledger.core.whatif.Branched;
import com.capitalledger.core.whatif.Change;
import com.capitalledger.core.whatif.JournalEntry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The what-if benchmark (not part of the test suite): loads the generated SOFR fixings, a program of 1,000 events and
 * one of N events (default 100,000) into a fresh embedded PostgreSQL, then measures {@code -Dbench.runs} times
 * (default 2) on that store, each figure beside the baseline of its run:
 * <ol>
 *     <li>the raw PostgreSQL read rate of the event table (the baseline);</li>
 *     <li>in-memory replay through the decision core: every event of each program decided again by the live
 *     decision code and applied ({@link Branch}), events/s;</li>
 *     <li>what-if latency over HTTP (p50, p99) on the 1,000-event and on the long program: a SOFR shock and an added
 *     draw, reported at four dates, with reading the journal, deciding, folding and comparing.</li>
 * </ol>
 * The read-model processors are stopped, so the figures are the what-if's alone.
 */
public final class WhatIfBenchmark {

    private static final int SHORT = 1_000;
    private static final int WARMUP_REPLAYS = 5;
    private static final String WHAT_IF = """
            {"asOf": ["2024-06-30", "2024-12-31", "2025-06-30", "2025-12-31"],
             "changes": [{"op": "shiftRate", "baseRate": "SOFR", "from": "2025-01-01", "bps": 200},
                         {"op": "add", "command": {"type": "draw", "trancheId": "SENIOR", "drawId": "D-WHAT-IF",
                          "amount": "1000000.00", "currency": "USD", "effectiveDate": "2024-09-02"}}]}""";

    private WhatIfBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int longProgram = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        BenchReport report = BenchReport.of("WhatIfBenchmark").setting("shortProgramEvents", SHORT)
                .setting("longProgramEvents", longProgram);
        try (BenchLedger ledger = BenchLedger.start("ANALYST")) {
            report.postgres(ledger.app().getBean(JdbcTemplate.class));
            ledger.app().getBean(EventProcessingConfiguration.class).eventProcessors().values()
                    .forEach(EventProcessor::shutDown);
            long loadStart = System.nanoTime();
            ledger.insert(sink -> new HistoryGenerator().generate(new int[]{SHORT, longProgram}, sink));
            System.out.printf("load: %,d program events generated and inserted in %.1f s%n", SHORT + longProgram,
                    (System.nanoTime() - loadStart) / 1e9);

            // Nothing here writes: every run measures on the one store.
            ProgramJournal journals = ledger.app().getBean(ProgramJournal.class);
            for (int number = 1; number <= report.runs(); number++) {
                BenchReport.Run run = report.run(number);
                long rawStart = System.nanoTime();
                long rows = ledger.rawRead();
                BenchReport.Figure raw = run.rate("raw PostgreSQL read of domain_event_entry", rows,
                        System.nanoTime() - rawStart, "rows", null);
                replay(run, raw, "P0", "1,000-event program", journals);
                replay(run, raw, "P1", "long program", journals);
                latency(run, ledger, "P0", "1,000-event program", 300, 1_000);
                latency(run, ledger, "P1", "long program", 3, 30);
                run.heap();
                run.finish();
            }
        }
    }

    /**
     * Every event of the journal decided again (a fixing of an unused rate, dated before them all, comes first), in
     * rounds of at least 100,000 events; the median and the best round.
     */
    private static void replay(BenchReport.Run run, BenchReport.Figure raw, String id, String name,
                               ProgramJournal journals) {
        ProgramId program = new ProgramId(id);
        List<JournalEntry> journal = journals.read(program, Instant.now());
        List<Change> changes = List.of(new Change.Add(new RecordBaseRateFixing("TERM-SOFR-12M", new BigDecimal("4.00000"),
                LocalDate.of(2023, 12, 31))));
        int replaysPerRound = Math.max(1, 100_000 / journal.size());
        double[] rates = new double[10];
        Branched branched = null;
        for (int round = -WARMUP_REPLAYS; round < rates.length; round++) {
            long start = System.nanoTime();
            for (int replay = 0; replay < replaysPerRound; replay++) {
                branched = Branch.replay(program, journal, changes);
            }
            if (round >= 0) {
                rates[round] = (double) journal.size() * replaysPerRound / ((System.nanoTime() - start) / 1e9);
            }
        }
        Arrays.sort(rates);
        System.out.printf("in-memory replay through the decision core of %s (%,d events, the program's and its "
                        + "fixings; %d refused; %d rounds after %d to warm up):%n", program, journal.size(),
                branched.consequences().size(), rates.length, WARMUP_REPLAYS);
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("rate", rates[rates.length / 2]);
        values.put("best", rates[rates.length - 1]);
        run.value("in-memory replay, " + name + ", median and best of " + rates.length + " rounds", "events/s",
                values, raw);
    }

    private static void latency(BenchReport.Run run, BenchLedger ledger, String program, String name, int warmup,
                                int requests) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + ledger.port()
                        + "/api/v1/programs/" + program + "/what-if"))
                .header("Authorization", ledger.authorization()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(WHAT_IF)).build();
        long[] latencies = new long[requests];
        for (int i = -warmup; i < requests; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - start;
            if (response.statusCode() != 200 || !response.body().contains("\"outcome\":\"ACCEPTED\"")) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            if (i >= 0) {
                latencies[i] = took;
            }
        }
        long events = ledger.app().getBean(JdbcTemplate.class).queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, program);
        System.out.printf("what-if on a %,d-event program (SOFR shock and an added draw, 4 dates), %d requests:%n",
                events, requests);
        run.latency("what-if over HTTP, " + name, latencies, null);
    }
}
