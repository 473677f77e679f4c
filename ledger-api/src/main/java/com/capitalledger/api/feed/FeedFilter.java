package com.capitalledger.api.feed;

import java.util.Set;

/**
 * Which entries a reader of the feed receives: one program's or all ({@code programId} null), some types or all
 * ({@code types} empty; short names such as {@code CapitalCalled}), refusals or not, and, for an investor, only the
 * accepted events that name it ({@code investorId} non-null).
 */
public record FeedFilter(String programId, Set<String> types, boolean refusals, String investorId) {

    public FeedFilter {
        types = Set.copyOf(types);
    }

    /** Everything: what an administrator's subscription without filters receives. */
    public static FeedFilter everything() {
        return new FeedFilter(null, Set.of(), true, null);
    }

    boolean admits(FeedEntry entry) {
        if (entry.refusal() && !refusals) {
            return false;
        }
        if (programId != null && !programId.equals(entry.programId())) {
            return false;
        }
        if (!types.isEmpty() && !types.contains(entry.type())) {
            return false;
        }
        return investorId == null || entry.names(investorId);
    }
}
