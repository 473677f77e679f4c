package com.capitalledger.api.web;

import com.capitalledger.api.support.HttpClientSupport;
import com.capitalledger.api.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description covers every endpoint and documents the idempotency key, each operation's roles and
 * problem codes, and every request field with a description and an example.
 */
class OpenApiIT extends IntegrationTest {

    @Test
    void everyEndpointIsDescribed() {
        HttpResponse<String> response = http().get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = json(response).get("paths");

        assertThat(paths.fieldNames()).toIterable().contains(
                "/api/v1/programs", "/api/v1/programs/{programId}", "/api/v1/programs/{programId}/phases",
                "/api/v1/programs/{programId}/commitments",
                "/api/v1/programs/{programId}/commitments/{investorId}/increase",
                "/api/v1/programs/{programId}/commitments/{investorId}/reduce",
                "/api/v1/programs/{programId}/commitments/{investorId}/cancel",
                "/api/v1/programs/{programId}/commitments/{investorId}/transfers",
                "/api/v1/programs/{programId}/capital-calls",
                "/api/v1/programs/{programId}/capital-calls/{callId}/defaults",
                "/api/v1/programs/{programId}/capital-calls/{callId}/defaults/{investorId}/cure",
                "/api/v1/programs/{programId}/tranches", "/api/v1/programs/{programId}/tranches/{trancheId}/draws",
                "/api/v1/programs/{programId}/tranches/{trancheId}/repayments",
                "/api/v1/programs/{programId}/tranches/{trancheId}/repricings",
                "/api/v1/base-rates/{rateName}/fixings", "/api/v1/programs/{programId}/positions",
                "/api/v1/programs/{programId}/investors/{investorId}",
                "/api/v1/programs/{programId}/tranches/{trancheId}",
                "/api/v1/programs/{programId}/capital-calls/{callId}", "/api/v1/audit/entries",
                "/api/v1/admin/read-models", "/api/v1/admin/consistency-check",
                "/api/v1/programs/{programId}/what-if", "/api/v1/programs/{programId}/events", "/api/v1/scenarios",
                "/api/v1/scenarios/{scenarioId}", "/api/v1/scenarios/{scenarioId}/run");
        JsonNode draw = paths.get("/api/v1/programs/{programId}/tranches/{trancheId}/draws").get("post");
        assertThat(draw.get("parameters")).anySatisfy(parameter -> {
            assertThat(parameter.get("name").asText()).isEqualTo("Idempotency-Key");
            assertThat(parameter.get("required").asBoolean()).isTrue();
        });
        String description = json(response).get("info").get("description").asText();
        assertThat(description).contains("COMMITMENT_EXCEEDED").contains("401 UNAUTHENTICATED")
                .contains("403 FORBIDDEN").contains("404 NO_PROGRAM").contains("429 TOO_MANY_ATTEMPTS");
        assertThat(description.substring(description.indexOf("A refused command answers 422")))
                .doesNotContain("NO_PROGRAM");
        JsonNode schemes = json(response).get("components").get("securitySchemes");
        assertThat(schemes.get("basic").get("scheme").asText()).isEqualTo("basic");
        assertThat(schemes.get("bearer").get("bearerFormat").asText()).isEqualTo("JWT");
        assertThat(http().get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");

    @Test
    void everyOperationAndRequestFieldIsDocumented() {
        HttpResponse<String> response = http().get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode api = json(response);

        List<String> undocumentedOperations = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!HTTP_METHODS.contains(operation.getKey())) {
                    continue;
                }
                operations++;
                String where = operation.getKey().toUpperCase() + " " + path.getKey();
                if (blank(operation.getValue().get("summary"))) {
                    undocumentedOperations.add(where + ": no summary");
                }
                if (blank(operation.getValue().get("description"))) {
                    undocumentedOperations.add(where + ": no description");
                }
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    String in = parameter.path("in").asText();
                    if (("path".equals(in) || "query".equals(in)) && (blank(parameter.get("description"))
                            || blank(parameter.get("example")))) {
                        undocumentedOperations.add(where + ": " + in + " parameter " + parameter.path("name").asText()
                                + " without description or example");
                    }
                }
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(25);
        assertThat(undocumentedOperations).isEmpty();

        List<String> undocumentedFields = new ArrayList<>();
        int requestSchemas = 0;
        for (Map.Entry<String, JsonNode> schema : api.get("components").get("schemas").properties()) {
            if (!schema.getKey().endsWith("Request")) {
                continue;
            }
            requestSchemas++;
            JsonNode properties = schema.getValue().get("properties");
            assertThat(properties).as(schema.getKey() + " properties").isNotNull();
            for (Map.Entry<String, JsonNode> property : properties.properties()) {
                String where = schema.getKey() + "." + property.getKey();
                if (blank(property.getValue().get("description"))) {
                    undocumentedFields.add(where + ": no description");
                }
                JsonNode example = property.getValue().get("example");
                if (blank(example)) {
                    undocumentedFields.add(where + ": no example");
                    continue;
                }
                // A string field's example is a string the field accepts (amounts and rates keep their decimals).
                if ("string".equals(property.getValue().path("type").asText())) {
                    String pattern = property.getValue().path("pattern").asText(null);
                    String format = property.getValue().path("format").asText(null);
                    if (!example.isTextual()) {
                        undocumentedFields.add(where + ": example " + example + " is not a string");
                    } else if (pattern != null && !example.asText().matches(pattern)) {
                        undocumentedFields.add(where + ": example " + example + " does not match " + pattern);
                    } else if ("date".equals(format) && !example.asText().matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                        undocumentedFields.add(where + ": example " + example + " is not a date");
                    }
                }
            }
        }
        // 13 command bodies and the tranche's lender entries.
        assertThat(requestSchemas).isGreaterThanOrEqualTo(14);
        assertThat(undocumentedFields).isEmpty();

        // Spot checks: roles and the problem codes a command can answer are in its description.
        JsonNode paths = api.get("paths");
        assertThat(paths.at("/~1api~1v1~1programs~1{programId}~1tranches~1{trancheId}~1draws/post/description")
                .asText()).contains("TREASURY", "NO_PROGRAM", "UNKNOWN_TRANCHE", "NO_BASE_RATE",
                "COMMITMENT_EXCEEDED", "PHASE_BUDGET_EXCEEDED", "GEARING_COVENANT_BREACH", "BACKDATED_COMMAND");
        assertThat(paths.at("/~1api~1v1~1audit~1entries/get/description").asText()).contains("COMPLIANCE", "ADMIN");
        assertThat(paths.at("/~1api~1v1~1programs~1{programId}~1positions/get/description").asText())
                .contains("TREASURY", "COMPLIANCE", "ANALYST", "ADMIN", "NO_PROGRAM");
        assertThat(api.at("/components/schemas/CreateTrancheRequest/properties/lenders/example").isArray()).isTrue();
    }

    @Test
    void theWhatIfIsDescribedWithAnExampleOfEachChange() {
        JsonNode whatIf = json(http().get("/v3/api-docs")).at("/paths/~1api~1v1~1programs~1{programId}~1what-if/post");

        assertThat(whatIf.get("description").asText()).contains("TREASURY", "COMPLIANCE", "ANALYST", "ADMIN",
                "INVALID_CHANGE", "NO_PROGRAM", "VALIDATION_FAILED", "Writes nothing");
        List<String> ops = new ArrayList<>();
        whatIf.at("/requestBody/content/application~1json/examples").forEach(example -> {
            JsonNode value = example.get("value");
            JsonNode changes = value.isTextual() ? HttpClientSupport.parse(value.asText()).get("changes")
                    : value.get("changes");
            changes.forEach(change -> ops.add(change.get("op").asText()));
        });
        assertThat(ops).contains("add", "remove", "replace", "shiftRate");
    }

    @Test
    void operationsHaveStableNamesAndAnswerWithTheirRealStatuses() {
        JsonNode paths = json(http().get("/v3/api-docs")).get("paths");
        List<String> ids = new ArrayList<>();
        paths.forEach(path -> path.forEach(operation -> ids.add(operation.get("operationId").asText())));

        assertThat(ids).containsExactlyInAnyOrder("checkConsistency", "listReadModels", "readReadModel",
                "rebuildReadModels", "readAuditTrail", "exportAuditTrail", "recordBaseRateFixing", "createProgram",
                "readProgram", "callCapital", "readCapitalCall", "recordDefault", "cureDefault", "commitEquity",
                "cancelCommitment", "increaseCommitment", "reduceCommitment", "transferCommitment",
                "listProgramEvents", "readInvestorPosition", "createPhase", "readPositions", "readCashFlows",
                "readDistributions", "createTranche",
                "readTranchePosition", "drawTranche", "repayTranche", "repriceTranche", "runWhatIf", "listScenarios",
                "saveScenario", "readScenario", "runScenario", "readJournalDigest", "readJournalPublicKey",
                "exportJournal", "proveJournalEntry", "proveJournalConsistency", "verifyJournal",
                "readJournalVerification", "currentUser", "readBaseRateFixing", "setOperatingTerms",
                "setRepaymentSchedule", "recordOperatingCashFlow", "runWaterfall", "waiveEventOfDefault",
                "recordValuation", "readReturns", "readCapitalAccount", "readCapitalAccounts", "readCallNotice",
                "readDistributionNotice", "listInvestorDocuments", "createSubscription", "listSubscriptions",
                "readSubscription", "deleteSubscription", "rotateSubscriptionSecret", "redeliverSubscription",
                "listSubscriptionDeliveries", "streamFeed");
        JsonNode draw = paths.at("/~1api~1v1~1programs~1{programId}~1tranches~1{trancheId}~1draws/post");
        assertThat(draw.get("responses").fieldNames()).toIterable()
                .containsExactly("201", "400", "401", "403", "404", "406", "409", "412", "413", "422", "429", "500",
                        "503");
        assertThat(draw.at("/responses/201/headers").fieldNames()).toIterable()
                .containsExactly("ETag", "Idempotency-Replayed", "Ledger-Position", "Location", "X-Correlation-Id");
        // A refusal is stored and replayed like a success, with the position of its event.
        for (String refusal : List.of("404", "422")) {
            assertThat(draw.at("/responses/" + refusal + "/headers").fieldNames()).toIterable().as(refusal)
                    .containsExactly("Idempotency-Replayed", "Ledger-Position", "X-Correlation-Id");
        }
        assertThat(draw.at("/responses/404/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(draw.get("parameters")).extracting(parameter -> parameter.get("name").asText() + " "
                + parameter.get("in").asText() + " " + parameter.get("required").asBoolean()).containsExactly(
                "programId path true", "trancheId path true", "X-Correlation-Id header false",
                "If-Match header false", "Idempotency-Key header true");
        assertThat(paths.at("/~1api~1v1~1admin~1read-models~1{name}~1rebuild/post/responses").has("202")).isTrue();
        assertThat(paths.at("/~1api~1v1~1programs~1{programId}~1what-if/post/parameters"))
                .noneMatch(parameter -> parameter.get("name").asText().equals("Idempotency-Key"));
        assertThat(paths.at("/~1api~1v1~1audit~1entries~1export/get/responses/200/content").fieldNames())
                .toIterable().containsExactly("text/csv");
        assertThat(paths.at("/~1api~1v1~1audit~1entries/get/responses/200/content").fieldNames())
                .toIterable().containsExactly("application/json", "text/csv");
        assertThat(paths.at("/~1api~1v1~1journal~1public-key/get/responses/200/content").fieldNames())
                .toIterable().containsExactly("application/x-pem-file", "text/plain");
        assertThat(paths.at("/~1api~1v1~1journal~1public-key/get/responses/200/content/text~1plain/schema/type")
                .asText()).isEqualTo("string");
        // Read-your-writes: the queries answered from read models take a position; the others have none to wait for.
        for (String query : List.of("/~1api~1v1~1programs~1{programId}/get",
                "/~1api~1v1~1base-rates~1{rateName}~1fixings~1{effectiveDate}/get",
                "/~1api~1v1~1programs~1{programId}~1positions/get",
                "/~1api~1v1~1programs~1{programId}~1investors~1{investorId}/get", "/~1api~1v1~1audit~1entries/get",
                "/~1api~1v1~1audit~1entries~1export/get")) {
            assertThat(paths.at(query + "/parameters")).as(query).extracting(parameter -> parameter.get("name")
                    .asText() + " " + parameter.get("in").asText()).contains("minPosition query",
                    "Ledger-Min-Position header");
        }
        assertThat(paths.at("/~1api~1v1~1journal~1digest/get/parameters"))
                .noneMatch(parameter -> parameter.get("name").asText().equals("minPosition"));
    }

    @Test
    void patternsAreAnchoredAndRefuseWhatTheServerRefuses() {
        JsonNode api = json(http().get("/v3/api-docs"));
        List<String> unanchored = new ArrayList<>();
        api.findParents("pattern").forEach(schema -> {
            String pattern = schema.get("pattern").asText();
            if (!pattern.startsWith("^") || !pattern.endsWith("$")) {
                unanchored.add(pattern);
            }
        });
        JsonNode schemas = api.at("/components/schemas");

        assertThat(api.findParents("pattern")).hasSizeGreaterThan(50);
        assertThat(unanchored).isEmpty();
        // A JSON Schema pattern may match anywhere in the value: "USDX" must not pass a currency.
        assertThat(searches(schemas.at("/DrawRequest/properties/currency/pattern"), "USDX")).isFalse();
        assertThat(searches(schemas.at("/DrawRequest/properties/currency/pattern"), "USD")).isTrue();
        assertThat(searches(schemas.at("/DrawRequest/properties/amount/pattern"), "1000000.001")).isFalse();
        assertThat(searches(schemas.at("/DrawRequest/properties/drawId/pattern"), "D 1")).isFalse();
        assertThat(searches(schemas.at("/FixingRequest/properties/ratePct/pattern"), "4.310000")).isFalse();
    }

    @Test
    void moneyAndRatesAreStringsAndFixedVocabulariesAreEnums() {
        JsonNode api = json(http().get("/v3/api-docs"));
        JsonNode schemas = api.at("/components/schemas");

        for (String decimal : List.of("/InvestorPosition/properties/committed", "/EquityTotals/properties/paidIn",
                "/TranchePosition/properties/accruedInterest", "/TranchePosition/properties/allInRatePct",
                "/Capitalisation/properties/debtPctOfCapitalisation", "/AuditEntry/properties/amount",
                "/LenderPosition/properties/outstanding", "/PhasePosition/properties/remaining")) {
            assertThat(schemas.at(decimal + "/type").asText()).as(decimal).isEqualTo("string");
            assertThat(schemas.at(decimal + "/pattern").asText()).as(decimal)
                    .isEqualTo("^-?(0|[1-9][0-9]*)(\\.[0-9]+)?$");
        }
        assertThat(api.findValues("type")).noneMatch(type -> type.asText().equals("number"));
        assertThat(schemas.at("/CreateTrancheRequest/properties/seniority/enum")).extracting(JsonNode::asText)
                .containsExactly("SENIOR", "MEZZANINE");
        assertThat(schemas.at("/TranchePosition/properties/seniority/enum")).extracting(JsonNode::asText)
                .containsExactly("SENIOR", "MEZZANINE");
        assertThat(schemas.at("/CreateTrancheRequest/properties/baseRate/enum")).extracting(JsonNode::asText)
                .containsExactly("SOFR", "TERM-SOFR-12M", "TERM-SOFR-1M", "TERM-SOFR-3M", "TERM-SOFR-6M");
        assertThat(api.at("/paths/~1api~1v1~1base-rates~1{rateName}~1fixings/post/parameters/0/schema/enum"))
                .extracting(JsonNode::asText)
                .containsExactly("SOFR", "TERM-SOFR-12M", "TERM-SOFR-1M", "TERM-SOFR-3M", "TERM-SOFR-6M");
        assertThat(schemas.at("/TranchePosition/required")).hasSize(23);
        assertThat(schemas.at("/TranchePosition/properties/baseRatePct/nullable").asBoolean()).isTrue();
        assertThat(schemas.at("/TranchePosition/properties/marginPct/nullable").asBoolean()).isFalse();
        assertThat(schemas.at("/Problem/required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("type", "title", "status", "code", "correlationId");
        assertThat(schemas.at("/Problem/properties/code/enum")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(ProblemCode.all()).contains("NO_PROGRAM", "VERSION_MISMATCH");
        assertThat(schemas.at("/VerificationView/properties/id/format").asText()).isEqualTo("uuid");
    }

    @Test
    void aWhatIfCommandIsOneOfTheCommandBodiesChosenByItsType() {
        JsonNode schemas = json(http().get("/v3/api-docs")).at("/components/schemas");
        JsonNode command = schemas.get("WhatIfCommand");

        assertThat(schemas.at("/ChangeRequest/properties/command/allOf/0/$ref").asText())
                .isEqualTo("#/components/schemas/WhatIfCommand");
        assertThat(command.at("/discriminator/propertyName").asText()).isEqualTo("type");
        assertThat(command.get("oneOf")).hasSize(20);
        assertThat(command.at("/discriminator/mapping/draw").asText()).isEqualTo("#/components/schemas/WhatIfDraw");
        JsonNode draw = schemas.get("WhatIfDraw");
        assertThat(draw.at("/allOf/0/$ref").asText()).isEqualTo("#/components/schemas/DrawRequest");
        assertThat(draw.at("/allOf/1/required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("type", "trancheId");
        assertThat(draw.at("/allOf/1/properties/type/enum")).extracting(JsonNode::asText).containsExactly("draw");
        assertThat(schemas.at("/WhatIfBaseRateFixing/allOf/1/properties/baseRate/enum")).hasSize(5);
    }

    private static boolean searches(JsonNode pattern, String value) {
        assertThat(pattern.isTextual()).isTrue();
        return Pattern.compile(pattern.asText()).matcher(value).find();
    }

    private static boolean blank(JsonNode node) {
        return node == null || node.isNull() || (node.isValueNode() && node.asText().isBlank())
                || (node.isContainerNode() && node.isEmpty());
    }
}
