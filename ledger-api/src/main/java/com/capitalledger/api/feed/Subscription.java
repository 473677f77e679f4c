package com.capitalledger.api.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A webhook subscription as stored: where it delivers, what, with which secrets, and how far it got. */
public record Subscription(String id, String url, String programId, List<String> types, String secret,
                           String previousSecret, Instant previousSecretUntil, Status status, Instant createdAt,
                           String createdBy, long nextSeq, Long deliveredThroughSeq, int attempts,
                           Instant failingSince, Instant nextAttemptAt, String lastError, Instant lastAttemptAt,
                           String pausedReason) {

    public enum Status { ACTIVE, PAUSED }

    /** What it receives: every entry of its program (or all) of its types (or all), refusals included. */
    FeedFilter filter() {
        return new FeedFilter(programId, Set.copyOf(types), true, null);
    }

    /** The secrets that sign a delivery at {@code now}: the current one, and the previous one while it lasts. */
    List<String> secretsAt(Instant now) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }
}
