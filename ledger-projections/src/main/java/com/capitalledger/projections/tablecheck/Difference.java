package com.capitalledger.projections.tablecheck;

/**
 * One way a read-model table differs from a fresh fold of the event store: a row the fold expects but the table
 * lacks, a row the table has that the fold does not produce, or a row whose values differ.
 */
public record Difference(String table, String key, Kind kind, String expected, String actual) {

    public enum Kind { MISSING, UNEXPECTED, DIFFERENT }
}
