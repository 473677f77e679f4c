package com.capitalledger.api.command;

import com.capitalledger.projections.processing.NodeCensus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Commands on one stream (a program, or a base rate's fixings) take turns in this node, first come first served,
 * each holding its turn until its request's transaction has ended. Without it, writers on one program race to the
 * event store: every loser waits for the winner's commit, finds its version taken and is decided again, and after
 * {@value CommandSender#ATTEMPTS} lost races answers 409. In turn, a command is decided on the program as the previous
 * one left it and its append never collides with a command of this node. Where other nodes share the database, the
 * command then also waits for its stream's turn among the nodes ({@link #inTurnAcrossNodes}); {@link CommandSender}'s
 * retries remain for the seconds before a node has counted a newly started one. Streams that no command is waiting
 * for hold no memory.
 */
@Component
public class CommandQueue {

    /** The stream a command request writes, named by its path; creating a program needs no turn (nobody can wait). */
    private static final Pattern STREAM = Pattern.compile("^/api/v1/(programs|base-rates)/([^/]+)/.+$");

    /** PostgreSQL's lock_not_available: the lock_timeout passed. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final ConcurrentHashMap<String, Turns> streams = new ConcurrentHashMap<>();
    private final Duration patience;
    private final JdbcTemplate jdbc;
    private final NodeCensus census;

    public CommandQueue(@Value("${ledger.commands.queue-wait:10s}") Duration patience, JdbcTemplate jdbc,
                        NodeCensus census) {
        this.patience = patience;
        this.jdbc = jdbc;
        this.census = census;
    }

    /** The stream of a command request's path, if it writes to an existing one. */
    public static Optional<String> streamOf(String path) {
        Matcher stream = STREAM.matcher(path);
        return stream.matches() ? Optional.of(stream.group(1) + "/" + stream.group(2)) : Optional.empty();
    }

    /**
     * Runs {@code work} once every command queued before it on the stream has finished.
     *
     * @throws QueueTooLong when the turn does not come within the configured wait ({@code ledger.commands.queue-wait})
     */
    public <T> T inTurn(String stream, Supplier<T> work) {
        Turns turns = streams.compute(stream, (name, existing) -> (existing == null ? new Turns() : existing).join());
        try {
            if (!turns.lock.tryLock(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new QueueTooLong(stream, patience, "in this node");
            }
            try {
                return work.get();
            } finally {
                turns.lock.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a turn on " + stream, e);
        } finally {
            streams.computeIfPresent(stream, (name, existing) -> existing.leave());
        }
    }

    /**
     * Inside the command's transaction, before it reads the program: where other nodes share the database, waits for
     * the stream's transaction-scoped advisory lock, held until the transaction ends, so that the nodes' writers on one
     * program queue too instead of racing to the event store. A node alone takes no lock.
     *
     * @throws QueueTooLong when the lock does not come within the configured wait
     */
    public void inTurnAcrossNodes(String stream) {
        if (census.alone()) {
            return;
        }
        // Free (the common case): one statement. Taken by another node's command: wait for it, at most the patience.
        if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(hashtextextended(?, 0))",
                Boolean.class, stream))) {
            return;
        }
        try {
            String previous = jdbc.queryForObject("SELECT current_setting('lock_timeout')", String.class);
            jdbc.queryForObject("SELECT set_config('lock_timeout', ?, true)", String.class, patience.toMillis() + "ms");
            jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", row -> {
            }, stream);
            jdbc.queryForObject("SELECT set_config('lock_timeout', ?, true)", String.class, previous);
        } catch (DataAccessException failed) {
            if (failed.getMostSpecificCause() instanceof SQLException sql
                    && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                throw new QueueTooLong(stream, patience, "among the nodes");
            }
            throw failed;
        }
    }

    /** How many streams have commands running or waiting (for tests and diagnostics). */
    int busyStreams() {
        return streams.size();
    }

    /** A fair lock and how many commands hold or await it; counted inside the map's atomic compute. */
    private static final class Turns {
        private final ReentrantLock lock = new ReentrantLock(true);
        private int holders;

        private Turns join() {
            holders++;
            return this;
        }

        private Turns leave() {
            return --holders == 0 ? null : this;
        }
    }

    /** The turn did not come in time: the nodes are overloaded on this stream. Nothing was recorded. */
    public static final class QueueTooLong extends RuntimeException {

        private final transient Duration waited;

        QueueTooLong(String stream, Duration waited, String where) {
            super("commands on " + stream + " are queued for longer than " + (waited.toMillisPart() == 0
                    ? waited.toSeconds() + " s" : waited.toMillis() + " ms") + " " + where);
            this.waited = waited;
        }

        public Duration waited() {
            return waited;
        }
    }
}
