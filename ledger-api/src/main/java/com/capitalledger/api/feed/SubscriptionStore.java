package com.capitalledger.api.feed;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Subscriptions and their delivery log in PostgreSQL, shared by the nodes. A node delivers a subscription only while it
 * holds its lease ({@code lease_owner}, {@code lease_until}, compared with the database's clock so that the nodes'
 * clocks need not agree); every change a delivery makes checks the lease, so a node that lost it stops at its next
 * step. Acknowledgements are recorded one by one: a node killed mid-batch leaves the next node exactly the entries
 * not yet acknowledged. An attempt's log line commits with the state it changes.
 */
@Repository
public class SubscriptionStore {

    private static final RowMapper<Subscription> ROW = SubscriptionStore::subscription;
    private static final String COLUMNS = "subscription_id, url, program_id, types, secret, previous_secret, "
            + "previous_secret_until, status, created_at, created_by, next_seq, delivered_through_seq, attempts, "
            + "failing_since, next_attempt_at, last_error, last_attempt_at, paused_reason";

    /** One attempt to deliver one entry: its HTTP status, or why there was none. */
    public record Attempt(long attemptId, long seq, String webhookId, Integer statusCode, String error,
                          Instant attemptedAt, int durationMs) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    SubscriptionStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    void create(Subscription s) {
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("INSERT INTO feed_subscription (subscription_id, url, "
                    + "program_id, types, secret, status, created_at, created_by, next_seq) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            statement.setString(1, s.id());
            statement.setString(2, s.url());
            statement.setString(3, s.programId());
            statement.setArray(4, connection.createArrayOf("text", s.types().toArray()));
            statement.setString(5, s.secret());
            statement.setString(6, s.status().name());
            statement.setTimestamp(7, Timestamp.from(s.createdAt()));
            statement.setString(8, s.createdBy());
            statement.setLong(9, s.nextSeq());
            return statement;
        });
    }

    public List<Subscription> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM feed_subscription ORDER BY created_at, subscription_id", ROW);
    }

    public Optional<Subscription> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM feed_subscription WHERE subscription_id = ?", ROW, id)
                .stream().findFirst();
    }

    boolean delete(String id) {
        return jdbc.update("DELETE FROM feed_subscription WHERE subscription_id = ?", id) == 1;
    }

    /** The new secret signs from now on; the current one goes on signing beside it for {@code overlap}. */
    boolean rotate(String id, String secret, Duration overlap) {
        return jdbc.update("UPDATE feed_subscription SET previous_secret = secret, secret = ?, "
                + "previous_secret_until = now() + make_interval(secs => ?) WHERE subscription_id = ?",
                secret, overlap.toSeconds(), id) == 1;
    }

    /**
     * Active again, from {@code fromSeq} (null: where it stopped), at once. The lease is dropped, so a node that is
     * delivering it stops at its next step and the next claim starts from the new place.
     */
    boolean redeliver(String id, Long fromSeq) {
        return jdbc.update("UPDATE feed_subscription SET status = 'ACTIVE', next_seq = COALESCE(?, next_seq), "
                + "attempts = 0, failing_since = NULL, next_attempt_at = NULL, paused_reason = NULL, "
                + "lease_owner = NULL, lease_until = NULL WHERE subscription_id = ?", fromSeq, id) == 1;
    }

    /** Attempts, newest first, before attempt {@code before} (null: the newest). */
    public List<Attempt> attempts(String id, Long before, int limit) {
        return jdbc.query("SELECT attempt_id, seq, webhook_id, status_code, error, attempted_at, duration_ms "
                        + "FROM feed_delivery WHERE subscription_id = ? AND attempt_id < ? "
                        + "ORDER BY attempt_id DESC LIMIT ?",
                (rs, n) -> new Attempt(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        (Integer) rs.getObject(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getInt(7)),
                id, before == null ? Long.MAX_VALUE : before, limit);
    }

    /**
     * Takes the lease of every active subscription with entries to deliver and no back-off pending, that no other
     * node holds and this node is not delivering already: for {@code lease} from now.
     */
    List<Subscription> claim(String owner, Duration lease, Collection<String> delivering) {
        return jdbc.query("UPDATE feed_subscription SET lease_owner = ?, "
                + "lease_until = now() + make_interval(secs => ?) "
                + "WHERE subscription_id IN (SELECT subscription_id FROM feed_subscription "
                + "WHERE status = 'ACTIVE' AND (next_attempt_at IS NULL OR next_attempt_at <= now()) "
                + "AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < now()) "
                + "AND NOT (subscription_id = ANY(?)) "
                + "AND next_seq < (SELECT COALESCE(max(seq) + 1, 0) FROM journal_entry) "
                + "FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS, ROW, owner, seconds(lease), owner,
                delivering.toArray(String[]::new));
    }

    /** Extends the lease if this node still holds it, and answers the subscription as it is now (its secrets). */
    Optional<Subscription> renew(String id, String owner, Duration lease) {
        return jdbc.query("UPDATE feed_subscription SET lease_until = now() + make_interval(secs => ?) "
                + "WHERE subscription_id = ? AND lease_owner = ? AND status = 'ACTIVE' RETURNING " + COLUMNS, ROW,
                seconds(lease), id, owner).stream().findFirst();
    }

    /** Entries up to {@code next} were looked at and none is left to deliver; the lease is extended. */
    boolean skipTo(String id, String owner, long next, Duration lease) {
        return jdbc.update("UPDATE feed_subscription SET next_seq = GREATEST(next_seq, ?), "
                + "lease_until = now() + make_interval(secs => ?) WHERE subscription_id = ? AND lease_owner = ? "
                + "AND status = 'ACTIVE'", next, seconds(lease), id, owner) == 1;
    }

    /** The receiver acknowledged the entry at {@code seq}: logged, and the subscription moves past it. */
    boolean delivered(String id, String owner, Attempt attempt, Duration lease) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            relaxed();
            // One statement: the subscription moves past the entry if the lease is still this node's, and the
            // attempt is logged either way (it was made) while the subscription exists.
            Long moved = jdbc.query("WITH moved AS (UPDATE feed_subscription SET next_seq = ?, "
                            + "delivered_through_seq = ?, attempts = 0, failing_since = NULL, next_attempt_at = NULL, "
                            + "last_error = NULL, last_attempt_at = ?, lease_until = now() + make_interval(secs => ?) "
                            + "WHERE subscription_id = ? AND lease_owner = ? AND status = 'ACTIVE' RETURNING 1), "
                            + "logged AS (INSERT INTO feed_delivery (subscription_id, seq, webhook_id, status_code, "
                            + "attempted_at, duration_ms) SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM "
                            + "feed_subscription WHERE subscription_id = ?)) SELECT count(*) FROM moved",
                    rs -> rs.next() ? rs.getLong(1) : 0L,
                    attempt.seq() + 1, attempt.seq(), Timestamp.from(attempt.attemptedAt()), seconds(lease), id,
                    owner, id, attempt.seq(), attempt.webhookId(), attempt.statusCode(),
                    Timestamp.from(attempt.attemptedAt()), attempt.durationMs(), id);
            return moved != null && moved == 1;
        }));
    }

    /**
     * The entry at {@code seq} was not acknowledged: logged; the next attempt waits {@code backOff}; if the
     * subscription has failed for {@code giveUpAfter} it is paused.
     */
    void failed(String id, String owner, Attempt attempt, Duration backOff, Duration giveUpAfter) {
        transactions.executeWithoutResult(status -> {
            relaxed();
            fail(id, owner, attempt, backOff, giveUpAfter);
        });
    }

    /**
     * The delivery's commit does not wait for the disk: if PostgreSQL itself crashed before flushing it, the
     * acknowledgement would be forgotten and the entry delivered again under its webhook-id, which at-least-once
     * delivery allows; waiting for every acknowledgement's flush cost the commands' own flushes.
     */
    private void relaxed() {
        jdbc.execute("SET LOCAL synchronous_commit TO OFF");
    }

    private void fail(String id, String owner, Attempt attempt, Duration backOff, Duration giveUpAfter) {
        String error = attempt.error() != null ? attempt.error() : "HTTP " + attempt.statusCode();
        jdbc.update("UPDATE feed_subscription SET attempts = attempts + 1, "
                        + "failing_since = COALESCE(failing_since, now()), last_error = ?, last_attempt_at = ?, "
                        + "next_attempt_at = now() + make_interval(secs => ?), "
                        + "status = CASE WHEN COALESCE(failing_since, now()) <= now() - make_interval(secs => ?) "
                        + "THEN 'PAUSED' ELSE status END, "
                        + "paused_reason = CASE WHEN COALESCE(failing_since, now()) "
                        + "<= now() - make_interval(secs => ?) "
                        + "THEN ? ELSE paused_reason END, lease_owner = NULL, lease_until = NULL "
                        + "WHERE subscription_id = ? AND lease_owner = ? AND status = 'ACTIVE'",
                shorten(error), Timestamp.from(attempt.attemptedAt()), seconds(backOff), seconds(giveUpAfter),
                seconds(giveUpAfter), shorten("no delivery acknowledged for " + readable(giveUpAfter) + "; last: "
                        + error), id, owner);
        log(id, attempt);
    }

    private void log(String id, Attempt attempt) {
        jdbc.update("INSERT INTO feed_delivery (subscription_id, seq, webhook_id, status_code, error, attempted_at, "
                        + "duration_ms) SELECT ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM feed_subscription "
                        + "WHERE subscription_id = ?)", id, attempt.seq(), attempt.webhookId(), attempt.statusCode(),
                shorten(attempt.error()), Timestamp.from(attempt.attemptedAt()), attempt.durationMs(), id);
    }

    /** 24 h, 90 min, 2 s: the largest whole unit. */
    private static String readable(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0 && seconds > 0) {
            return seconds / 3600 + " h";
        }
        return seconds % 60 == 0 && seconds > 0 ? seconds / 60 + " min" : seconds + " s";
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static String shorten(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 497) + "...";
    }

    private static Subscription subscription(ResultSet rs, int row) throws SQLException {
        Array types = rs.getArray("types");
        return new Subscription(rs.getString("subscription_id"), rs.getString("url"), rs.getString("program_id"),
                Arrays.asList((String[]) types.getArray()), rs.getString("secret"), rs.getString("previous_secret"),
                instant(rs, "previous_secret_until"), Subscription.Status.valueOf(rs.getString("status")),
                instant(rs, "created_at"), rs.getString("created_by"), rs.getLong("next_seq"),
                (Long) rs.getObject("delivered_through_seq"), rs.getInt("attempts"), instant(rs, "failing_since"),
                instant(rs, "next_attempt_at"), rs.getString("last_error"), instant(rs, "last_attempt_at"),
                rs.getString("paused_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
