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
import java.util.List;

/**
 * The what-if benchmark (not part of the test suite): loads the generated SOFR fixings, a program of 1,000 events and
 * one of N events (default 100,000) into a fresh embedded PostgreSQL, then measures in the same run:
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
        try (BenchLedger ledger = BenchLedger.start("ANALYST")) {
            ledger.app().getBean(EventProcessingConfiguration.class).eventProcessors().values()
                    .forEach(EventProcessor::shutDown);
            long loadStart = System.nanoTime();
            ledger.insert(sink -> new HistoryGenerator().generate(new int[]{SHORT, longProgram}, sink));
            BenchLedger.report("load", SHORT + longProgram, loadStart, "program events generated and inserted");

            long rawStart = System.nanoTime();
            long rows = ledger.rawRead();
            double rawRate = BenchLedger.report("raw PostgreSQL read of domain_event_entry", rows, rawStart, "rows");

            ProgramJournal journals = ledger.app().getBean(ProgramJournal.class);
            for (String program : List.of("P0", "P1")) {
                double replayRate = replay(new ProgramId(program), journals.read(new ProgramId(program), Instant.now()));
                System.out.printf("  in-memory replay / raw read = %.2f%n", replayRate / rawRate);
            }

            latency(ledger, "P0", 300, 1_000);
            latency(ledger, "P1", 3, 30);
            BenchLedger.heap();
        }
    }

    /**
     * Every event of the journal decided again (a fixing of an unused rate, dated before them all, comes first), in
     * rounds of at least 100,000 events; the median and the best round.
     */
    private static double replay(ProgramId program, List<JournalEntry> journal) {
        List<Change> changes = List.of(new Change.Add(new RecordBaseRateFixing("TERM-SOFR-12M", new BigDecimal("4.00000"),
                LocalDate.of(2023, 12, 31))));
        int replaysPerRound = Math.max(1, 100_000 / journal.size());
        double[] rates = new double[10];
        Branched branched = null;
        for (int run = -WARMUP_REPLAYS; run < rates.length; run++) {
            long start = System.nanoTime();
            for (int replay = 0; replay < replaysPerRound; replay++) {
                branched = Branch.replay(program, journal, changes);
            }
            if (run >= 0) {
                rates[run] = (double) journal.size() * replaysPerRound / ((System.nanoTime() - start) / 1e9);
            }
        }
        Arrays.sort(rates);
        System.out.printf("in-memory replay through the decision core of %s (%,d events, the program's and its "
                        + "fixings; %d refused; %d rounds after %d to warm up): median %,.0f events/s, best %,.0f events/s%n",
                program, journal.size(), branched.consequences().size(), rates.length, WARMUP_REPLAYS,
                rates[rates.length / 2], rates[rates.length - 1]);
        return rates[rates.length / 2];
    }

    private static void latency(BenchLedger ledger, String program, int warmup, int requests) throws Exception {
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
        System.out.printf("what-if over HTTP on a %,d-event program (SOFR shock and an added draw, 4 dates, %d "
                + "requests): %s%n", events, requests, BenchLedger.percentiles(latencies));
    }
}
