package com.capitalledger.journal.entry;

/**
 * An event exactly as {@code domain_event_entry} holds it: what the journal renders its entries from, when it takes an
 * event, when it verifies one and when it exports one, so that the three always agree.
 */
public record StoredEventRow(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                             String aggregateType, String payloadType, String payloadRevision, byte[] payload,
                             byte[] metadata, String timeStamp) {
}
