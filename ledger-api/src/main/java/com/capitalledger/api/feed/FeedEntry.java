package com.capitalledger.api.feed;

import java.util.Set;

/**
 * A journal entry as the feed hands it out: its {@code seq}, event id, short type ({@code CommandRejected} for a
 * refusal), program (null for a base-rate fixing), the investors its payload names, and the CloudEvent rendered from
 * it (structured-mode JSON, the exact bytes every SSE client and webhook receives).
 */
public record FeedEntry(long seq, String eventId, String type, boolean refusal, String programId,
                        Set<String> investors, byte[] cloudEvent) {

    /** Whether the entry's payload names this investor (its own investor, or either side of a transfer). */
    public boolean names(String investorId) {
        return investors.contains(investorId);
    }
}
