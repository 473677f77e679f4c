package com.capitalledger.api.bench;

import com.capitalledger.api.admin.ReadModels;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The operations part of section 10, measured on the store {@link ReadModelBenchmark} has loaded (1,000,000 events by
 * default, read models live), so that the history is not loaded twice. On generated programs of 1,000 events it sets
 * operating terms, a repayment schedule on both tranches and {@value #QUARTERS} quarters of operating cash flows over
 * HTTP, then measures in the same run:
 * <ol>
 *     <li>{@code POST /waterfalls} over HTTP, every quarter of every program in order (p50, p99), beside a raw
 *     PostgreSQL transaction writing the same rows (as many as a waterfall appends on average, of its events' mean
 *     size, one commit) just before each waterfall;</li>
 *     <li>{@code GET /cash-flows} over HTTP as of the last payment date, so that each answer holds every quarter with
 *     its waterfall (p50, p99), beside the raw PostgreSQL read of the rows that query reads;</li>
 *     <li>{@code GET /returns} over HTTP as of the last payment date (every contribution, 40 quarters of
 *     distributions and a valuation each year folded into each investor's multiples and IRR; p50, p99), beside the
 *     raw PostgreSQL read of the rows that query folds (the program's equity movements and cash-flow facts);</li>
 *     <li>quarterly capital account statements as PDF and as their JSON twin (p50, p99), beside the same raw read,
 *     on a program posted whole over HTTP (a statement proves its entries against the journal, which bulk-loaded
 *     histories bypass).</li>
 * </ol>
 */
final class CashFlowBenchmark {

    static final int QUARTERS = 40;
    /** A valuation at the end of every 4th quarter, so that the returns fold valuations as well as cost. */
    static final int VALUATIONS = QUARTERS / 4;
    private static final LocalDate OPERATIONS_START = LocalDate.of(2026, 1, 1);
    /** After the generated history's last date, so that no command is back-dated. */
    private static final LocalDate TERMS_DATE = LocalDate.of(2025, 12, 31);
    private static final LocalDate LAST_PAYMENT = OPERATIONS_START.plusMonths(3L * QUARTERS);
    private static final int WARMUP_PROGRAMS = 5;
    private static final int QUERIES = 2_000;
    private static final int QUERY_WARMUP = 300;
    private static final int STATEMENTS = 300;
    private static final int STATEMENT_WARMUP = 50;
    private static final int STATEMENT_INVESTORS = 4;
    private static final String STATEMENT_PROGRAM = "STATEMENTS";
    private static final int RAW_WARMUP = 200;
    private static final String CASH_FLOWS_SQL = "SELECT * FROM cash_flow_fact WHERE program_id = ? "
            + "AND effective_date <= ? AND recorded_at <= ? ORDER BY global_index";
    private static final String EQUITY_SQL = "SELECT * FROM equity_movement WHERE program_id = ? "
            + "AND effective_date <= ? AND recorded_at <= ? ORDER BY global_index, line";

    private final BenchLedger ledger;
    private final BenchReport.Run run;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Random random = new Random(40);

    private CashFlowBenchmark(BenchLedger ledger, BenchReport.Run run) {
        this.ledger = ledger;
        this.run = run;
    }

    /**
     * Operates {@code programs} (loaded, never operated before), the first {@value #WARMUP_PROGRAMS} of them to warm
     * up, and records the figures in {@code run}.
     */
    static void run(BenchLedger ledger, BenchReport.Run run, List<String> programs) throws Exception {
        new CashFlowBenchmark(ledger, run).measure(programs);
    }

    private void measure(List<String> all) throws Exception {
        JdbcTemplate jdbc = ledger.app().getBean(JdbcTemplate.class);
        long setUpStart = System.nanoTime();
        for (String program : all) {
            operate(program);
        }
        run.rate("operating terms, 2 repayment schedules, " + QUARTERS + " cash flows and " + VALUATIONS
                        + " valuations over HTTP", (long) all.size() * (QUARTERS + 3 + VALUATIONS),
                System.nanoTime() - setUpStart, "commands", null);

        List<String> warmUp = all.subList(0, WARMUP_PROGRAMS);
        List<String> measured = all.subList(WARMUP_PROGRAMS, all.size());
        long before = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        waterfalls(warmUp, null);
        // The warm-up's waterfalls tell how many rows of what size a waterfall appends, for the raw baseline.
        double[] appended = jdbc.queryForObject("SELECT count(*), avg(octet_length(payload) + octet_length(meta_data)) "
                        + "FROM domain_event_entry WHERE global_index > ?",
                (rs, i) -> new double[]{rs.getLong(1), rs.getDouble(2)}, before);
        double perWaterfall = appended[0] / (WARMUP_PROGRAMS * QUARTERS);
        long[][] latencies;
        try (RawWrite raw = new RawWrite((int) Math.max(1, Math.round(perWaterfall)), (int) Math.round(appended[1]))) {
            for (int i = 0; i < RAW_WARMUP; i++) {
                raw.once();
            }
            latencies = waterfalls(measured, raw);
        }
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, measured.get(0));
        System.out.printf("%d programs x %d quarters = %d waterfalls after %d to warm up; %s holds %,d events after "
                        + "them; %.2f events appended per waterfall, %.0f bytes each on average; before each, a raw "
                        + "transaction inserting %d such row(s), one commit, on one connection:%n", measured.size(),
                QUARTERS, latencies[0].length, WARMUP_PROGRAMS * QUARTERS, measured.get(0), events, perWaterfall,
                appended[1], Math.max(1, Math.round(perWaterfall)));
        BenchReport.Figure rawWrite = run.latency("raw PostgreSQL transaction of a waterfall's rows, one commit",
                latencies[1], null);
        run.latency("waterfall over HTTP", latencies[0], rawWrite);

        awaitReadModels();
        check(measured);
        long[] queries = new long[QUERIES];
        long[] raw = new long[QUERIES];
        OffsetDateTime knownAt = OffsetDateTime.now(ZoneOffset.UTC);
        long rows = 0;
        try (Connection connection = ledger.app().getBean(DataSource.class).getConnection();
             PreparedStatement select = connection.prepareStatement(CASH_FLOWS_SQL)) {
            for (int i = -QUERY_WARMUP; i < QUERIES; i++) {
                String program = measured.get(random.nextInt(measured.size()));
                long start = System.nanoTime();
                get("/api/v1/programs/" + program + "/cash-flows?asOf=" + LAST_PAYMENT);
                long took = System.nanoTime() - start;
                start = System.nanoTime();
                long read = rawRead(select, program, knownAt);
                long rawTook = System.nanoTime() - start;
                if (i >= 0) {
                    queries[i] = took;
                    raw[i] = rawTook;
                    rows += read;
                }
            }
        }
        System.out.printf("%d cash-flows queries as of %s on %d programs of %d quarters, each with its waterfall; after "
                + "each, the raw read of the query's %.0f cash_flow_fact rows (every column):%n", QUERIES, LAST_PAYMENT,
                measured.size(), QUARTERS, (double) rows / QUERIES);
        BenchReport.Figure rawRead = run.latency("raw PostgreSQL read of the query's cash_flow_fact rows", raw, null);
        run.latency("cash-flows query over HTTP", queries, rawRead);
        returns(measured, knownAt);
    }

    /**
     * {@code GET /returns} as of the last payment date on random measured programs, each followed by the raw read of
     * the rows it folds: the program's equity movements and cash-flow facts (every column), on one connection.
     */
    private void returns(List<String> measured, OffsetDateTime knownAt) throws Exception {
        JsonNode sample = json.readTree(get("/api/v1/programs/" + measured.get(0) + "/returns?asOf=" + LAST_PAYMENT));
        if (!"VALUATION".equals(sample.get("program").get("navBasis").asText())
                || sample.get("program").get("irrPct").isNull()) {
            throw new IllegalStateException(measured.get(0) + " has no valued returns: " + sample);
        }
        long[] queries = new long[QUERIES];
        long[] raw = new long[QUERIES];
        long rows = 0;
        try (Connection connection = ledger.app().getBean(DataSource.class).getConnection();
             PreparedStatement equity = connection.prepareStatement(EQUITY_SQL);
             PreparedStatement cashFlows = connection.prepareStatement(CASH_FLOWS_SQL)) {
            for (int i = -QUERY_WARMUP; i < QUERIES; i++) {
                String program = measured.get(random.nextInt(measured.size()));
                long start = System.nanoTime();
                get("/api/v1/programs/" + program + "/returns?asOf=" + LAST_PAYMENT);
                long took = System.nanoTime() - start;
                start = System.nanoTime();
                long read = rawRead(equity, program, knownAt) + rawRead(cashFlows, program, knownAt);
                long rawTook = System.nanoTime() - start;
                if (i >= 0) {
                    queries[i] = took;
                    raw[i] = rawTook;
                    rows += read;
                }
            }
        }
        System.out.printf("%d returns queries as of %s on %d programs (%d investors in the first, program IRR %s %%, "
                        + "TVPI %s); after each, the raw read of the %.0f equity_movement and cash_flow_fact rows it "
                        + "folds (every column):%n", QUERIES, LAST_PAYMENT, measured.size(),
                sample.get("investors").size(), sample.get("program").get("irrPct").asText(),
                sample.get("program").get("tvpi").asText(), (double) rows / QUERIES);
        BenchReport.Figure rawRead = run.latency(
                "raw PostgreSQL read of the returns query's equity_movement and cash_flow_fact rows", raw, null);
        run.latency("returns query over HTTP", queries, rawRead);
        statements(rawRead);
    }

    /**
     * Quarterly capital account statements, as PDF ({@code Accept: application/pdf}: the folds, the journal proofs of
     * every entry it reports, a signed digest, the rendering) and as the JSON twin (the same without rendering), for
     * random investors and quarters of {@link #STATEMENT_PROGRAM}, beside the raw read the returns were measured with.
     * A statement proves its entries against the journal, which the bulk-loaded histories bypass: that program is
     * posted over HTTP whole.
     */
    private void statements(BenchReport.Figure rawRead) throws Exception {
        String program = "/api/v1/programs/" + STATEMENT_PROGRAM;
        // The read-model benchmark stopped the journal's processor; a statement needs its entries, so it takes the
        // whole store first (outside every measurement).
        ledger.app().getBean(EventProcessingConfiguration.class).eventProcessor("journal", StreamingEventProcessor.class)
                .filter(journal -> !journal.isRunning()).ifPresent(StreamingEventProcessor::start);
        postStatementProgram(program);
        JdbcTemplate jdbc = ledger.app().getBean(JdbcTemplate.class);
        Awaitility.await("the journal took every event").atMost(Duration.ofHours(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> jdbc.queryForObject("SELECT (SELECT count(*) FROM domain_event_entry) - (SELECT count(*) "
                        + "FROM journal_entry)", Long.class) == 0);
        long[] pdfs = new long[STATEMENTS];
        long[] twins = new long[STATEMENTS];
        long bytes = 0;
        for (int i = -STATEMENT_WARMUP; i < STATEMENTS; i++) {
            LocalDate from = OPERATIONS_START.plusMonths(3L * random.nextInt(QUARTERS));
            String path = program + "/investors/I" + random.nextInt(STATEMENT_INVESTORS) + "/capital-account?from="
                    + from + "&to=" + from.plusMonths(3).minusDays(1);
            long start = System.nanoTime();
            HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(uri(path))
                    .header("Authorization", ledger.authorization()).header("Accept", "application/pdf").GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            long took = System.nanoTime() - start;
            if (pdf.statusCode() != 200 || !new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
                throw new IllegalStateException(path + " answered " + pdf.statusCode() + ": "
                        + new String(pdf.body(), StandardCharsets.UTF_8));
            }
            start = System.nanoTime();
            get(path);
            long twin = System.nanoTime() - start;
            if (i >= 0) {
                pdfs[i] = took;
                twins[i] = twin;
                bytes += pdf.body().length;
            }
        }
        System.out.printf("%d quarterly capital account statements of %d investors over %d quarters of distributions "
                        + "(%.0f bytes of PDF on average), each as PDF and as its JSON twin:%n", STATEMENTS,
                STATEMENT_INVESTORS, QUARTERS, (double) bytes / STATEMENTS);
        run.latency("capital account statement as JSON over HTTP (folds and journal proofs)", twins, rawRead);
        run.latency("capital account statement as PDF over HTTP (the same, rendered)", pdfs, rawRead);
    }

    /**
     * An all-equity program posted over HTTP: investors, a call a year, then {@value #QUARTERS} quarters of cash flows
     * whose waterfalls distribute everything (no debt, so no DSCR), and a valuation every 4th quarter end.
     */
    private void postStatementProgram(String program) throws Exception {
        post("/api/v1/programs", """
                {"programId":"%s","name":"Statements","currency":"USD","targetAmount":"4000000000.00",
                 "maxDebtPct":"60","effectiveDate":"2024-01-01"}""".formatted(STATEMENT_PROGRAM));
        post(program + "/phases", """
                {"phaseId":"PH1","name":"Build","budget":"4000000000.00","currency":"USD","effectiveDate":"2024-01-01"}""");
        for (int investor = 0; investor < STATEMENT_INVESTORS; investor++) {
            post(program + "/commitments", """
                    {"investorId":"I%d","investorName":"Investor %d","amount":"%d.00","currency":"USD",
                     "effectiveDate":"2024-01-01"}""".formatted(investor, investor, 100_000_000L * (investor + 1)));
        }
        for (int call = 0; call < 4; call++) {
            post(program + "/capital-calls", """
                    {"callId":"C%d","phaseId":"PH1","amount":"200000000.00","currency":"USD","purpose":"works",
                     "effectiveDate":"%s"}""".formatted(call, LocalDate.of(2024, 2, 1).plusMonths(6L * call)));
        }
        post(program + "/operating-terms", """
                {"operationsStart":"%s","periodMonths":3,"lockUpDscr":"1.2000","defaultDscr":"1.0500",
                 "dsraPeriods":0,"effectiveDate":"%s"}""".formatted(OPERATIONS_START, TERMS_DATE));
        for (int quarter = 1; quarter <= QUARTERS; quarter++) {
            post(program + "/operating-cash-flows", """
                    {"periodEnd":"%s","revenue":"%d.00","operatingCosts":"10000000.00","taxes":"0.00",
                     "maintenanceCapex":"0.00","currency":"USD"}""".formatted(periodEnd(quarter),
                    30_000_000L + random.nextInt(20_000_000)));
            post(program + "/waterfalls", "{\"periodEnd\":\"" + periodEnd(quarter) + "\"}");
            if (quarter % 4 == 0) {
                post(program + "/valuations", """
                        {"valuationDate":"%s","equityValue":"%d.00","currency":"USD"}""".formatted(periodEnd(quarter),
                        700_000_000L + 10_000_000L * quarter));
            }
        }
    }

    /**
     * Terms, both schedules (40 equal installments), 40 quarters of cash flows sized to the program's debt, and a
     * valuation every 4th quarter end rising from 0.9 to 1.8 times the paid-in equity.
     */
    private void operate(String program) throws Exception {
        JsonNode positions = json.readTree(get("/api/v1/programs/" + program + "/positions?asOf=" + TERMS_DATE));
        BigDecimal quarterlyService = BigDecimal.ZERO;
        BigDecimal accrued = BigDecimal.ZERO;
        for (JsonNode tranche : positions.get("tranches")) {
            BigDecimal outstanding = new BigDecimal(tranche.get("outstanding").asText());
            BigDecimal rate = new BigDecimal(tranche.get("allInRatePct").asText());
            quarterlyService = quarterlyService.add(outstanding.multiply(rate).divide(BigDecimal.valueOf(400), 2,
                    RoundingMode.HALF_EVEN)).add(outstanding.divide(BigDecimal.valueOf(QUARTERS), 2,
                    RoundingMode.HALF_EVEN));
            accrued = accrued.add(new BigDecimal(tranche.get("accruedInterest").asText()))
                    .add(new BigDecimal(tranche.get("accruedCommitmentFee").asText()));
        }
        post("/api/v1/programs/" + program + "/operating-terms", """
                {"operationsStart":"%s","periodMonths":3,"lockUpDscr":"1.2000","defaultDscr":"1.0500",
                 "dsraPeriods":2,"effectiveDate":"%s"}""".formatted(OPERATIONS_START, TERMS_DATE));
        StringBuilder installments = new StringBuilder();
        for (int quarter = 1; quarter <= QUARTERS; quarter++) {
            installments.append(quarter == 1 ? "" : ",").append("{\"dueDate\":\"")
                    .append(OPERATIONS_START.plusMonths(3L * quarter)).append("\",\"pct\":\"2.5000\"}");
        }
        for (String tranche : List.of("SENIOR", "MEZZ")) {
            post("/api/v1/programs/" + program + "/tranches/" + tranche + "/repayment-schedule",
                    "{\"installments\":[" + installments + "],\"effectiveDate\":\"" + TERMS_DATE + "\"}");
        }
        for (int quarter = 1; quarter <= QUARTERS; quarter++) {
            // Debt service times 1.05 to 2.34: most quarters distribute, some trap cash or open an event of default;
            // the first also pays the interest and fees accrued during construction.
            BigDecimal cfads = quarterlyService.multiply(BigDecimal.valueOf(105 + random.nextInt(130), 2))
                    .setScale(2, RoundingMode.HALF_EVEN).add(quarter == 1 ? accrued : BigDecimal.ZERO);
            BigDecimal costs = cfads.multiply(new BigDecimal("0.40")).setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal taxes = cfads.multiply(new BigDecimal("0.10")).setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal capex = cfads.multiply(new BigDecimal("0.05")).setScale(2, RoundingMode.HALF_EVEN);
            post("/api/v1/programs/" + program + "/operating-cash-flows", """
                    {"periodEnd":"%s","revenue":"%s","operatingCosts":"%s","taxes":"%s","maintenanceCapex":"%s",
                     "currency":"USD"}""".formatted(periodEnd(quarter),
                    cfads.add(costs).add(taxes).add(capex).toPlainString(), costs.toPlainString(),
                    taxes.toPlainString(), capex.toPlainString()));
        }
        BigDecimal paidIn = BigDecimal.ZERO;
        for (JsonNode investor : positions.get("investors")) {
            paidIn = paidIn.add(new BigDecimal(investor.get("paidIn").asText()));
        }
        for (int valuation = 1; valuation <= VALUATIONS; valuation++) {
            BigDecimal value = paidIn.multiply(BigDecimal.valueOf(80 + 10L * valuation, 2))
                    .setScale(2, RoundingMode.HALF_EVEN);
            post("/api/v1/programs/" + program + "/valuations", """
                    {"valuationDate":"%s","equityValue":"%s","currency":"USD"}"""
                    .formatted(periodEnd(4 * valuation), value.toPlainString()));
        }
    }

    /**
     * Each quarter's waterfall of every program, quarter by quarter, so consecutive requests hit other programs; with
     * {@code raw}, one raw transaction just before each, so both see the same load on the shared machine. The
     * waterfalls' latencies, then the raw transactions'.
     */
    private long[][] waterfalls(List<String> programs, RawWrite raw) throws Exception {
        long[][] latencies = new long[2][programs.size() * QUARTERS];
        int i = 0;
        for (int quarter = 1; quarter <= QUARTERS; quarter++) {
            for (String program : programs) {
                latencies[1][i] = raw == null ? 0 : raw.once();
                long start = System.nanoTime();
                post("/api/v1/programs/" + program + "/waterfalls", "{\"periodEnd\":\"" + periodEnd(quarter) + "\"}");
                latencies[0][i++] = System.nanoTime() - start;
            }
        }
        return latencies;
    }

    /**
     * Every measured program answers with every quarter and its waterfall, else the figure would not mean what it
     * says; prints how the waterfalls went, to show they took the step's different paths.
     */
    private void check(List<String> programs) throws Exception {
        int passed = 0;
        int defaults = 0;
        for (String program : programs) {
            JsonNode cashFlows = json.readTree(get("/api/v1/programs/" + program + "/cash-flows?asOf=" + LAST_PAYMENT));
            int run = 0;
            for (JsonNode period : cashFlows.get("periods")) {
                JsonNode waterfall = period.get("waterfall");
                run += waterfall.isNull() ? 0 : 1;
                passed += !waterfall.isNull() && waterfall.get("distributionTest").get("passed").asBoolean() ? 1 : 0;
            }
            if (cashFlows.get("periods").size() != QUARTERS || run != QUARTERS) {
                throw new IllegalStateException(program + " answers " + cashFlows.get("periods").size()
                        + " periods, " + run + " with a waterfall");
            }
            defaults += cashFlows.get("eventsOfDefault").size();
        }
        System.out.printf("  of the %d measured waterfalls, %d distributed and %d trapped cash; %d events of default "
                + "opened%n", programs.size() * QUARTERS, passed, programs.size() * QUARTERS - passed, defaults);
    }

    private static LocalDate periodEnd(int quarter) {
        return OPERATIONS_START.plusMonths(3L * quarter).minusDays(1);
    }

    private static long rawRead(PreparedStatement select, String program, OffsetDateTime knownAt) throws Exception {
        select.setString(1, program);
        select.setObject(2, LAST_PAYMENT);
        select.setObject(3, knownAt);
        long rows = 0;
        try (ResultSet result = select.executeQuery()) {
            while (result.next()) {
                for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                    result.getObject(column);
                }
                rows++;
            }
        }
        return rows;
    }

    /** A transaction of {@code rows} inserts of {@code bytes} each and one commit, on a connection of its own. */
    private final class RawWrite implements AutoCloseable {

        private final int rows;
        private final byte[] payload;
        private final Connection connection;
        private final PreparedStatement insert;
        private long sequence;

        RawWrite(int rows, int bytes) throws Exception {
            this.rows = rows;
            payload = new byte[bytes];
            random.nextBytes(payload);
            connection = ledger.app().getBean(DataSource.class).getConnection();
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE TABLE IF NOT EXISTS bench_raw_write (id bigserial PRIMARY KEY, "
                        + "aggregate_id varchar(64) NOT NULL, sequence bigint NOT NULL, payload bytea NOT NULL)");
            }
            connection.setAutoCommit(false);
            insert = connection.prepareStatement(
                    "INSERT INTO bench_raw_write (aggregate_id, sequence, payload) VALUES (?, ?, ?)");
        }

        /** Nanoseconds from the first insert until the commit has returned. */
        long once() throws Exception {
            long start = System.nanoTime();
            for (int row = 0; row < rows; row++) {
                insert.setString(1, "P-RAW");
                insert.setLong(2, sequence++);
                insert.setBytes(3, payload);
                insert.executeUpdate();
            }
            connection.commit();
            return System.nanoTime() - start;
        }

        @Override
        public void close() throws Exception {
            insert.close();
            connection.setAutoCommit(true);
            connection.close();
        }
    }

    private void awaitReadModels() {
        ReadModels readModels = ledger.app().getBean(ReadModels.class);
        Awaitility.await("the read models caught up").atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(10)).until(() -> readModels.status().stream()
                        .allMatch(status -> status.position() >= status.head()));
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", ledger.authorization()).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private void post(String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", ledger.authorization()).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + ledger.port() + path);
    }
}
