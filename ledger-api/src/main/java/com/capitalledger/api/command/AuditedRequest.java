package com.capitalledger.api.command;

import com.capitalledger.api.web.CorrelationId;
import com.capitalledger.api.web.IdempotencyKeyHeader;
import com.capitalledger.projections.fold.audit.AuditKeys;
import jakarta.servlet.http.HttpServletRequest;

import java.util.HashMap;
import java.util.Map;

/**
 * The audit metadata a request gives what it causes, an accepted command or a refusal alike: who sent it (actor,
 * client), why (reason), and under which correlation id and idempotency key.
 */
final class AuditedRequest {

    private static final int MAX_AGENT = 200;

    private AuditedRequest() {
    }

    static Map<String, Object> metadata(HttpServletRequest request, String actor, String reason) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(AuditKeys.CORRELATION_ID, CorrelationId.of(request));
        metadata.put(AuditKeys.CLIENT, client(request));
        metadata.put(AuditKeys.ACTOR, actor);
        if (reason != null) {
            metadata.put(AuditKeys.REASON, reason);
        }
        String key = request.getHeader(IdempotencyKeyHeader.NAME);
        // Checked by the idempotency filter on a command that reaches it; not yet on one refused before it.
        if (IdempotencyKeyHeader.isWellFormed(key)) {
            metadata.put(AuditKeys.IDEMPOTENCY_KEY, key);
        }
        return metadata;
    }

    private static String client(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        String address = request.getRemoteAddr();
        return agent == null ? address : address + " " + agent.substring(0, Math.min(agent.length(), MAX_AGENT));
    }
}
