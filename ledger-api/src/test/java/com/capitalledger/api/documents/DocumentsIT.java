package com.capitalledger.api.documents;

import com.capitalledger.api.support.HttpClientSupport;
import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.OperatingProgram;
import com.capitalledger.api.support.TestUsers;
import com.capitalledger.journal.digest.Digests;
import com.capitalledger.journal.keys.SigningKeys;
import com.capitalledger.journal.tree.Rfc9162;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documents investors receive, over HTTP, on {@link OperatingProgram}'s program with a valuation of its equity on
 * 2026-09-30 (120 million: A 72 million, B 48 million, pro rata to paid-in 60/40). Every figure is computed by hand;
 * each PDF's extracted text holds every figure of its JSON twin as 1,234,567.89, its seqs and the digest, and every
 * proof of the JSON verifies with RFC 9162's algorithm as {@link Rfc9162} writes it, against the digest's root. Its
 * own database: the operating program fixes TERM-SOFR-12M.
 */
@TestPropertySource(properties = "ledger.test.context=documents")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class DocumentsIT extends IntegrationTest {

    private static final String P = "DOCS-IT";
    private static final String BASE = "/api/v1/programs/" + P;
    private static final String PDF = "application/pdf";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private HttpClientSupport analyst;

    @BeforeAll
    void anOperatingProgramValued() {
        OperatingProgram.seed(http(TestUsers.TREASURY), P);
        assertThat(http(TestUsers.TREASURY).postJson(BASE + "/valuations", """
                {"valuationDate":"2026-09-30","equityValue":"120000000.00","currency":"USD"}""").statusCode())
                .isEqualTo(201);
        awaitReadModels();
        Awaitility.await("the journal holds every event").atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry e WHERE NOT EXISTS (SELECT 1 FROM journal_entry j "
                        + "WHERE j.global_index = e.global_index)", Long.class) == 0);
        analyst = http(TestUsers.ANALYST);
    }

    @Test
    void theQuarterlyStatementPrintsEveryFigureOfItsJsonAndItsProofsVerify() throws IOException {
        String path = BASE + "/investors/A/capital-account?from=2026-10-01&to=2026-12-31";
        JsonNode statement = ok(analyst.get(path));
        // Q4 2026: NAV 72 million at both ends (the 2026-09-30 valuation), 6 million distributed on 2026-10-01.
        assertThat(figures(statement, "beginningNav", "contributions", "distributions", "netChangeInValue",
                "endingNav", "committed", "unfunded")).containsExactly("72000000.00", "0.00", "6000000.00",
                "6000000.00", "72000000.00", "60000000.00", "0.00");
        JsonNode returns = statement.get("returns");
        assertThat(figures(returns, "contributed", "distributed", "nav", "navBasis", "dpi", "rvpi", "tvpi"))
                .containsExactly("60000000.00", "6000000.00", "72000000.00", "VALUATION", "0.1000", "1.2000",
                        "1.3000");
        assertThat(returns.get("irrPct").isTextual()).isTrue();
        List<String> events = new ArrayList<>();
        statement.get("provenance").get("entries").forEach(e -> events.add(e.get("event").asText() + " "
                + e.get("date").asText()));
        assertThat(events).containsExactly("CapitalCalled 2026-01-15", "WaterfallRun 2026-10-01",
                "ValuationRecorded 2026-09-30");
        assertProofsVerify(statement.get("provenance"));

        HttpResponse<byte[]> pdf = pdf(path);
        assertThat(pdf.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"capital-account-statement-DOCS-IT-A-2026-10-01-2026-12-31.pdf\"");
        String text = text(pdf);
        assertThat(text).contains("Capital account statement", "Program DOCS-IT", "Investor A",
                "Period 2026-10-01 to 2026-12-31");
        for (String figure : List.of("beginningNav", "contributions", "distributions", "netChangeInValue",
                "endingNav", "committed", "unfunded")) {
            assertThat(text).as(figure).contains(money(statement.get(figure)));
        }
        assertThat(text).contains("Beginning NAV 72,000,000.00", "Distributions 6,000,000.00",
                "Net change in value 6,000,000.00", "Committed 60,000,000.00", "Unfunded 0.00");
        for (String figure : List.of("contributed", "distributed", "nav")) {
            assertThat(text).as(figure).contains(money(returns.get(figure)));
        }
        assertThat(text).contains("Contributed 60,000,000.00", "NAV 72,000,000.00", "NAV basis VALUATION",
                "DPI " + returns.get("dpi").asText(), "RVPI " + returns.get("rvpi").asText(),
                "TVPI " + returns.get("tvpi").asText(), "IRR (%) " + returns.get("irrPct").asText());
        assertPrintsProvenance(text, statement.get("provenance"));
    }

    @Test
    void theCallNoticeGivesTheAllocationAndWhatIsLeftUnfunded() throws IOException {
        String path = BASE + "/capital-calls/C1/notices/B";
        JsonNode notice = ok(analyst.get(path));
        assertThat(figures(notice, "programId", "callId", "phaseId", "purpose", "effectiveDate", "callAmount",
                "investorId", "allocation", "allocationStatus", "committed", "calledToDate", "unfunded"))
                .containsExactly(P, "C1", "PH1", "works", "2026-01-15", "100000000.00", "B", "40000000.00",
                        "ALLOCATED", "40000000.00", "40000000.00", "0.00");
        JsonNode entries = notice.get("provenance").get("entries");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("event").asText()).isEqualTo("CapitalCalled");
        assertProofsVerify(notice.get("provenance"));

        HttpResponse<byte[]> pdf = pdf(path);
        assertThat(pdf.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"capital-call-notice-DOCS-IT-C1-B.pdf\"");
        String text = text(pdf);
        assertThat(text).contains("Capital call notice", "Call C1", "Phase PH1", "Purpose works",
                "Effective date 2026-01-15", "Call amount " + money(notice.get("callAmount")),
                "Your allocation " + money(notice.get("allocation")), "Allocation status ALLOCATED",
                "Committed " + money(notice.get("committed")), "Called to date " + money(notice.get("calledToDate")),
                "Unfunded " + money(notice.get("unfunded")), "Call amount 100,000,000.00");
        assertPrintsProvenance(text, notice.get("provenance"));
    }

    @Test
    void theDistributionNoticeGivesTheShareAndItsBasis() throws IOException {
        String path = BASE + "/distributions/2027-04-01/notices/A";
        JsonNode notice = ok(analyst.get(path));
        // Q1 2027 distributed 32 million and the 8 million locked up in Q4 2026: 40 million, 60 % to A.
        assertThat(figures(notice, "paymentDate", "periodEnd", "amount", "investorId", "allocation", "paidIn",
                "basisPaidIn", "distributedToDate")).containsExactly("2027-04-01", "2027-03-31", "40000000.00",
                "A", "24000000.00", "60000000.00", "100000000.00", "30000000.00");
        JsonNode entries = notice.get("provenance").get("entries");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("event").asText()).isEqualTo("WaterfallRun");
        assertProofsVerify(notice.get("provenance"));

        String text = text(pdf(path));
        assertThat(text).contains("Distribution notice", "Payment date 2027-04-01", "Period ended 2027-03-31",
                "Distribution " + money(notice.get("amount")), "Your allocation " + money(notice.get("allocation")),
                "Your paid-in (share basis) " + money(notice.get("paidIn")),
                "Paid-in of the investors paid " + money(notice.get("basisPaidIn")),
                "Distributed to you to date " + money(notice.get("distributedToDate")),
                "Your allocation 24,000,000.00");
        assertPrintsProvenance(text, notice.get("provenance"));
    }

    @Test
    void theIndexListsTheInvestorsNoticesAndQuartersAndEachAnswers() {
        JsonNode documents = ok(analyst.get(BASE + "/investors/A/documents"));
        assertThat(documents.get("callNotices")).hasSize(1);
        assertThat(documents.get("callNotices").get(0).get("href").asText())
                .isEqualTo(BASE + "/capital-calls/C1/notices/A");
        List<String> distributions = new ArrayList<>();
        documents.get("distributionNotices").forEach(d -> distributions.add(d.get("paymentDate").asText() + " "
                + d.get("allocation").asText() + " " + d.get("href").asText()));
        assertThat(distributions).containsExactly(
                "2026-10-01 6000000.00 " + BASE + "/distributions/2026-10-01/notices/A",
                "2027-04-01 24000000.00 " + BASE + "/distributions/2027-04-01/notices/A");
        JsonNode statements = documents.get("statements");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate current = today.with(IsoFields.DAY_OF_QUARTER, 1);
        assertThat(statements.get(0).get("quarter").asText()).isEqualTo("2026-Q1");
        assertThat(statements.get(0).get("href").asText())
                .isEqualTo(BASE + "/investors/A/capital-account?from=2026-01-01&to=2026-03-31");
        JsonNode last = statements.get(statements.size() - 1);
        assertThat(last.get("from").asText()).isEqualTo(current.toString());
        assertThat(last.get("to").asText()).isEqualTo(current.plusMonths(3).minusDays(1).toString());
        assertThat(statements).hasSize((int) (java.time.temporal.ChronoUnit.MONTHS.between(
                LocalDate.parse("2026-01-01"), current) / 3 + 1));
        for (JsonNode link : List.of(documents.get("callNotices").get(0), documents.get("distributionNotices").get(1),
                statements.get(0))) {
            assertThat(analyst.get(link.get("href").asText()).statusCode()).as(link.toString()).isEqualTo(200);
        }
    }

    @Test
    void whatIsNotThereIsAStableNotFound() {
        assertProblem(analyst.get(BASE + "/capital-calls/NOPE/notices/A"), 404, "UNKNOWN_CALL");
        assertProblem(analyst.get(BASE + "/capital-calls/C1/notices/Z"), 404, "NOT_ALLOCATED");
        assertProblem(analyst.get(BASE + "/distributions/2026-12-31/notices/A"), 404, "UNKNOWN_DISTRIBUTION");
        // The Q4 2026 waterfall trapped its cash: it ran, and distributed nothing.
        assertProblem(analyst.get(BASE + "/distributions/2027-01-01/notices/A"), 404, "UNKNOWN_DISTRIBUTION");
        assertProblem(analyst.get(BASE + "/distributions/2026-10-01/notices/Z"), 404, "NOT_ALLOCATED");
        assertProblem(analyst.get(BASE + "/distributions/2026-13-01/notices/A"), 400, "INVALID_PARAMETER");
        assertProblem(analyst.get(BASE + "/investors/Z/documents"), 404, "UNKNOWN_INVESTOR");
        assertProblem(analyst.get("/api/v1/programs/NOPE/investors/A/documents"), 404, "NO_PROGRAM");
        assertProblem(analyst.get(BASE + "/investors/Z/capital-account?to=2026-12-31"), 404, "UNKNOWN_INVESTOR");
    }

    @Test
    void underAcceptPdfErrorsKeepTheirStatusAndCodeAndAnUnknownAcceptIsRefused() {
        String pdf = "application/pdf";
        assertProblem(analyst.get(BASE + "/capital-calls/NOPE/notices/A", "Accept", pdf), 404, "UNKNOWN_CALL");
        assertProblem(analyst.get(BASE + "/capital-calls/C1/notices/Z", "Accept", pdf), 404, "NOT_ALLOCATED");
        assertProblem(analyst.get(BASE + "/distributions/2026-12-31/notices/A", "Accept", pdf), 404,
                "UNKNOWN_DISTRIBUTION");
        assertProblem(analyst.get(BASE + "/distributions/someday/notices/A", "Accept", pdf), 400,
                "INVALID_PARAMETER");
        assertProblem(analyst.get("/api/v1/programs/NOPE/investors/A/capital-account", "Accept", pdf), 404,
                "NO_PROGRAM");
        assertProblem(analyst.get(BASE + "/investors/A/capital-account?from=2027-01-01&to=2026-12-31",
                "Accept", pdf), 400, "INVALID_PARAMETER");
        assertProblem(analyst.get(BASE + "/investors/A/capital-account?to=someday", "Accept", pdf), 400,
                "INVALID_PARAMETER");
        for (String path : List.of(BASE + "/capital-calls/C1/notices/A", BASE + "/distributions/2026-10-01/notices/A",
                BASE + "/investors/A/capital-account", BASE + "/investors/A/documents")) {
            assertProblem(analyst.get(path, "Accept", "image/png"), 406, "NOT_ACCEPTABLE");
        }
    }

    /** Reported for the benchmark: the mean time of a PDF document, over HTTP, once warm. */
    @Test
    void eachPdfIsGeneratedInWellUnderASecond() {
        for (String path : List.of(BASE + "/investors/A/capital-account?from=2026-10-01&to=2026-12-31",
                BASE + "/capital-calls/C1/notices/A", BASE + "/distributions/2027-04-01/notices/A")) {
            pdf(path);
            int runs = 20;
            long start = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                assertThat(pdf(path).statusCode()).isEqualTo(200);
            }
            double millis = (System.nanoTime() - start) / 1e6 / runs;
            System.out.printf("PDF %s: %.1f ms per document (mean of %d)%n", path, millis, runs);
            assertThat(millis).as(path).isLessThan(1000);
        }
    }

    private static List<String> figures(JsonNode node, String... names) {
        List<String> values = new ArrayList<>();
        for (String name : names) {
            values.add(node.get(name).asText());
        }
        return values;
    }

    /** Each entry's audit path leads from its leaf hash to the digest's root (RFC 9162, 2.1.3.2). */
    private static void assertProofsVerify(JsonNode provenance) {
        JsonNode digest = provenance.get("digest");
        long treeSize = digest.get("treeSize").asLong();
        byte[] root = HexFormat.of().parseHex(digest.get("rootHash").asText());
        assertThat(provenance.get("entries")).isNotEmpty();
        for (JsonNode entry : provenance.get("entries")) {
            List<byte[]> path = new ArrayList<>();
            entry.get("auditPath").forEach(hash -> path.add(HexFormat.of().parseHex(hash.asText())));
            byte[] leaf = HexFormat.of().parseHex(entry.get("leafHash").asText());
            assertThat(Rfc9162.verifyInclusion(entry.get("seq").asLong(), treeSize, leaf, path, root))
                    .as("entry %s", entry).isTrue();
            byte[] other = leaf.clone();
            other[0] ^= 1;
            assertThat(Rfc9162.verifyInclusion(entry.get("seq").asLong(), treeSize, other, path, root)).isFalse();
        }
    }

    /**
     * The PDF prints each seq of its twin, the digest's tree size, root, issuing instant, key id and signature; the
     * journal is still when the two are asked for, so both were checked against the same tree, and the signature the
     * PDF prints verifies with the journal's public key.
     */
    private void assertPrintsProvenance(String text, JsonNode provenance) {
        for (JsonNode entry : provenance.get("entries")) {
            assertThat(text).contains("seq " + entry.get("seq").asLong() + " " + entry.get("event").asText() + " "
                    + entry.get("date").asText());
        }
        JsonNode digest = provenance.get("digest");
        assertThat(text).contains("Digest tree size " + digest.get("treeSize").asLong(),
                digest.get("rootHash").asText(), "key id " + digest.get("keyId").asText(),
                "The leaf hashes and audit paths are in the JSON twin of this document");
        Matcher issued = Pattern.compile("Digest issued at (\\S+)").matcher(text);
        Matcher signature = Pattern.compile("Signature \\(base64\\)\\R(\\S+)").matcher(text);
        assertThat(issued.find()).isTrue();
        assertThat(signature.find()).isTrue();
        Digests.Digest printed = new Digests.Digest(null, digest.get("treeSize").asLong(),
                digest.get("rootHash").asText(), issued.group(1), "Ed25519", digest.get("keyId").asText(),
                signature.group(1));
        String pem = http(TestUsers.COMPLIANCE).get("/api/v1/journal/public-key").body();
        assertThat(Digests.verify(printed, SigningKeys.publicKeyFromPem(pem))).isTrue();
    }

    private static String money(JsonNode amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format.format(new BigDecimal(amount.asText()));
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(200);
        return json(response);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).get("code").asText()).isEqualTo(code);
    }

    private HttpResponse<byte[]> pdf(String path) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + path)).header("Accept", PDF).header("Authorization", TestUsers.ANALYST.basic()).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(path + " " + new String(response.body())).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue(PDF);
            return response;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String text(HttpResponse<byte[]> pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
