package com.capitalledger.api.idempotency;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The idempotency keys each principal has used, with the fingerprint of the request that first used each (a hash,
 * {@link RequestFingerprint}) and the answer it got. A claim and its answer are written in the caller's transaction: a
 * key is kept with its command's events or not at all.
 */
@Component
class IdempotencyKeys {

    /** A key with the request that claimed it and, once it is answered, its answer. */
    record Claim(String requestHash, StoredAnswer answer) {
    }

    private final JdbcTemplate jdbc;

    IdempotencyKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for this request; false if it is already taken. Waits while another transaction holds the same
     * key, then either inserts or finds it taken.
     */
    boolean claim(String principal, String key, String requestHash) {
        return jdbc.update("INSERT INTO idempotency_key (principal, idempotency_key, request_hash, status, body) "
                + "VALUES (?, ?, ?, 0, ''::bytea) ON CONFLICT DO NOTHING", principal, key, requestHash) == 1;
    }

    /** Keeps the answer to the request that claimed the key. */
    void answer(String principal, String key, StoredAnswer answer) {
        jdbc.update("UPDATE idempotency_key SET status = ?, content_type = ?, location = ?, etag = ?, body = ?, "
                + "ledger_position = ? WHERE principal = ? AND idempotency_key = ?", answer.status(),
                answer.contentType(), answer.location(), answer.etag(), answer.body(), answer.ledgerPosition(),
                principal, key);
    }

    /** The key's claim, if it is taken; empty if the request that took it rolled back. */
    Optional<Claim> find(String principal, String key) {
        List<Claim> claims = jdbc.query("SELECT request_hash, status, content_type, location, etag, ledger_position, "
                + "body FROM idempotency_key WHERE principal = ? AND idempotency_key = ?", (row, index) -> new Claim(
                row.getString("request_hash"), new StoredAnswer(row.getInt("status"), row.getString("content_type"),
                row.getString("location"), row.getString("etag"), row.getObject("ledger_position", Long.class),
                row.getBytes("body"))), principal, key);
        return claims.stream().findFirst();
    }
}
