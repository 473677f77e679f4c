package com.capitalledger.api.whatif;

import com.capitalledger.api.support.HttpClientSupport;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The calls the what-if tests make as an analyst: a what-if, one that must answer 200, and the positions it mirrors. */
final class AnalystCalls {

    private final HttpClientSupport analyst;

    AnalystCalls(HttpClientSupport analyst) {
        this.analyst = analyst;
    }

    HttpResponse<String> whatIf(String programId, String body) {
        return analyst.postRaw("/api/v1/programs/" + programId + "/what-if", body, "Content-Type", "application/json");
    }

    JsonNode answered(String programId, String body) {
        HttpResponse<String> response = whatIf(programId, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    JsonNode positions(String programId, String asOf, String knownAt) {
        HttpResponse<String> response = analyst.get("/api/v1/programs/" + programId + "/positions?asOf=" + asOf
                + "&knownAt=" + knownAt);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }
}
