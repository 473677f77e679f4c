package com.capitalledger.api.web;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Sends a command through Axon's gateway with the request's audit metadata, and returns the aggregate version
 * the command produced. The command's own rejection ({@code LedgerRejection}) propagates unchanged.
 */
@Component
public class CommandSender {

    private final CommandGateway gateway;

    public CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public long send(Object command, String reason, HttpServletRequest request) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(AuditMetadata.CORRELATION_ID, CorrelationId.of(request));
        metadata.put(AuditMetadata.CLIENT, client(request));
        metadata.put(AuditMetadata.ACTOR, request.getRemoteUser() == null ? "anonymous" : request.getRemoteUser());
        if (reason != null) {
            metadata.put(AuditMetadata.REASON, reason);
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
