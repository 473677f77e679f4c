package com.capitalledger.api.idempotency;

import com.capitalledger.api.consistency.TransactionOffset;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;

/**
 * The answer kept with an idempotency key: what a retry with the same key and request gets again, marked
 * {@code Idempotency-Replayed: true}. {@code ledgerPosition} is where the request's events sit in the ledger's order.
 */
record StoredAnswer(int status, String contentType, String location, String etag, Long ledgerPosition,
                    byte[] body) {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** The answer a handler gave, captured before it reaches the client. */
    static StoredAnswer of(ContentCachingResponseWrapper captured, Long ledgerPosition) {
        return new StoredAnswer(captured.getStatus(), captured.getContentType(),
                captured.getHeader(HttpHeaders.LOCATION), captured.getHeader(HttpHeaders.ETAG), ledgerPosition,
                captured.getContentAsByteArray());
    }

    /** The code of a stored problem (a refusal kept with its key), or null. */
    String code() {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                JsonToken value = parser.nextToken();
                if ("code".equals(parser.currentName()) && value == JsonToken.VALUE_STRING) {
                    return parser.getText();
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException notJson) {
            return null;
        }
    }

    void replayTo(HttpServletResponse response) throws IOException {
        response.setStatus(status);
        if (contentType != null) {
            response.setContentType(contentType);
        }
        if (location != null) {
            response.setHeader(HttpHeaders.LOCATION, location);
        }
        if (etag != null) {
            response.setHeader(HttpHeaders.ETAG, etag);
        }
        if (ledgerPosition != null) {
            response.setHeader(TransactionOffset.HEADER, ledgerPosition.toString());
        }
        response.setHeader(IdempotencyFilter.REPLAYED_HEADER, "true");
        response.getOutputStream().write(body);
    }
}
