package com.capitalledger.api.command;

import com.capitalledger.api.consistency.TransactionOffset;
import com.capitalledger.api.web.RefusedRequests;
import com.capitalledger.api.web.Shapes;
import com.capitalledger.core.journal.api.CommandRejected;
import com.capitalledger.projections.fold.audit.AuditEntries;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Records the refusals of commands that the ledger's rules do not decide, as the same {@link CommandRejected} event
 * {@link Rejections} records for theirs, so that the journal and the audit trail hold every command refused to an
 * authenticated caller, with the code the caller heard: 403 {@code FORBIDDEN} (a role that may not send it), 409
 * {@code CONCURRENT_MODIFICATION}, 412 {@code VERSION_MISMATCH} and 422 {@code IDEMPOTENCY_KEY_REUSED}. Only
 * requests to a command's endpoint ({@link SendsCommand}) are recorded; the command's subjects come from the command
 * when it was built, otherwise from the path and the body, where they are well formed.
 * <p>
 * Each refusal is stored in a transaction of its own, after the request's own has ended (or where there was none),
 * and its answer carries its {@code Ledger-Position}. None of these answers is kept with an idempotency key, so a
 * retry is decided, and refused and recorded, again; a replay of a kept answer records nothing. Should the store fail,
 * the caller still hears its refusal (the refusal stands, and a 5xx would invite retrying something that is refused),
 * and the error log and {@code ledger.refusals.unrecorded} say which refusal the journal lacks.
 */
@Component
public class Refusals {

    /** The request attribute holding the command the request built, once it has. */
    public static final String COMMAND = Refusals.class.getName() + ".command";
    /** The statuses of a refused command that are recorded, where the ledger's own refusal was not. */
    public static final Set<Integer> RECORDED_STATUSES = Set.of(403, 409, 412, 422);

    private static final Logger log = LoggerFactory.getLogger(Refusals.class);
    /** A command's body is a few kilobytes; one refused before it was read is read no further than this. */
    private static final int MAX_BODY = 1 << 16;
    private static final int MAX_DETAIL = 2000;
    private static final Pattern ID = Pattern.compile(Shapes.ID);
    private static final Pattern AMOUNT = Pattern.compile(Shapes.AMOUNT);
    /** The body's amounts, by the names commands give them (as the audit trail reads a command's). */
    private static final String[] AMOUNTS = {"amount", "budget", "commitment", "targetAmount"};

    private final EventStore events;
    private final Clock clock;
    private final CommandRoutes routes;
    private final TransactionTemplate transactions;
    private final TransactionOffset offset;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    Refusals(EventStore events, Clock clock, CommandRoutes routes, PlatformTransactionManager transactions,
             TransactionOffset offset, MeterRegistry meters) {
        this.events = events;
        this.clock = clock;
        this.routes = routes;
        this.transactions = new TransactionTemplate(transactions);
        // Never part of a request's transaction, which is rolling back (or committing its own answer).
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.offset = offset;
        // A body is read for what it names, whatever else is wrong with it: no strictness of the API's own mapper.
        this.json = new ObjectMapper(JsonFactory.builder().build());
        this.meters = meters;
    }

    /**
     * Records the refusal of the command this request sends, if it sends one and its status is one of
     * {@link #RECORDED_STATUSES}, and sets the answer's {@code Ledger-Position} to it.
     *
     * @param actor the authenticated principal
     * @param body  the request's body, or null to read it here (a request refused before anything read it)
     */
    public void record(HttpServletRequest request, HttpServletResponse response, String actor, byte[] body,
                       int status, String code, String detail) {
        if (actor == null || code == null || !RECORDED_STATUSES.contains(status)
                || request.getAttribute(RefusedRequests.JOURNALED) != null) {
            return;
        }
        CommandRoutes.Route route = routes.of(request).orElse(null);
        if (route == null) {
            return;
        }
        JsonNode fields = fields(body != null ? body : read(request));
        String shortened = detail == null ? null : detail.substring(0, Math.min(detail.length(), MAX_DETAIL));
        Object command = request.getAttribute(COMMAND);
        CommandRejected refusal = command != null ? AuditEntries.refusal(command, code, shortened)
                : fromRequest(route, fields, code, shortened);
        Map<String, Object> metadata = AuditedRequest.metadata(request, actor, reason(fields));
        String id = UUID.randomUUID().toString();
        try {
            Long position = transactions.execute(transaction -> {
                events.publish(new GenericDomainEventMessage<>(CommandRejected.STREAM_TYPE, id, 0, refusal,
                        MetaData.from(metadata), id, clock.instant()));
                return offset.ofCurrentTransaction();
            });
            request.setAttribute(RefusedRequests.JOURNALED, true);
            if (position != null) {
                response.setHeader(TransactionOffset.HEADER, position.toString());
            }
        } catch (RuntimeException failure) {
            Counter.builder("ledger.refusals.unrecorded")
                    .description("Refused commands the journal could not record (the error log names each)")
                    .tag("code", code).register(meters).increment();
            log.error("The refusal of {} to {} ({} {}) could not be recorded in the journal: {}", refusal.command(),
                    actor, status, code, failure.toString());
        }
    }

    /** What the path and the body name, where it has the shape the command would require. */
    private static CommandRejected fromRequest(CommandRoutes.Route route, JsonNode fields, String code,
                                               String detail) {
        Map<String, String> path = route.variables();
        return new CommandRejected(route.command(), code, detail, id(path, fields, "programId"),
                id(path, fields, "investorId"), id(Map.of(), fields, "toInvestorId"), id(path, fields, "trancheId"),
                id(path, fields, "callId"), id(Map.of(), fields, "phaseId"), reference(path, fields), amount(fields),
                date(fields.path("effectiveDate").textValue()));
    }

    private static String id(Map<String, String> path, JsonNode fields, String name) {
        String value = path.containsKey(name) ? path.get(name) : fields.path(name).textValue();
        return value != null && ID.matcher(value).matches() ? value : null;
    }

    private static String reference(Map<String, String> path, JsonNode fields) {
        for (String name : new String[]{"drawId", "repaymentId", "rateName"}) {
            String value = id(path, fields, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static BigDecimal amount(JsonNode fields) {
        for (String name : AMOUNTS) {
            String value = fields.path(name).textValue();
            if (value != null && AMOUNT.matcher(value).matches()) {
                return new BigDecimal(value);
            }
        }
        return null;
    }

    private static LocalDate date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException malformed) {
            return null;
        }
    }

    private static String reason(JsonNode fields) {
        String reason = fields.path("reason").textValue();
        return reason == null || reason.isBlank() ? null
                : reason.substring(0, Math.min(reason.length(), Shapes.REASON_MAX));
    }

    /** The body's top-level members, or none when it is not a JSON object. */
    private JsonNode fields(byte[] body) {
        try {
            JsonNode read = body.length == 0 ? null : json.readTree(body);
            return read != null && read.isObject() ? read : json.createObjectNode();
        } catch (IOException notJson) {
            return json.createObjectNode();
        }
    }

    private static byte[] read(HttpServletRequest request) {
        try {
            byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
            return body.length > MAX_BODY ? new byte[0] : body;
        } catch (IOException | IllegalStateException unreadable) {
            return new byte[0];
        }
    }
}
