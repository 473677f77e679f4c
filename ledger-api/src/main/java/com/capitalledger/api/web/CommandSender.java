package com.capitalledger.api.web;

import com.capitalledger.projections.audit.AuditKeys;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Sends a command through Axon's gateway with the request's audit metadata and returns the aggregate version the
 * command produced. A refused command's {@code LedgerRejection} propagates unchanged (the command bus has already
 * written it to the audit trail).
 */
@Component
public class CommandSender {

    private final CommandGateway gateway;

    public CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public long send(Object command, String reason, HttpServletRequest request) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(AuditKeys.CORRELATION_ID, CorrelationId.of(request));
        metadata.put(AuditKeys.CLIENT, client(request));
        metadata.put(AuditKeys.ACTOR, request.getRemoteUser() == null ? "anonymous" : request.getRemoteUser());
        if (reason != null) {
            metadata.put(AuditKeys.REASON, reason);
        }
        String idempotencyKey = request.getHeader(Idempotency.KEY_HEADER);
        if (idempotencyKey != null) {
            metadata.put(AuditKeys.IDEMPOTENCY_KEY, idempotencyKey);
        }
        Long version = gateway.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(metadata)));
        return version;
    }

    private static String client(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        String address = request.getRemoteAddr();
        return agent == null ? address : address + " " + agent.substring(0, Math.min(agent.length(), 200));
    }
}
