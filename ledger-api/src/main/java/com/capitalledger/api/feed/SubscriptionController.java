package com.capitalledger.api.feed;

import com.capitalledger.api.web.InvalidBody;
import com.capitalledger.api.web.InvalidParameter;
import com.capitalledger.api.web.NotFound;
import com.capitalledger.api.web.ProblemCode;
import com.capitalledger.api.web.ProblemStatuses;
import com.capitalledger.api.web.Shapes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Webhook subscriptions to the event feed (DESIGN section 11): created, read, paused state, rotated, redelivered. */
@Tag(name = SubscriptionController.TAG, description = "Webhook subscriptions to the event feed: each journal entry "
        + "(accepted events and refusals) POSTed as a CloudEvent, signed as Standard Webhooks says, at least once, in "
        + "seq order per subscription. Role: ADMIN.")
@RestController
@RequestMapping(path = SubscriptionController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
public class SubscriptionController {

    static final String TAG = "Event feed";
    static final String PATH = "/api/v1/subscriptions";
    /** How long a rotated-out secret goes on signing beside the new one. */
    static final Duration ROTATION_OVERLAP = Duration.ofHours(24);
    private static final String ROLE = " Role: ADMIN.";
    private static final String POST_ERRORS = " 400 IDEMPOTENCY_KEY_REQUIRED and 422 IDEMPOTENCY_KEY_REUSED, like "
            + "every POST.";
    private static final int MAX_DELIVERIES = 500;
    private static final String ID = "The subscription's id";
    private static final String ID_EXAMPLE = "0b7f3c52-6f2e-4c8e-9d3b-2a1f5e7c9d10";
    private static final String NO_UUID = "an id that is no UUID";

    private final SubscriptionStore store;
    private final FeedEvents feed;
    private final Clock clock;

    SubscriptionController(SubscriptionStore store, FeedEvents feed, Clock clock) {
        this.store = store;
        this.feed = feed;
        this.clock = clock;
    }

    /** A new subscription: where to deliver, and what (no program, no types: everything). */
    public record NewSubscription(
            @Schema(description = "Where each delivery is POSTed: an absolute http or https URL",
                    example = "https://treasury.example.com/ledger-events")
            @NotBlank @Size(max = 2048) String url,
            @Schema(description = "Only this program's entries (and refusals about it); absent: every program's and "
                    + "the base rates'", example = "STARGATE-1")
            @Pattern(regexp = Shapes.ID, message = Shapes.ID_MESSAGE) String programId,
            @Schema(description = "Only these types, by short name or CloudEvent type; absent or empty: all",
                    example = "[\"CapitalCalled\", \"com.capitalledger.CommandRejected.v1\"]")
            List<@NotBlank String> types,
            @Schema(description = "The first entry's seq (0: the whole journal); absent: entries journaled from now on",
                    example = "0")
            Long fromSeq) {
    }

    /** A subscription as created: the only answer that shows its secret. */
    public record CreatedSubscription(String subscriptionId, String url, String programId, List<String> types,
                                      @Schema(description = "The signing secret, \"whsec_\" + base64 of 32 random "
                                              + "bytes: shown once") String secret,
                                      Subscription.Status status, Instant createdAt, long fromSeq) {
    }

    /** A subscription and how far its delivery got. */
    public record SubscriptionView(
            String subscriptionId, String url, String programId, List<String> types, Subscription.Status status,
            Instant createdAt, String createdBy,
            @Schema(description = "The next entry it will look at") long nextSeq,
            @Schema(description = "The last entry a receiver acknowledged (null: none yet)") Long deliveredThroughSeq,
            @Schema(description = "Entries journaled that it has not looked at yet (those its filters skip included)")
            long lagEntries,
            @Schema(description = "Failed attempts at its next entry") int attempts,
            String lastError, Instant lastAttemptAt,
            @Schema(description = "When the next attempt may start, after a failure") Instant nextAttemptAt,
            @Schema(description = "Why it was paused") String pausedReason,
            @Schema(description = "Until when the previous secret signs beside the current one")
            Instant previousSecretValidUntil) {
    }

    /** A new secret, and until when the previous one goes on signing. */
    public record RotatedSecret(String subscriptionId, String secret, Instant previousSecretValidUntil) {
    }

    /** A page of delivery attempts, newest first. */
    public record Deliveries(List<SubscriptionStore.Attempt> deliveries, String nextCursor) {
    }

    @ProblemStatuses({400})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createSubscription", summary = "Subscribe a URL to the event feed",
            description = "Creates a webhook subscription and answers its secret, once. From fromSeq on (absent: "
                    + "from the next entry journaled), every journal entry its filters admit is POSTed to url as one "
                    + "CloudEvent (application/cloudevents+json) with the Standard Webhooks headers webhook-id (the "
                    + "event id, the same on every retry), webhook-timestamp and webhook-signature. A 2xx "
                    + "acknowledges; anything else, or no answer within 10 s, is retried with exponential back-off "
                    + "and jitter, in order; after 24 h of failures the subscription is PAUSED until redelivered. "
                    + "Errors: 400 VALIDATION_FAILED (url, types, fromSeq);" + POST_ERRORS + ROLE)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CreatedSubscription> create(@Valid @RequestBody NewSubscription body, Principal who) {
        List<InvalidBody.FieldProblem> problems = new ArrayList<>();
        if (!webUrl(body.url())) {
            problems.add(new InvalidBody.FieldProblem("url", "must be an absolute http or https URL with a host"));
        }
        Set<String> types = new LinkedHashSet<>();
        for (String type : body.types() == null ? List.<String>of() : body.types()) {
            FeedTypes.shortName(type).ifPresentOrElse(types::add,
                    () -> problems.add(new InvalidBody.FieldProblem("types", FeedTypes.unknown(type))));
        }
        long size = feed.readySize();
        long from = body.fromSeq() == null ? size : body.fromSeq();
        if (body.fromSeq() != null && (from < 0 || from > size)) {
            problems.add(new InvalidBody.FieldProblem("fromSeq", "must be between 0 and the journal's size, " + size));
        }
        if (!problems.isEmpty()) {
            throw new InvalidBody(problems);
        }
        Subscription created = new Subscription(UUID.randomUUID().toString(), body.url(), body.programId(),
                List.copyOf(types), WebhookSignature.newSecret(), null, null, Subscription.Status.ACTIVE,
                clock.instant(), who.getName(), from, null, 0, null, null, null, null, null);
        store.create(created);
        return ResponseEntity.created(URI.create(PATH + "/" + created.id())).body(new CreatedSubscription(
                created.id(), created.url(), created.programId(), created.types(), created.secret(), created.status(),
                created.createdAt(), from));
    }

    @Operation(operationId = "listSubscriptions", summary = "List the webhook subscriptions",
            description = "Every subscription, oldest first, with how far its delivery got (no secrets)." + ROLE)
    @GetMapping
    public List<SubscriptionView> list() {
        long size = feed.readySize();
        return store.all().stream().map(subscription -> view(subscription, size)).toList();
    }

    @ProblemStatuses({400, 404})
    @Operation(operationId = "readSubscription", summary = "Read a webhook subscription",
            description = "Its filters, status (ACTIVE or PAUSED), the last entry acknowledged, the entries not "
                    + "looked at yet, the last error and attempt. Errors: 400 INVALID_PARAMETER (" + NO_UUID + "); 404 "
                    + "UNKNOWN_SUBSCRIPTION." + ROLE)
    @GetMapping("/{subscriptionId}")
    public SubscriptionView read(
            @Parameter(description = ID, example = ID_EXAMPLE) @PathVariable UUID subscriptionId) {
        return view(known(subscriptionId.toString()), feed.readySize());
    }

    @ProblemStatuses({400, 404})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteSubscription", summary = "Delete a webhook subscription",
            description = "Stops its deliveries (one in flight may still arrive) and removes it with its delivery "
                    + "log. Errors: 400 INVALID_PARAMETER (" + NO_UUID + "); 404 UNKNOWN_SUBSCRIPTION." + ROLE)
    @DeleteMapping("/{subscriptionId}")
    public void delete(@Parameter(description = ID, example = ID_EXAMPLE) @PathVariable UUID subscriptionId) {
        if (!store.delete(subscriptionId.toString())) {
            throw unknown(subscriptionId.toString());
        }
    }

    @ProblemStatuses({400, 404})
    @Operation(operationId = "rotateSubscriptionSecret", summary = "Rotate a subscription's signing secret",
            description = "A new secret signs every delivery from now on; for 24 h the previous one signs beside it "
                    + "(webhook-signature then holds two signatures, space-separated), so the receiver can switch "
                    + "without refusing a delivery. The new secret is shown once. Errors: 400 INVALID_PARAMETER ("
                    + NO_UUID + "); 404 UNKNOWN_SUBSCRIPTION;"
                    + POST_ERRORS + ROLE)
    @PostMapping("/{subscriptionId}/rotate-secret")
    public RotatedSecret rotate(
            @Parameter(description = ID, example = ID_EXAMPLE) @PathVariable UUID subscriptionId) {
        String id = subscriptionId.toString();
        String secret = WebhookSignature.newSecret();
        if (!store.rotate(id, secret, ROTATION_OVERLAP)) {
            throw unknown(id);
        }
        return new RotatedSecret(id, secret, known(id).previousSecretUntil());
    }

    @ProblemStatuses({400, 404})
    @Operation(operationId = "redeliverSubscription", summary = "Resume or rewind a subscription",
            description = "Makes the subscription ACTIVE again with no back-off pending, from fromSeq (absent: from "
                    + "where it stopped, the first entry not acknowledged). Entries delivered before are delivered "
                    + "again, under their webhook-id. Errors: 400 INVALID_PARAMETER (fromSeq, " + NO_UUID + "); 404 "
                    + "UNKNOWN_SUBSCRIPTION;" + POST_ERRORS + ROLE)
    @PostMapping("/{subscriptionId}/redeliver")
    public SubscriptionView redeliver(
            @Parameter(description = ID, example = ID_EXAMPLE) @PathVariable UUID subscriptionId,
            @Parameter(description = "The first entry to deliver again", example = "0")
            @RequestParam(required = false) Long fromSeq) {
        String id = subscriptionId.toString();
        long size = feed.readySize();
        known(id);
        if (fromSeq != null && (fromSeq < 0 || fromSeq > size)) {
            throw new InvalidParameter("fromSeq", "must be between 0 and the journal's size, " + size);
        }
        if (!store.redeliver(id, fromSeq)) {
            throw unknown(id);
        }
        return view(known(id), size);
    }

    @ProblemStatuses({400, 404})
    @Operation(operationId = "listSubscriptionDeliveries", summary = "Read a subscription's delivery log",
            description = "Every attempt, newest first: the entry's seq, its webhook-id, the receiver's HTTP status "
                    + "or why there was none, when, how long it took. nextCursor pages on. Errors: 400 "
                    + "INVALID_PARAMETER (cursor, limit, " + NO_UUID + "); 404 UNKNOWN_SUBSCRIPTION." + ROLE)
    @GetMapping("/{subscriptionId}/deliveries")
    public Deliveries deliveries(
            @Parameter(description = ID, example = ID_EXAMPLE) @PathVariable UUID subscriptionId,
            @Parameter(description = "The nextCursor of the page before", example = "1041")
            @RequestParam(required = false) String cursor,
            @Parameter(description = "Attempts per page, 1 to 500", example = "100")
            @RequestParam(defaultValue = "100") int limit) {
        String id = subscriptionId.toString();
        known(id);
        if (limit < 1 || limit > MAX_DELIVERIES) {
            throw new InvalidParameter("limit", "must be between 1 and " + MAX_DELIVERIES);
        }
        Long before = null;
        if (cursor != null) {
            try {
                before = Long.parseLong(cursor);
            } catch (NumberFormatException notOurs) {
                throw new InvalidParameter("cursor", "must be a nextCursor this endpoint answered");
            }
        }
        List<SubscriptionStore.Attempt> page = store.attempts(id, before, limit);
        String next = page.size() == limit ? Long.toString(page.get(page.size() - 1).attemptId()) : null;
        return new Deliveries(page, next);
    }

    private SubscriptionView view(Subscription s, long size) {
        return new SubscriptionView(s.id(), s.url(), s.programId(), s.types(), s.status(), s.createdAt(),
                s.createdBy(), s.nextSeq(), s.deliveredThroughSeq(), Math.max(0, size - s.nextSeq()), s.attempts(),
                s.lastError(), s.lastAttemptAt(), s.nextAttemptAt(), s.pausedReason(), s.previousSecretUntil());
    }

    private Subscription known(String id) {
        return store.find(id).orElseThrow(() -> unknown(id));
    }

    private static NotFound unknown(String id) {
        return new NotFound(ProblemCode.UNKNOWN_SUBSCRIPTION, "subscription " + id + " does not exist");
    }

    private static boolean webUrl(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && ("http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException notAUrl) {
            return false;
        }
    }
}
