package com.capitalledger.api.web;

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

    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String ACTOR = "actor";
    public static final String CLIENT = "client";
    public static final String REASON = "reason";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";

    private static final String[] COPIED = {CORRELATION_ID, ACTOR, CLIENT, REASON, IDEMPOTENCY_KEY};

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        for (String key : COPIED) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        data.put(CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
