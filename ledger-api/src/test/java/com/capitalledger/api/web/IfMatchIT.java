package com.capitalledger.api.web;

import com.capitalledger.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/** A command sent with If-Match is decided only against the program version the client saw. */
class IfMatchIT extends IntegrationTest {

    private static String phase(String id) {
        return """
                {"phaseId":"%s","name":"Phase","budget":"10.00","currency":"USD","effectiveDate":"2025-01-01"}"""
                .formatted(id);
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = 'IF-MATCH'",
                Long.class);
    }

    @Test
    void aCommandOnTheExpectedVersionIsAcceptedAndOnAnyOtherRefusedWith412() {
        HttpResponse<String> created = http().postJson("/api/v1/programs", """
                {"programId":"IF-MATCH","name":"If-Match","currency":"USD","targetAmount":"1000.00","maxDebtPct":"90",
                 "effectiveDate":"2025-01-01"}""");
        String version0 = created.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> onTime = http().postJson("/api/v1/programs/IF-MATCH/phases", phase("PH1"),
                "If-Match", version0);
        HttpResponse<String> stale = http().postJson("/api/v1/programs/IF-MATCH/phases", phase("PH2"),
                "If-Match", version0);
        HttpResponse<String> ahead = http().postJson("/api/v1/programs/IF-MATCH/phases", phase("PH3"),
                "If-Match", "W/\"9\"");
        HttpResponse<String> malformed = http().postJson("/api/v1/programs/IF-MATCH/phases", phase("PH4"),
                "If-Match", "yesterday");

        assertThat(onTime.statusCode()).isEqualTo(201);
        assertThat(onTime.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(json(stale).get("code").asText()).isEqualTo("VERSION_MISMATCH");
        assertThat(json(stale).get("detail").asText()).contains("expected version 0").contains("version 1");
        assertThat(ahead.statusCode()).isEqualTo(412);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).get("code").asText()).isEqualTo("INVALID_PARAMETER");
        assertThat(events()).isEqualTo(2);
    }
}
