package com.capitalledger.api.command;

import com.capitalledger.api.web.InvalidParameter;
import com.capitalledger.api.web.RefusedRequests;
import com.capitalledger.core.shared.LedgerRejection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a command through Axon's gateway with the request's audit metadata and returns the aggregate version the
 * command produced. A refused command's {@code LedgerRejection} propagates unchanged, once {@link Rejections} has
 * recorded the refusal as an event in the request's transaction (the one that also stores the idempotency key).
 * <p>
 * Retries: a command that lost a race for its program (another command appended the same version first) is decided
 * again on the program as it now is, up to {@value #ATTEMPTS} times with a short jittered pause. Each attempt runs in
 * a savepoint of the request's transaction (the one that also stores the idempotency key), so a lost race undoes
 * only that attempt. When every attempt loses, the conflict reaches the client as 409 CONCURRENT_MODIFICATION.
 */
@Component
public class CommandSender {

    static final int ATTEMPTS = 5;
    /** An If-Match value: the ETag of a program version, strong or weak. */
    public static final String IF_MATCH_SHAPE = "^(W/)?\"[0-9]{1,18}\"$";
    private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?\"([0-9]{1,18})\"");
    private static final Logger log = LoggerFactory.getLogger(CommandSender.class);

    private final CommandGateway gateway;
    private final TransactionTemplate attempt;
    private final Counter retries;
    private final Rejections rejections;

    public CommandSender(CommandGateway gateway, PlatformTransactionManager transactions, MeterRegistry meters,
                         Rejections rejections) {
        this.gateway = gateway;
        this.rejections = rejections;
        this.attempt = new TransactionTemplate(transactions);
        this.attempt.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.retries = Counter.builder("ledger.commands.retries")
                .description("Commands decided again after losing a race for their program").register(meters);
    }

    public long send(Object command, String reason, HttpServletRequest request) {
        String actor = request.getRemoteUser();
        if (actor == null) {
            throw new IllegalStateException("a command reached the ledger without an authenticated principal");
        }
        // Should the command be refused after all (a lost race, a stale If-Match), its refusal names it.
        request.setAttribute(Refusals.COMMAND, command);
        Map<String, Object> metadata = AuditedRequest.metadata(request, actor, reason);
        String ifMatch = request.getHeader(HttpHeaders.IF_MATCH);
        if (ifMatch != null) {
            metadata.put(ExpectedVersionTargetResolver.EXPECTED_VERSION, expectedVersion(ifMatch));
        }
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(metadata));
        for (int tried = 1; ; tried++) {
            try {
                Long version = attempt.execute(savepoint -> gateway.<Long>sendAndWait(message));
                return version;
            } catch (LedgerRejection rejection) {
                rejections.record(message, rejection);
                request.setAttribute(RefusedRequests.JOURNALED, true);
                throw rejection;
            } catch (ConcurrencyException | AggregateStreamCreationException lostRace) {
                if (tried == ATTEMPTS) {
                    throw lostRace;
                }
                retries.increment();
                log.info("{} lost a race for its program (attempt {} of {}); deciding it again",
                        command.getClass().getSimpleName(), tried, ATTEMPTS);
                pause(tried);
            }
        }
    }

    /** A short, growing, jittered pause, so racing commands do not collide again in step. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code If-Match: "7"} (or {@code W/"7"}): the program version the client's decision was based on. */
    private static long expectedVersion(String ifMatch) {
        Matcher version = ENTITY_TAG.matcher(ifMatch.trim());
        if (!version.matches()) {
            throw new InvalidParameter("If-Match", "must be the ETag of a program version, such as \"7\"");
        }
        return Long.parseLong(version.group(1));
    }
}
