package com.capitalledger.api.feed;

import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.TestUsers;
import com.capitalledger.core.equity.api.CommitEquity;
import com.capitalledger.core.equity.api.IncreaseCommitment;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.program.api.CreateProgram;
import com.capitalledger.core.shared.ProgramId;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static com.capitalledger.api.support.HttpClientSupport.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event feed over real HTTP (DESIGN section 11): server-sent events read line by line as a client reads them,
 * resumed with Last-Event-ID, 10,000 entries replayed none lost nor repeated (paged from PostgreSQL and from the
 * in-memory window), nothing from a refused or rolled-back command but the refusal, filters and roles, its refusals,
 * heartbeats, the live end, a full node, and a client that does not read delaying no one else. Its own ledger: the
 * journal holds only this class's entries, and the heartbeat is short.
 */
@TestPropertySource(properties = {"ledger.test.context=feed-sse", "ledger.feed.heartbeat=300ms",
        "ledger.feed.max-streams=8", "ledger.feed.window=2000"})
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedSseIT extends IntegrationTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final LocalDate DAY = LocalDate.of(2025, 1, 1);
    private static final int BULK = 10_000;
    private static final int WRITERS = 4;
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    private CommandGateway commands;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private FeedEvents feed;
    @Autowired
    private FeedStreams streams;

    private boolean bulkWritten;

    /** One server-sent event as the client parsed it. */
    record Event(long id, String type, String data) {
        JsonNode json() {
            return parse(data);
        }
    }

    /**
     * A feed client: reads the stream on a thread of its own, line by line, parsing events and comments as an
     * EventSource does; the test takes them from a queue with a deadline.
     */
    static final class Sse implements AutoCloseable {

        private static final Object END = new Object();
        final HttpResponse<InputStream> response;
        final String errorBody;
        private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();

        Sse(HttpResponse<InputStream> response) throws IOException {
            this.response = response;
            if (response.statusCode() != 200) {
                errorBody = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
                return;
            }
            errorBody = null;
            Thread reader = new Thread(this::read, "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                String opening = lines.readLine();
                if (!": open".equals(opening)) {
                    received.add("unexpected opening line: " + opening);
                }
                String id = null;
                String type = null;
                StringBuilder data = null;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isEmpty()) {
                        if (data != null) {
                            received.add(new Event(Long.parseLong(id), type, data.toString()));
                        }
                        id = null;
                        type = null;
                        data = null;
                    } else if (line.startsWith(":")) {
                        received.add(line.substring(1).trim());
                    } else if (line.startsWith("id: ")) {
                        id = line.substring(4);
                    } else if (line.startsWith("event: ")) {
                        type = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        data = data == null ? new StringBuilder(line.substring(6))
                                : data.append('\n').append(line.substring(6));
                    } else {
                        received.add("unexpected line: " + line);
                    }
                }
            } catch (IOException closed) {
                // The test closed the stream.
            } finally {
                received.add(END);
            }
        }

        /** The next event, skipping comments; fails if none comes within {@code within}. */
        Event next(Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (true) {
                Object item = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                assertThat(item).as("an event within " + within).isNotNull().isNotSameAs(END);
                if (item instanceof Event event) {
                    return event;
                }
                assertThat((String) item).isEqualTo("heartbeat");
            }
        }

        List<Event> next(int count) throws InterruptedException {
            List<Event> events = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                events.add(next(WAIT));
            }
            return events;
        }

        /**
         * The events before the first heartbeat: everything the stream had to send before it caught up (a stream
         * sends a heartbeat only once it has nothing to send).
         */
        List<Event> untilHeartbeat() throws InterruptedException {
            List<Event> events = new ArrayList<>();
            while (true) {
                Object item = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(item).as("an event or a heartbeat").isNotNull().isNotSameAs(END);
                if (item instanceof Event event) {
                    events.add(event);
                } else {
                    assertThat((String) item).isEqualTo("heartbeat");
                    return events;
                }
            }
        }

        /** The next item, event or comment ("heartbeat"). */
        Object nextItem(Duration within) throws InterruptedException {
            Object item = received.poll(within.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(item).as("something within " + within).isNotNull().isNotSameAs(END);
            return item;
        }

        JsonNode problem() {
            return parse(errorBody);
        }

        @Override
        public void close() throws IOException {
            if (errorBody == null) {
                response.body().close();
            }
        }
    }

    private Sse open(TestUsers user, String query, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/feed"
                + query)).timeout(WAIT).header("Accept", "text/event-stream, application/problem+json").GET();
        if (user != null) {
            request.header("Authorization", user.basic());
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return new Sse(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    private void post(String path, String body) {
        HttpResponse<String> response = http().postJson(path, body);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(201);
    }

    private void program(String programId, String... investors) {
        post("/api/v1/programs", """
                {"programId":"%s","name":"Feed","currency":"USD","targetAmount":"1000000000.00","maxDebtPct":"80",
                 "effectiveDate":"2025-01-01"}""".formatted(programId));
        for (String investor : investors) {
            commit(programId, investor);
        }
    }

    private void commit(String programId, String investor) {
        post("/api/v1/programs/" + programId + "/commitments", """
                {"investorId":"%s","investorName":"Investor %s","amount":"1000000.00","currency":"USD",
                 "effectiveDate":"2025-01-01"}""".formatted(investor, investor));
    }

    /** Waits until the feed has every stored event (refusals included): this ledger journals every one. */
    private long awaitJournaled() {
        long stored = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        await("the feed has every stored event").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> feed.size() >= stored);
        return feed.size();
    }

    private static List<String> types(List<Event> events) {
        return events.stream().map(event -> event.type().replace("com.capitalledger.", "").replace(".v1", ""))
                .toList();
    }

    @Test
    void aReconnectingClientResumesJustAfterItsLastEventId() throws Exception {
        long start = feed.size();
        program("RECONNECT", "A", "B", "C", "D");
        awaitJournaled();
        List<Event> first;
        try (Sse stream = open(TestUsers.ADMIN, "?programId=RECONNECT&fromSeq=" + start)) {
            first = stream.next(5);
        }
        assertThat(types(first)).containsExactly("ProgramCreated", "EquityCommitted", "EquityCommitted",
                "EquityCommitted", "EquityCommitted");
        for (Event event : first) {
            assertThat(event.json().get("seq").asLong()).isEqualTo(event.id());
            assertThat(event.json().get("type").asText()).isEqualTo(event.type());
            assertThat(event.json().get("source").asText()).isEqualTo("/programs/RECONNECT");
        }
        // Disconnected at seq N: the reconnection (same URL, as EventSource sends it) resumes at N + 1.
        long n = first.get(2).id();
        try (Sse resumed = open(TestUsers.ADMIN, "?programId=RECONNECT&fromSeq=" + start, "Last-Event-ID",
                Long.toString(n))) {
            assertThat(resumed.response.statusCode()).isEqualTo(200);
            assertThat(resumed.next(2)).containsExactlyElementsOf(first.subList(3, 5));
        }
        // The server notices the clients went (its next heartbeat fails) and ends their streams.
        await("streams of gone clients ended").atMost(WAIT).until(streams::openStreams, open -> open == 0);
    }

    /**
     * 10,000 increases of commitments, written through the command gateway by four writers at once, each on a program
     * of its own, in transactions of 500 commands.
     */
    private void writeBulk() {
        if (bulkWritten) {
            return;
        }
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            ProgramId program = new ProgramId("BULK-" + w);
            writers.add(CompletableFuture.runAsync(() -> {
                commands.sendAndWait(new CreateProgram(program, "Bulk", "USD", new BigDecimal("1000000000.00"),
                        new BigDecimal("80"), DAY));
                commands.sendAndWait(new CommitEquity(program, new InvestorId("A"), "Alpha",
                        new BigDecimal("1000.00"), "USD", DAY));
                for (int batch = 0; batch < BULK / WRITERS / 500; batch++) {
                    transaction.executeWithoutResult(status -> {
                        for (int i = 0; i < 500; i++) {
                            commands.sendAndWait(new IncreaseCommitment(program, new InvestorId("A"),
                                    new BigDecimal("1.00"), "USD", DAY));
                        }
                    });
                }
            }, threads));
        }
        try {
            writers.forEach(CompletableFuture::join);
        } finally {
            threads.shutdown();
        }
        bulkWritten = true;
    }

    @Test
    void tenThousandEntriesAreReplayedInOrderNoneLostNorRepeated() throws Exception {
        writeBulk();
        long size = awaitJournaled();
        List<Map<String, Object>> journal = jdbc.queryForList("SELECT seq, event_identifier FROM journal_entry "
                + "ORDER BY seq");
        assertThat(journal).hasSize((int) size).hasSizeGreaterThan(BULK);
        List<Event> replayed;
        try (Sse stream = open(TestUsers.ADMIN, "?fromSeq=0")) {
            replayed = stream.next((int) size);
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < replayed.size(); i++) {
            Event event = replayed.get(i);
            JsonNode cloudEvent = event.json();
            assertThat(event.id()).as("seq of event " + i).isEqualTo(i);
            assertThat(cloudEvent.get("seq").asLong()).isEqualTo(i);
            assertThat(cloudEvent.get("id").asText()).isEqualTo(journal.get(i).get("event_identifier"));
            assertThat(((Number) journal.get(i).get("seq")).longValue()).isEqualTo(i);
            assertThat(ids.add(cloudEvent.get("id").asText())).as("event id " + cloudEvent.get("id")).isTrue();
        }
        assertThat(types(replayed)).filteredOn("CommitmentIncreased"::equals).hasSize(BULK);

        // A filtered replay skips what it does not admit: strictly increasing, every increase of the program once.
        try (Sse filtered = open(TestUsers.TREASURY, "?programId=BULK-1&type=CommitmentIncreased&fromSeq=0")) {
            List<Long> increases = filtered.next(BULK / WRITERS).stream().map(Event::id).toList();
            for (int i = 1; i < increases.size(); i++) {
                assertThat(increases.get(i)).isGreaterThan(increases.get(i - 1));
            }
            assertThat(increases).isEqualTo(jdbc.queryForList("SELECT j.seq FROM journal_entry j JOIN "
                    + "domain_event_entry e ON e.event_identifier = j.event_identifier WHERE e.aggregate_identifier "
                    + "= 'BULK-1' AND e.payload_type LIKE '%.CommitmentIncreased' ORDER BY j.seq", Long.class));
            assertThat(filtered.nextItem(WAIT)).as("nothing after the last increase").isEqualTo("heartbeat");
        }
    }

    @Test
    void aRefusedOrRolledBackCommandPublishesNothingButTheRefusal() throws Exception {
        program("REFUSED", "A");
        awaitJournaled();
        try (Sse treasury = open(TestUsers.TREASURY, "?programId=REFUSED");
             Sse compliance = open(TestUsers.COMPLIANCE, "?programId=REFUSED")) {
            assertThat(treasury.response.statusCode()).isEqualTo(200);
            assertThat(compliance.response.statusCode()).isEqualTo(200);
            // Refused: A has committed already.
            HttpResponse<String> refused = http().postJson("/api/v1/programs/REFUSED/commitments", """
                    {"investorId":"A","investorName":"Again","amount":"5.00","currency":"USD",
                     "effectiveDate":"2025-01-01"}""");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
            // Accepted by the ledger, then rolled back with the transaction around it: never stored.
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                commands.sendAndWait(new IncreaseCommitment(new ProgramId("REFUSED"), new InvestorId("A"),
                        new BigDecimal("7.77"), "USD", DAY));
                status.setRollbackOnly();
            });
            assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = "
                    + "'REFUSED' AND payload_type LIKE '%CommitmentIncreased'", Long.class)).isZero();
            commit("REFUSED", "B");

            Event rejection = compliance.next(WAIT);
            assertThat(rejection.type()).isEqualTo("com.capitalledger.CommandRejected.v1");
            assertThat(rejection.json().at("/data/code").asText()).isEqualTo("DUPLICATE_ID");
            Event afterRejection = compliance.next(WAIT);
            assertThat(afterRejection.type()).isEqualTo("com.capitalledger.EquityCommitted.v1");
            assertThat(afterRejection.json().at("/data/investorId").toString()).contains("B");
            // The treasury sees no refusal, and neither sees the rolled-back increase: B's commitment comes next.
            Event first = treasury.next(WAIT);
            assertThat(first).isEqualTo(afterRejection);
            assertThat(afterRejection.id()).isEqualTo(rejection.id() + 1);
        }
    }

    @Test
    void filtersRolesAndRefusalsDecideWhatAReaderReceives() throws Exception {
        long start = awaitJournaled();
        program("F1", "A", "B");
        program("F2", "A", "C");
        post("/api/v1/programs/F1/phases", """
                {"phaseId":"PH1","name":"Phase","budget":"500000000.00","currency":"USD",
                 "effectiveDate":"2025-01-01"}""");
        post("/api/v1/programs/F1/capital-calls", """
                {"callId":"C1","phaseId":"PH1","amount":"100000.00","currency":"USD","purpose":"land",
                 "effectiveDate":"2025-02-01"}""");
        assertThat(http().postJson("/api/v1/programs/F2/commitments", """
                {"investorId":"A","investorName":"Again","amount":"5.00","currency":"USD",
                 "effectiveDate":"2025-01-01"}""").statusCode()).isEqualTo(422);
        awaitJournaled();
        String from = "fromSeq=" + start;

        try (Sse both = open(TestUsers.TREASURY, "?programId=F1&type=EquityCommitted"
                + "&type=com.capitalledger.CapitalCalled.v1&" + from)) {
            List<Event> events = both.untilHeartbeat();
            assertThat(types(events)).containsExactly("EquityCommitted", "EquityCommitted", "CapitalCalled");
            assertThat(events).allSatisfy(event -> assertThat(event.json().get("source").asText())
                    .isEqualTo("/programs/F1"));
        }
        List<String> accepted = List.of("ProgramCreated", "EquityCommitted", "EquityCommitted", "ProgramCreated",
                "EquityCommitted", "EquityCommitted", "PhaseCreated", "CapitalCalled");
        for (TestUsers reader : List.of(TestUsers.TREASURY, TestUsers.ANALYST)) {
            try (Sse stream = open(reader, "?" + from)) {
                assertThat(types(stream.untilHeartbeat())).as(reader.name()).containsExactlyElementsOf(accepted);
            }
        }
        List<String> withRefusal = new ArrayList<>(accepted);
        withRefusal.add("CommandRejected");
        for (TestUsers auditor : List.of(TestUsers.COMPLIANCE, TestUsers.ADMIN)) {
            try (Sse stream = open(auditor, "?" + from)) {
                List<Event> events = stream.untilHeartbeat();
                assertThat(types(events)).as(auditor.name()).containsExactlyElementsOf(withRefusal);
                // Unfiltered, the seqs are consecutive.
                for (int i = 0; i < events.size(); i++) {
                    assertThat(events.get(i).id()).isEqualTo(start + i);
                }
            }
        }
        // The investor (bound to A) receives the accepted events naming A: its commitments and the call it shares.
        try (Sse investor = open(TestUsers.INVESTOR, "?" + from)) {
            List<Event> events = investor.untilHeartbeat();
            assertThat(types(events)).containsExactly("EquityCommitted", "EquityCommitted", "CapitalCalled");
            assertThat(events.get(0).json().get("subject").asText()).isEqualTo("A");
            assertThat(events.get(1).json().get("subject").asText()).isEqualTo("A");
            assertThat(events.get(1).json().get("source").asText()).isEqualTo("/programs/F2");
        }

        try (Sse anonymous = open(null, "?" + from)) {
            assertThat(anonymous.response.statusCode()).isEqualTo(401);
            assertThat(anonymous.problem().get("code").asText()).isEqualTo("UNAUTHENTICATED");
        }
    }

    /** A request the feed refuses: the parameter it names, the query, and a Last-Event-ID or none. */
    private record Bad(String parameter, String query, String lastEventId) {
    }

    @Test
    void badParametersAreRefusedWithTheirCodeNamingTheParameter() throws Exception {
        long size = awaitJournaled();
        List<Bad> requests = List.of(
                new Bad("type", "?type=CapitalCalled&type=NoSuchEvent", null),
                new Bad("type", "?type=com.capitalledger.CapitalCalled.v2", null),
                new Bad("fromSeq", "?fromSeq=-1", null),
                new Bad("fromSeq", "?fromSeq=" + (size + 1), null),
                new Bad("fromSeq", "?fromSeq=abc", null),
                new Bad("programId", "?programId=no%20such%20id", null),
                new Bad("Last-Event-ID", "", "abc"),
                new Bad("Last-Event-ID", "?fromSeq=0", "-1"));
        for (Bad request : requests) {
            String[] headers = request.lastEventId() == null ? new String[0]
                    : new String[]{"Last-Event-ID", request.lastEventId()};
            try (Sse refused = open(TestUsers.COMPLIANCE, request.query(), headers)) {
                String what = request + ": " + refused.errorBody;
                assertThat(refused.response.statusCode()).as(what).isEqualTo(400);
                assertThat(refused.response.headers().firstValue("Content-Type")).get().asString().as(what)
                        .startsWith("application/problem+json");
                assertThat(refused.problem().get("code").asText()).as(what).isEqualTo("INVALID_PARAMETER");
                assertThat(refused.problem().at("/errors/0/field").asText()).as(what).isEqualTo(request.parameter());
            }
        }
        // At the journal's size exactly: a valid start, the live end.
        try (Sse live = open(TestUsers.COMPLIANCE, "?fromSeq=" + size)) {
            assertThat(live.response.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aLiveStreamReceivesNewEntriesAndHeartbeatsMeanwhile() throws Exception {
        program("LIVE");
        awaitJournaled();
        try (Sse live = open(TestUsers.TREASURY, "?programId=LIVE")) {
            assertThat(live.response.statusCode()).isEqualTo(200);
            assertThat(live.response.headers().firstValue("Content-Type")).get().asString()
                    .startsWith("text/event-stream");
            // Nothing to send: a heartbeat comment every 300 ms (this test's setting).
            assertThat(live.nextItem(WAIT)).isEqualTo("heartbeat");
            assertThat(live.nextItem(WAIT)).isEqualTo("heartbeat");
            commit("LIVE", "A");
            Event event = live.next(WAIT);
            assertThat(event.type()).isEqualTo("com.capitalledger.EquityCommitted.v1");
            assertThat(event.id()).isEqualTo(jdbc.queryForObject("SELECT j.seq FROM journal_entry j JOIN "
                    + "domain_event_entry e ON e.event_identifier = j.event_identifier WHERE e.aggregate_identifier "
                    + "= 'LIVE' AND e.sequence_number = 1", Long.class));
        }
    }

    @Test
    void aNodeStreamsAtMostItsMaximumThenAnswersFeedFull() throws Exception {
        await("earlier streams ended").atMost(WAIT).until(streams::openStreams, open -> open == 0);
        List<Sse> open = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                open.add(open(TestUsers.ANALYST, ""));
                assertThat(open.get(i).response.statusCode()).isEqualTo(200);
            }
            try (Sse full = open(TestUsers.ANALYST, "")) {
                assertThat(full.response.statusCode()).isEqualTo(503);
                assertThat(full.response.headers().firstValue("Retry-After")).contains("5");
                assertThat(full.problem().get("code").asText()).isEqualTo("FEED_FULL");
            }
        } finally {
            for (Sse stream : open) {
                stream.close();
            }
        }
        await("the streams of the clients that left ended").atMost(WAIT)
                .until(streams::openStreams, count -> count == 0);
        try (Sse again = open(TestUsers.ANALYST, "")) {
            assertThat(again.response.statusCode()).isEqualTo(200);
        }
    }

    /**
     * A client that asks for the whole journal and reads none of it: its stream's thread blocks writing to it, while
     * another client's live event and the command behind it go through at once; then it reads its backlog, all of it.
     */
    @Test
    void aClientThatDoesNotReadDelaysNoOtherClientNorCommand() throws Exception {
        writeBulk();
        program("FAST");
        long size = awaitJournaled();
        await("earlier streams ended").atMost(WAIT).until(streams::openStreams, open -> open == 0);
        try (SlowClient slow = new SlowClient(TestUsers.ADMIN, "/api/v1/feed?fromSeq=0");
             Sse fast = open(TestUsers.TREASURY, "?programId=FAST")) {
            assertThat(fast.response.statusCode()).isEqualTo(200);
            // The slow client's stream is open and has far more to write than the sockets between them hold.
            await().atMost(WAIT).until(streams::openStreams, count -> count == 2);
            long posted = System.nanoTime();
            commit("FAST", "A");
            Event event = fast.next(Duration.ofSeconds(5));
            assertThat(Duration.ofNanos(System.nanoTime() - posted)).isLessThan(Duration.ofSeconds(5));
            assertThat(event.type()).isEqualTo("com.capitalledger.EquityCommitted.v1");
            assertThat(streams.openStreams()).as("the slow stream is still writing").isEqualTo(2);

            // Its backlog was all pending: it now reads every entry, up to the one just committed.
            assertThat(slow.readUntilSeq(event.id())).isEqualTo(event.id() + 1).isGreaterThan(size);
        }
    }

    /**
     * A client on a plain socket with a small receive buffer that sends its request and does not read until told to:
     * the stream's bytes pile up in the sockets until the server's write blocks.
     */
    private final class SlowClient implements AutoCloseable {

        private final Socket socket = new Socket();

        SlowClient(TestUsers user, String path) throws IOException {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("localhost", port), 5000);
            socket.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + user.basic()
                    + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /** Reads the chunked stream until the event with id {@code seq}; returns how many events it read. */
        long readUntilSeq(long seq) throws IOException {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String status = line(in);
            assertThat(status).startsWith("HTTP/1.1 200");
            while (!line(in).isEmpty()) {
                // headers
            }
            StringBuilder pending = new StringBuilder();
            long events = 0;
            String last = "id: " + seq;
            while (true) {
                int size = Integer.parseInt(line(in).trim(), 16);
                assertThat(size).as("the stream ended early").isPositive();
                pending.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
                line(in);
                int start = 0;
                for (int end = pending.indexOf("\n"); end >= 0; end = pending.indexOf("\n", start)) {
                    String line = pending.substring(start, end);
                    start = end + 1;
                    if (line.startsWith("id: ")) {
                        events++;
                        if (line.equals(last)) {
                            return events;
                        }
                    }
                }
                pending.delete(0, start);
            }
        }

        private String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new UncheckedIOException(new IOException("the stream ended"));
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
