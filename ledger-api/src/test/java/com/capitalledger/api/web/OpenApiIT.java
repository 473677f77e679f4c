package com.capitalledger.api.web;

import com.capitalledger.api.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI description covers every endpoint and documents the idempotency key. */
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
                "/api/v1/admin/read-models", "/api/v1/admin/consistency-check");
        JsonNode draw = paths.get("/api/v1/programs/{programId}/tranches/{trancheId}/draws").get("post");
        assertThat(draw.get("parameters")).anySatisfy(parameter -> {
            assertThat(parameter.get("name").asText()).isEqualTo("Idempotency-Key");
            assertThat(parameter.get("required").asBoolean()).isTrue();
        });
        assertThat(json(response).get("info").get("description").asText()).contains("COMMITMENT_EXCEEDED")
                .contains("401 UNAUTHENTICATED").contains("403 FORBIDDEN");
        JsonNode schemes = json(response).get("components").get("securitySchemes");
        assertThat(schemes.get("basic").get("scheme").asText()).isEqualTo("basic");
        assertThat(schemes.get("bearer").get("bearerFormat").asText()).isEqualTo("JWT");
        assertThat(http().get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }
}
