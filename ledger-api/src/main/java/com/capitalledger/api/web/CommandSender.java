package com.capitalledger.api.web;

import com.capitalledger.api.config.ExpectedVersionTargetResolver;
import com.capitalledger.projections.audit.AuditKeys;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a command through Axon's gateway with the request's audit metadata and returns the aggregate version the
 * command produced. A refused command's {@code LedgerRejection} propagates unchanged (the command bus has already
 * written it to the audit trail).
 */
@Component
public class CommandSender {

    /** An If-Match value: the ETag of a program version, strong or weak. */
    public static final String IF_MATCH_SHAPE = "^(W/)?\"[0-9]{1,18}\"$";
    private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?\"([0-9]{1,18})\"");

    private final CommandGateway gateway;

    public CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public long send(Object command, String reason, HttpServletRequest request) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(AuditKeys.CORRELATION_ID, CorrelationId.of(request));
        metadata.put(AuditKeys.CLIENT, client(request));
        String actor = request.getRemoteUser();
        if (actor == null) {
            throw new IllegalStateException("a command reached the ledger without an authenticated principal");
        }
        metadata.put(AuditKeys.ACTOR, actor);
        if (reason != null) {
            metadata.put(AuditKeys.REASON, reason);
        }
        String ifMatch = request.getHeader(HttpHeaders.IF_MATCH);
        if (ifMatch != null) {
            metadata.put(ExpectedVersionTargetResolver.EXPECTED_VERSION, expectedVersion(ifMatch));
        }
        String idempotencyKey = request.getHeader(Idempotency.KEY_HEADER);
        if (idempotencyKey != null) {
            metadata.put(AuditKeys.IDEMPOTENCY_KEY, idempotencyKey);
        }
        Long version = gateway.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(metadata)));
        return version;
    }

    /** {@code If-Match: "7"} (or {@code W/"7"}): the program version the client's decision was based on. */
    private static long expectedVersion(String ifMatch) {
        Matcher version = ENTITY_TAG.matcher(ifMatch.trim());
        if (!version.matches()) {
            throw new InvalidParameter("If-Match", "must be the ETag of a program version, such as \"7\"");
        }
        return Long.parseLong(version.group(1));
    }

    private static String client(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        String address = request.getRemoteAddr();
        return agent == null ? address : address + " " + agent.substring(0, Math.min(agent.length(), 200));
    }
}
