package com.capitalledger.api;

import com.capitalledger.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

class HealthIT extends IntegrationTest {

    @Test
    void livenessAndReadinessAreUpAndReadinessIncludesTheDatabase() {
        HttpResponse<String> liveness = anonymous().get("/actuator/health/liveness");
        HttpResponse<String> readiness = anonymous().get("/actuator/health/readiness");
        HttpResponse<String> health = anonymous().get("/actuator/health");

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(json(liveness).get("status").asText()).isEqualTo("UP");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(json(readiness).get("status").asText()).isEqualTo("UP");
        assertThat(json(readiness).get("components").get("db").get("status").asText()).isEqualTo("UP");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).get("status").asText()).isEqualTo("UP");
    }
}
