package com.capitalledger.api.whatif;

import com.capitalledger.api.support.HttpClientSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calls the what-if tests make as an analyst: a what-if, one that must answer 200, and the documents it mirrors (a
 * side of a what-if at a date is the positions document with the cash-flows document as its member cashFlows).
 */
final class AnalystCalls {

    private final HttpClientSupport analyst;

    AnalystCalls(HttpClientSupport analyst) {
        this.analyst = analyst;
    }

    HttpResponse<String> whatIf(String programId, String body) {
        return analyst.postRaw("/api/v1/programs/" + programId + "/what-if", body, "Content-Type", "application/json");
    }

    HttpResponse<String> whatIfCsv(String programId, String body) {
        HttpResponse<String> response = analyst.postRaw("/api/v1/programs/" + programId + "/what-if", body,
                "Content-Type", "application/json", "Accept", "text/csv");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    JsonNode answered(String programId, String body) {
        HttpResponse<String> response = whatIf(programId, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    JsonNode positions(String programId, String asOf, String knownAt) {
        return read(programId, "positions", asOf, knownAt);
    }

    JsonNode cashFlows(String programId, String asOf, String knownAt) {
        return read(programId, "cash-flows", asOf, knownAt);
    }

    JsonNode returns(String programId, String asOf, String knownAt) {
        return read(programId, "returns", asOf, knownAt);
    }

    /**
     * What a side of a what-if on the program at the date must be: its positions with its cash flows as cashFlows and
     * its returns as returns.
     */
    JsonNode document(String programId, String asOf, String knownAt) {
        ObjectNode document = (ObjectNode) positions(programId, asOf, knownAt);
        document.set("cashFlows", cashFlows(programId, asOf, knownAt));
        document.set("returns", returns(programId, asOf, knownAt));
        return document;
    }

    /** A side of a what-if, or a document, without what names the program and the instant, to compare two programs. */
    static JsonNode comparable(JsonNode document) {
        ObjectNode copy = document.deepCopy();
        copy.remove("programId");
        copy.remove("knownAt");
        if (copy.get("cashFlows") instanceof ObjectNode cashFlows) {
            cashFlows.remove("programId");
        }
        if (copy.get("returns") instanceof ObjectNode returns) {
            returns.remove("programId");
            returns.remove("knownAt");
        }
        return copy;
    }

    private JsonNode read(String programId, String document, String asOf, String knownAt) {
        HttpResponse<String> response = analyst.get("/api/v1/programs/" + programId + "/" + document + "?asOf=" + asOf
                + "&knownAt=" + knownAt);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }
}
