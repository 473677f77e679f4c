package com.capitalledger.journal.store;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger's id: created with its database (migration V14) and kept there, so every node of one ledger knows it and
 * two ledgers never share it. Every signed digest names it.
 */
public record LedgerId(String value) {

    public static LedgerId of(JdbcTemplate jdbc) {
        return new LedgerId(jdbc.queryForObject("SELECT ledger_id::text FROM ledger_identity", String.class));
    }
}
