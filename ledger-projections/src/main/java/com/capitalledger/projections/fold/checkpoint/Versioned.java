package com.capitalledger.projections.fold.checkpoint;

/**
 * A fact as read from its table with the version of its row: PostgreSQL's {@code xmin}, the transaction that wrote
 * the row, new whenever the row is written again (a rebuild deletes every row and loads them again). In memory, any
 * number that stands for one writing of the fact.
 */
public record Versioned<F>(F fact, long version) {
}
