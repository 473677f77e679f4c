package com.capitalledger.api.idempotency;

import com.capitalledger.api.consistency.TransactionOffset;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;

/**
 * The answer kept with an idempotency key: what a retry with the same key and body gets again, marked
 * {@code Idempotency-Replayed: true}. {@code ledgerPosition} is where the request's events sit in the ledger's order.
 */
record StoredAnswer(int status, String contentType, String location, String etag, Long ledgerPosition,
                    byte[] body) {

    /** The answer a handler gave, captured before it reaches the client. */
    static StoredAnswer of(ContentCachingResponseWrapper captured, Long ledgerPosition) {
        return new StoredAnswer(captured.getStatus(), captured.getContentType(),
                captured.getHeader(HttpHeaders.LOCATION), captured.getHeader(HttpHeaders.ETAG), ledgerPosition,
                captured.getContentAsByteArray());
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
