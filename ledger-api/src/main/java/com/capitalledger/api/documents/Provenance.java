package com.capitalledger.api.documents;

import com.capitalledger.journal.digest.Digests;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * Where a document's figures come from: the journal entry of each event it reports, with the RFC 9162 audit path that
 * proves it is in the journal whose signed digest is given, so an investor can check the document offline.
 */
@Schema(description = "The journal entries of the events the document reports, each with the inclusion proof that "
        + "leads from its leaf hash to the root of the signed digest the document was checked against")
public record Provenance(
        @Schema(description = "The signed digest every entry's proof leads to (GET /api/v1/journal/digest's shape)")
        Digests.Digest digest,
        @Schema(description = "One per event, in seq order") List<Entry> entries) {

    @Schema(description = "A journal entry and its inclusion proof in the tree of the digest's treeSize entries")
    public record Entry(
            @Schema(description = "The entry's position in the journal: the proof's leaf index", example = "42")
            long seq,
            @Schema(description = "The event's type", example = "CapitalCalled") String event,
            @Schema(description = "The date the event is effective on", example = "2026-01-15") LocalDate date,
            @Schema(description = "SHA-256(0x00 || entry), lowercase hex") String leafHash,
            @Schema(description = "RFC 9162 audit path from the leaf's sibling up, lowercase hex")
            List<String> auditPath) {
    }
}
