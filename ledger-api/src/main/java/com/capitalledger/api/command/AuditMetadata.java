package com.capitalledger.api.command;

import com.capitalledger.projections.fold.audit.AuditKeys;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * The audit metadata every event carries, copied from the command that caused it: who asked (actor, client),
 * why (reason), under which request (correlation id, idempotency key) and which message caused it (causation id).
 * It replaces Axon's default origin provider, whose {@code correlationId} would be the command's message id.
 */
@Component
public class AuditMetadata implements CorrelationDataProvider {

    private static final String[] COPIED = {AuditKeys.CORRELATION_ID, AuditKeys.ACTOR, AuditKeys.CLIENT,
            AuditKeys.REASON, AuditKeys.IDEMPOTENCY_KEY};

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        for (String key : COPIED) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        data.put(AuditKeys.CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
