package com.capitalledger.api.web;

import com.capitalledger.api.support.HttpClientSupport;
import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.TestUsers;
import com.capitalledger.client.ApiClient;
import com.capitalledger.client.ApiException;
import com.capitalledger.client.ApiResponse;
import com.capitalledger.client.api.AdministrationApi;
import com.capitalledger.client.api.AuditApi;
import com.capitalledger.client.api.BaseRatesApi;
import com.capitalledger.client.api.CashFlowsApi;
import com.capitalledger.client.api.DebtApi;
import com.capitalledger.client.api.EquityApi;
import com.capitalledger.client.api.JournalApi;
import com.capitalledger.client.api.PositionsApi;
import com.capitalledger.client.api.ReturnsApi;
import com.capitalledger.client.api.ProgramsApi;
import com.capitalledger.client.api.WhatIfApi;
import com.capitalledger.client.model.AuditEntry;
import com.capitalledger.client.model.AuditPage;
import com.capitalledger.client.model.CapitalCallRequest;
import com.capitalledger.client.model.CashFlowsView;
import com.capitalledger.client.model.ChangeOutcome;
import com.capitalledger.client.model.ChangeRequest;
import com.capitalledger.client.model.CommandAccepted;
import com.capitalledger.client.model.CommitEquityRequest;
import com.capitalledger.client.model.CreatePhaseRequest;
import com.capitalledger.client.model.CreateProgramRequest;
import com.capitalledger.client.model.CreateTrancheRequest;
import com.capitalledger.client.model.DrawRequest;
import com.capitalledger.client.model.FigureDifference;
import com.capitalledger.client.model.FixingRequest;
import com.capitalledger.client.model.FixingView;
import com.capitalledger.client.model.InstallmentRequest;
import com.capitalledger.client.model.OperatingCashFlowRequest;
import com.capitalledger.client.model.OperatingTermsRequest;
import com.capitalledger.client.model.Problem;
import com.capitalledger.client.model.ProgramPositions;
import com.capitalledger.client.model.ReadModelStatus;
import com.capitalledger.client.model.RepayRequest;
import com.capitalledger.client.model.RepaymentScheduleRequest;
import com.capitalledger.client.model.RepriceRequest;
import com.capitalledger.client.model.ReturnsView;
import com.capitalledger.client.model.TranchePosition;
import com.capitalledger.client.model.WaterfallRequest;
import com.capitalledger.client.model.WaterfallStepView;
import com.capitalledger.client.model.WaterfallView;
import com.capitalledger.client.model.WhatIfCommand;
import com.capitalledger.client.model.WhatIfDraw;
import com.capitalledger.client.model.WhatIfIncreaseCommitment;
import com.capitalledger.client.model.WhatIfRequest;
import com.capitalledger.client.model.WhatIfResult;
import com.capitalledger.journal.keys.SigningKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.TestPropertySource;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * A Java client generated at build time from the committed OpenAPI snapshot (openapi-generator, native library) runs
 * the Stargate demo and reads its outcome with no workaround: typed requests whose amounts are strings, 201 with
 * ETag and Location, positions equal field by field to what {@code demo_expected.py} computes independently,
 * refusals as typed problems with their code, the audit trail as a page and as a CSV export, a what-if whose commands
 * are typed models, the journal's public key as text. Any way the document departs from the wire fails here, or in
 * {@code OpenApiSnapshotIT} when the snapshot is stale.
 */
@TestPropertySource(properties = "ledger.test.context=openapi-contract")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedClientIT extends IntegrationTest {

    private static final String STARGATE = "STARGATE";
    private static final String CORRELATION = "generated-client";
    private static final Pattern PROGRAM_PATH =
            Pattern.compile("/api/v1/programs/STARGATE/([\\w-]+)(?:/([\\w-]+)/([\\w-]+))?");

    private final List<ApiResponse<CommandAccepted>> answers = new ArrayList<>();

    @Autowired
    private SigningKeys signingKeys;

    private ApiClient client(TestUsers user) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setRequestInterceptor(request -> request.header("Authorization", user.basic()));
        return client;
    }

    /**
     * Posts each financing step of {@code demo/stargate.json} (not its operations) through the generated API, its body
     * read into the typed model.
     */
    @BeforeAll
    void runTheStargateDemoThroughTheGeneratedClient() throws Exception {
        ApiClient treasury = client(TestUsers.TREASURY);
        ObjectMapper models = treasury.getObjectMapper();
        JsonNode steps;
        try (InputStream in = new ClassPathResource("demo/stargate.json").getInputStream()) {
            steps = models.readTree(in).get("steps");
        }
        for (int i = 0; i < steps.size(); i++) {
            String path = steps.get(i).get("path").asText();
            JsonNode body = steps.get(i).get("body");
            String key = "generated-client-" + (i + 1);
            answers.add(post(treasury, models, path, body, key));
        }
        AdministrationApi admin = new AdministrationApi(client(TestUsers.ADMIN));
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.listReadModels(null).stream().allMatch(status ->
                status.getState() == ReadModelStatus.StateEnum.LIVE && status.getPosition() >= status.getHead()));
    }

    private static ApiResponse<CommandAccepted> post(ApiClient client, ObjectMapper models, String path, JsonNode body,
                                                     String key) throws Exception {
        if (path.equals("/api/v1/programs")) {
            return new ProgramsApi(client).createProgramWithHttpInfo(key,
                    models.treeToValue(body, CreateProgramRequest.class), CORRELATION, null);
        }
        if (path.startsWith("/api/v1/base-rates/")) {
            return new BaseRatesApi(client).recordBaseRateFixingWithHttpInfo(path.split("/")[4], key,
                    models.treeToValue(body, FixingRequest.class), CORRELATION, null);
        }
        Matcher step = PROGRAM_PATH.matcher(path);
        assertThat(step.matches()).as(path).isTrue();
        String id = step.group(2);
        return switch (step.group(1) + (step.group(3) == null ? "" : "/" + step.group(3))) {
            case "phases" -> new ProgramsApi(client).createPhaseWithHttpInfo(STARGATE, key,
                    models.treeToValue(body, CreatePhaseRequest.class), CORRELATION, null);
            case "commitments" -> new EquityApi(client).commitEquityWithHttpInfo(STARGATE, key,
                    models.treeToValue(body, CommitEquityRequest.class), CORRELATION, null);
            case "capital-calls" -> new EquityApi(client).callCapitalWithHttpInfo(STARGATE, key,
                    models.treeToValue(body, CapitalCallRequest.class), CORRELATION, null);
            case "tranches" -> new DebtApi(client).createTrancheWithHttpInfo(STARGATE, key,
                    models.treeToValue(body, CreateTrancheRequest.class), CORRELATION, null);
            case "tranches/draws" -> new DebtApi(client).drawTrancheWithHttpInfo(STARGATE, id, key,
                    models.treeToValue(body, DrawRequest.class), CORRELATION, null);
            case "tranches/repayments" -> new DebtApi(client).repayTrancheWithHttpInfo(STARGATE, id, key,
                    models.treeToValue(body, RepayRequest.class), CORRELATION, null);
            case "tranches/repricings" -> new DebtApi(client).repriceTrancheWithHttpInfo(STARGATE, id, key,
                    models.treeToValue(body, RepriceRequest.class), CORRELATION, null);
            default -> throw new AssertionError("the demo has a step this test cannot post: " + path);
        };
    }

    @Test
    void everyDemoStepIsCreatedWithItsVersionAsETagAndALocation() {
        assertThat(answers).hasSize(20);
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.getStatusCode()).isEqualTo(201);
            assertThat(answer.getHeaders().get("etag")).containsExactly("\"" + answer.getData().getVersion() + "\"");
            assertThat(answer.getHeaders().get("location")).hasSize(1);
            assertThat(answer.getHeaders().get("x-correlation-id")).containsExactly(CORRELATION);
        });
        // The program's 17 events are versions 0 to 16; the 3 SOFR fixings count in the rate's own stream.
        assertThat(answers.get(19).getData().getAggregateId()).isEqualTo("base-rate:SOFR");
        assertThat(answers.get(19).getData().getVersion()).isEqualTo(2L);
        assertThat(answers.get(18).getData().getVersion()).isEqualTo(16L);
        assertThat(answers.get(1).getHeaders().get("location")).containsExactly("/api/v1/programs/STARGATE");
    }

    @Test
    void thePositionsReadThroughTheClientAreTheIndependentlyComputedOnes() throws Exception {
        ApiClient analyst = client(TestUsers.ANALYST);
        PositionsApi positions = new PositionsApi(analyst);
        ObjectMapper models = analyst.getObjectMapper();
        JsonNode expected;
        try (InputStream in = getClass().getResourceAsStream("/demo_expected.json")) {
            expected = models.readTree(in);
        }
        // This test posts the demo's financing steps only: the expected positions of 2025, before its operations.
        List<Map.Entry<String, JsonNode>> financing = expected.get("positions").properties().stream()
                .filter(asOf -> asOf.getKey().startsWith("2025-")).toList();
        assertThat(financing).hasSize(2);
        for (Map.Entry<String, JsonNode> asOf : financing) {
            ProgramPositions read = positions.readPositions(STARGATE, LocalDate.parse(asOf.getKey()), null, null, null, null);
            ObjectNode written = models.valueToTree(read);
            written.remove("knownAt");

            assertThat(written).as("positions as of " + asOf.getKey()).isEqualTo(asOf.getValue());
        }
        ProgramPositions yearEnd = positions.readPositions(STARGATE, LocalDate.of(2025, 12, 31), null, null, null, null);
        assertThat(yearEnd.getInvestors()).extracting(investor -> investor.getInvestorId() + " "
                + investor.getCommitted()).containsExactly("MGX 5000000000.00", "OPENAI 19000000000.00",
                "ORACLE 7000000000.00", "SOFTBANK 19000000000.00");
        assertThat(yearEnd.getCapitalisation().getDebtPctOfCapitalisation()).isEqualTo("48.648649");
        assertThat(yearEnd.getTranches()).extracting(TranchePosition::getSeniority)
                .containsExactly(TranchePosition.SeniorityEnum.MEZZANINE, TranchePosition.SeniorityEnum.SENIOR);
    }

    @Test
    void aDrawBeyondTheCommitmentComesBackAsATypedProblem() throws Exception {
        ApiClient treasury = client(TestUsers.TREASURY);
        TranchePosition senior = new PositionsApi(treasury).readTranchePosition(STARGATE, "SENIOR-A",
                LocalDate.of(2025, 12, 31), null, null, null, null);
        String oneCentTooMuch = new java.math.BigDecimal(senior.getUndrawn()).add(new java.math.BigDecimal("0.01"))
                .toPlainString();

        ApiException refused = catchThrowableOfType(ApiException.class, () -> new DebtApi(treasury).drawTranche(
                STARGATE, "SENIOR-A", "generated-client-too-much", new DrawRequest().drawId("D-4")
                        .amount(oneCentTooMuch).currency("USD").effectiveDate(LocalDate.of(2025, 11, 3)),
                "refused-draw", null));

        assertThat(refused.getCode()).isEqualTo(422);
        assertThat(refused.getResponseHeaders().firstValue("Content-Type")).hasValue("application/problem+json");
        Problem problem = treasury.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(422);
        assertThat(problem.getCode()).isEqualTo(Problem.CodeEnum.COMMITMENT_EXCEEDED);
        assertThat(problem.getCorrelationId()).isEqualTo("refused-draw");
        assertThat(problem.getInstance()).isEqualTo("/api/v1/programs/STARGATE/tranches/SENIOR-A/draws");
        assertThat(oneCentTooMuch).isEqualTo("26000000000.01");
    }

    @Test
    void malformedInputUnknownProgramsAndStaleVersionsAreTypedProblemsToo() throws Exception {
        ApiClient treasury = client(TestUsers.TREASURY);
        ObjectMapper models = treasury.getObjectMapper();
        DebtApi debt = new DebtApi(treasury);

        ApiException malformed = catchThrowableOfType(ApiException.class, () -> debt.drawTranche(STARGATE, "SENIOR-A",
                "generated-client-malformed", new DrawRequest().drawId("D-5").amount("1.5").currency("USDX")
                        .effectiveDate(LocalDate.of(2025, 11, 3)), null, null));
        ApiException unknown = catchThrowableOfType(ApiException.class, () -> new PositionsApi(treasury)
                .readPositions("NOWHERE", null, null, null, null, null));
        ApiException stale = catchThrowableOfType(ApiException.class, () -> new DebtApi(treasury).repayTranche(
                STARGATE, "MEZZ-A", "generated-client-stale", new RepayRequest().repaymentId("R-2").amount("1.00")
                        .currency("USD").effectiveDate(LocalDate.of(2025, 11, 3)), null, "\"3\""));

        Problem validation = models.readValue(malformed.getResponseBody(), Problem.class);
        assertThat(malformed.getCode()).isEqualTo(400);
        assertThat(validation.getCode()).isEqualTo(Problem.CodeEnum.VALIDATION_FAILED);
        assertThat(validation.getErrors()).extracting(error -> error.getField())
                .containsExactlyInAnyOrder("amount", "currency");
        assertThat(unknown.getCode()).isEqualTo(404);
        assertThat(models.readValue(unknown.getResponseBody(), Problem.class).getCode())
                .isEqualTo(Problem.CodeEnum.NO_PROGRAM);
        assertThat(stale.getCode()).isEqualTo(412);
        assertThat(models.readValue(stale.getResponseBody(), Problem.class).getCode())
                .isEqualTo(Problem.CodeEnum.VERSION_MISMATCH);
    }

    @Test
    void aRetryWithTheSameKeyIsReplayed() throws Exception {
        ApiClient treasury = client(TestUsers.TREASURY);
        JsonNode fixing = treasury.getObjectMapper().readTree(
                "{\"ratePct\": \"4.31000\", \"effectiveDate\": \"2025-01-21\", \"reason\": \"SOFR fixing\"}");

        ApiResponse<CommandAccepted> again = new BaseRatesApi(treasury).recordBaseRateFixingWithHttpInfo("SOFR",
                "generated-client-1", treasury.getObjectMapper().treeToValue(fixing, FixingRequest.class), null, null);

        assertThat(again.getStatusCode()).isEqualTo(201);
        assertThat(again.getHeaders().get("idempotency-replayed")).containsExactly("true");
        assertThat(again.getData()).isEqualTo(answers.get(0).getData());
    }

    @Test
    void aRetryOfTheSameCommandSerialisedAnotherWayIsReplayed() throws Exception {
        ApiClient treasury = client(TestUsers.TREASURY);
        ApiResponse<CommandAccepted> first = new ProgramsApi(treasury).createProgramWithHttpInfo(
                "generated-client-reordered", new CreateProgramRequest().programId("REORDERED").name("Reordered")
                        .currency("USD").targetAmount("1000.00").maxDebtPct("90")
                        .effectiveDate(LocalDate.of(2025, 1, 1)), CORRELATION, null);
        // The same command as another library or process writes it: other key order and white space, reason null.
        String reordered = """
                {"targetAmount": "1000.00", "effectiveDate": "2025-01-01", "reason": null,
                  "programId": "REORDERED",  "maxDebtPct": "90", "currency": "USD", "name": "Reordered"}""";

        HttpResponse<String> retry = http().postJson("/api/v1/programs", reordered,
                "Idempotency-Key", "generated-client-reordered");

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        assertThat(treasury.getObjectMapper().readValue(retry.body(), CommandAccepted.class))
                .isEqualTo(first.getData());
        for (String header : List.of("etag", "location", "ledger-position")) {
            assertThat(retry.headers().allValues(header)).as(header).isEqualTo(first.getHeaders().get(header))
                    .hasSize(1);
        }
    }

    @Test
    void theAuditTrailReadsAsPagesAndExportsWhole() throws Exception {
        AuditApi audit = new AuditApi(client(TestUsers.COMPLIANCE));
        List<AuditEntry> paged = new ArrayList<>();
        String cursor = null;
        do {
            AuditPage page = audit.readAuditTrail(STARGATE, null, null, null, null, "ACCEPTED", null, null, cursor, 7,
                    null, null, null);
            paged.addAll(page.getEntries());
            cursor = page.getNextCursor();
        } while (cursor != null);

        File export = audit.exportAuditTrail(STARGATE, null, null, null, null, "ACCEPTED", null, null, null, null, null);
        List<CSVRecord> lines;
        try (CSVParser csv = CSVParser.parse(Files.readString(export.toPath(), StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            lines = csv.getRecords();
        } finally {
            Files.delete(export.toPath());
        }

        assertThat(paged).hasSize(17);
        assertThat(paged).allSatisfy(entry -> {
            assertThat(entry.getOutcome()).isEqualTo(AuditEntry.OutcomeEnum.ACCEPTED);
            assertThat(entry.getActor()).isEqualTo("treasury");
            assertThat(entry.getCorrelationId()).isEqualTo(CORRELATION);
        });
        assertThat(lines).extracting(line -> line.get("entryId"))
                .containsExactlyElementsOf(paged.stream().map(AuditEntry::getEntryId).toList());
        assertThat(paged).filteredOn(entry -> entry.getType().equals("ProgramCreated")).singleElement()
                .satisfies(created -> assertThat(created.getAmount()).isEqualTo("500000000000.00"));
    }

    @Test
    void aWhatIfWithoutChangesGivesTheLedgerTwice() throws ApiException, IOException {
        ApiClient analyst = client(TestUsers.ANALYST);
        LocalDate yearEnd = LocalDate.of(2025, 12, 31);

        WhatIfResult result = new WhatIfApi(analyst).runWhatIf(STARGATE, new WhatIfRequest().asOf(List.of(yearEnd)),
                null);
        ProgramPositions ledger = new PositionsApi(analyst).readPositions(STARGATE, yearEnd, null, null, null, null);
        CashFlowsView cashFlows = new PositionsApi(analyst).readCashFlows(STARGATE, yearEnd, null, null, null, null);
        ReturnsView returns = new ReturnsApi(analyst).readReturns(STARGATE, yearEnd, null, null, null, null);

        assertThat(result.getChanges()).isEmpty();
        assertThat(result.getConsequences()).isEmpty();
        assertThat(result.getDifferences()).isEmpty();
        ObjectMapper models = analyst.getObjectMapper();
        ObjectNode base = models.valueToTree(result.getBase().get(0));
        ObjectNode read = models.valueToTree(ledger);
        read.set("cashFlows", models.valueToTree(cashFlows));
        read.set("returns", models.valueToTree(returns));
        for (ObjectNode side : List.of(base, read, (ObjectNode) base.get("returns"), (ObjectNode) read.get("returns"))) {
            side.remove("knownAt");
        }
        assertThat(base).isEqualTo(read);
        assertThat(result.getScenario()).isEqualTo(result.getBase());
    }

    @Test
    void aWhatIfWhoseCommandsAreTypedModelsIsAnsweredAsTheLedgerWouldDecideThem() throws ApiException {
        ApiClient analyst = client(TestUsers.ANALYST);
        LocalDate yearEnd = LocalDate.of(2025, 12, 31);
        WhatIfDraw draw = new WhatIfDraw().type(WhatIfDraw.TypeEnum.DRAW).trancheId("SENIOR-A").drawId("D-WHAT-IF")
                .amount("1000000.00").currency("USD").effectiveDate(LocalDate.of(2025, 11, 3));
        WhatIfIncreaseCommitment increase = new WhatIfIncreaseCommitment()
                .type(WhatIfIncreaseCommitment.TypeEnum.INCREASE_COMMITMENT).investorId("NOBODY").amount("1.00")
                .currency("USD").effectiveDate(LocalDate.of(2025, 11, 3));

        WhatIfResult result = new WhatIfApi(analyst).runWhatIf(STARGATE, new WhatIfRequest().asOf(List.of(yearEnd))
                .changes(List.of(new ChangeRequest().op(ChangeRequest.OpEnum.ADD).command(new WhatIfCommand(draw)),
                        new ChangeRequest().op(ChangeRequest.OpEnum.ADD).command(new WhatIfCommand(increase)))),
                null);

        assertThat(result.getChanges()).extracting(ChangeOutcome::getOutcome).containsExactly(
                ChangeOutcome.OutcomeEnum.ACCEPTED, ChangeOutcome.OutcomeEnum.REJECTED);
        assertThat(result.getChanges().get(1).getCode()).isEqualTo(ChangeOutcome.CodeEnum.UNKNOWN_INVESTOR);
        FigureDifference drawn = result.getDifferences().stream()
                .filter(difference -> difference.getPath().equals("tranches[SENIOR-A].drawn")).findFirst()
                .orElseThrow(() -> new AssertionError("no difference in SENIOR-A's drawn: " + result.getDifferences()));
        assertThat(drawn.getAsOf()).isEqualTo(yearEnd);
        assertThat(drawn.getDelta()).isEqualTo("1000000.00");
        assertThat(new BigDecimal(drawn.getScenario()).subtract(new BigDecimal(drawn.getBase())))
                .isEqualByComparingTo("1000000.00");
    }

    @Test
    void theJournalsPublicKeyReadsAsThePemTheServiceSigns() throws Exception {
        ApiResponse<String> key = new JournalApi(client(TestUsers.COMPLIANCE)).readJournalPublicKeyWithHttpInfo(null);

        assertThat(key.getHeaders().get("content-type")).singleElement().asString().startsWith("text/plain");
        assertThat(key.getData()).startsWith("-----BEGIN PUBLIC KEY-----")
                .isEqualTo(SigningKeys.publicKeyPem(signingKeys.publicKey()));
        assertThat(SigningKeys.publicKeyFromPem(key.getData())).isEqualTo(signingKeys.publicKey());
    }

    @Test
    void aFixingsLocationReadsAsTheFixing() throws Exception {
        String location = answers.get(0).getHeaders().get("location").get(0);

        FixingView fixing = new BaseRatesApi(client(TestUsers.ANALYST)).readBaseRateFixing("SOFR",
                LocalDate.parse(location.substring(location.lastIndexOf('/') + 1)), null, null, null, null);

        assertThat(location).isEqualTo("/api/v1/base-rates/SOFR/fixings/2025-01-21");
        assertThat(fixing.getRateName()).isEqualTo("SOFR");
        assertThat(fixing.getEffectiveDate()).isEqualTo(LocalDate.of(2025, 1, 21));
        assertThat(fixing.getRatePct()).isEqualTo("4.31000");
    }

    /**
     * A program of its own (the Stargate demo's figures stay as computed): an investor paid in 20,000,000.00 and a
     * senior tranche drawn 60,000,000.00 on 2025-02-05 at SOFR 4.31 + 2.00 %, fee 0.50 % on the undrawn; operations
     * from 2025-04-01 in quarters; the first quarter's CFADS 90,000,000.00 runs through the waterfall, every command
     * and the read typed. By hand (ACT/360, HALF_EVEN once per figure): interest 60M x 6.31 x 146 days / 36,000 =
     * 1,535,433.33; fee (100M x 0.5 x 4 + 40M x 0.5 x 146) / 36,000 = 86,666.67; the first installment 50 % of the
     * 60,000,000.00 outstanding; DSCR 90,000,000.00 / (957,016.67 + 50,555.56 + 30,000,000.00) = 2.9025; the rest,
     * 58,377,900.00, distributed to the one investor.
     */
    @Test
    void aWaterfallRunsThroughTheGeneratedClient() throws Exception {
        String ops = "OPS-CLIENT";
        HttpClientSupport setup = http();
        for (String[] step : new String[][]{
                {"/api/v1/programs", """
                        {"programId":"OPS-CLIENT","name":"Operations","currency":"USD","targetAmount":"200000000.00",
                         "maxDebtPct":"90","effectiveDate":"2025-02-01"}"""},
                {"/api/v1/programs/OPS-CLIENT/phases", """
                        {"phaseId":"P1","name":"P1","budget":"200000000.00","currency":"USD",
                         "effectiveDate":"2025-02-01"}"""},
                {"/api/v1/programs/OPS-CLIENT/commitments", """
                        {"investorId":"A","investorName":"A","amount":"50000000.00","currency":"USD",
                         "effectiveDate":"2025-02-01"}"""},
                {"/api/v1/programs/OPS-CLIENT/tranches", """
                        {"trancheId":"SR","phaseId":"P1","name":"Senior","seniority":"SENIOR",
                         "commitment":"100000000.00","currency":"USD","baseRate":"SOFR","marginPct":"2.0000",
                         "commitmentFeePct":"0.5000","availabilityEnd":"2026-12-31","effectiveDate":"2025-02-01",
                         "lenders":[{"lenderId":"L1","name":"L1","commitment":"100000000.00"}]}"""},
                {"/api/v1/programs/OPS-CLIENT/capital-calls", """
                        {"callId":"C1","phaseId":"P1","amount":"20000000.00","currency":"USD","purpose":"build",
                         "effectiveDate":"2025-02-03"}"""},
                {"/api/v1/programs/OPS-CLIENT/tranches/SR/draws", """
                        {"drawId":"D1","amount":"60000000.00","currency":"USD","effectiveDate":"2025-02-05"}"""}}) {
            HttpResponse<String> answer = setup.postJson(step[0], step[1]);
            assertThat(answer.statusCode()).as(step[0] + " " + answer.body()).isEqualTo(201);
        }
        CashFlowsApi cashFlows = new CashFlowsApi(client(TestUsers.TREASURY));
        cashFlows.setOperatingTerms(ops, "ops-terms", new OperatingTermsRequest()
                .operationsStart(LocalDate.of(2025, 4, 1)).periodMonths(OperatingTermsRequest.PeriodMonthsEnum.NUMBER_3)
                .lockUpDscr("1.20").defaultDscr("1.05").dsraPeriods(0).effectiveDate(LocalDate.of(2025, 3, 1)),
                CORRELATION, null);
        cashFlows.setRepaymentSchedule(ops, "SR", "ops-schedule", new RepaymentScheduleRequest()
                .addInstallmentsItem(new InstallmentRequest().dueDate(LocalDate.of(2025, 7, 1)).pct("50"))
                .addInstallmentsItem(new InstallmentRequest().dueDate(LocalDate.of(2025, 10, 1)).pct("50"))
                .effectiveDate(LocalDate.of(2025, 3, 1)), CORRELATION, null);
        cashFlows.recordOperatingCashFlow(ops, "ops-q2", new OperatingCashFlowRequest()
                .periodEnd(LocalDate.of(2025, 6, 30)).revenue("100000000.00").operatingCosts("10000000.00")
                .taxes("0.00").maintenanceCapex("0.00").currency("USD"), CORRELATION, null);
        ApiResponse<CommandAccepted> run = cashFlows.runWaterfallWithHttpInfo(ops, "ops-waterfall",
                new WaterfallRequest().periodEnd(LocalDate.of(2025, 6, 30)), CORRELATION, null);
        assertThat(run.getStatusCode()).isEqualTo(201);
        long position = Long.parseLong(run.getHeaders().get("ledger-position").get(0));

        CashFlowsView view = new PositionsApi(client(TestUsers.ANALYST)).readCashFlows(ops, LocalDate.of(2025, 7, 1),
                null, null, position, null);

        WaterfallView waterfall = view.getPeriods().get(0).getWaterfall();
        assertThat(view.getPeriods().get(0).getCfads()).isEqualTo("90000000.00");
        assertThat(waterfall.getSteps()).extracting(WaterfallStepView::getStep, WaterfallStepView::getDue,
                WaterfallStepView::getPaid).containsExactly(
                tuple("SENIOR_INTEREST_AND_FEES", "1622100.00", "1622100.00"),
                tuple("SENIOR_PRINCIPAL", "30000000.00", "30000000.00"),
                tuple("MEZZANINE_INTEREST_AND_FEES", "0.00", "0.00"),
                tuple("MEZZANINE_PRINCIPAL", "0.00", "0.00"));
        assertThat(waterfall.getDscr()).isEqualTo("2.9025");
        assertThat(waterfall.getDistributionTest().getPassed()).isTrue();
        assertThat(waterfall.getDistributed()).isEqualTo("58377900.00");
    }
}
