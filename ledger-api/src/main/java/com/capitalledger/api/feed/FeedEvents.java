package com.capitalledger.api.feed;

import com.capitalledger.journal.store.JournalGrowth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The journal's entries as the feed's readers see them, in {@code seq} order.
 * <p>
 * One tail per node reads each new entry once, renders its CloudEvent once and keeps the newest {@code window} of them
 * in memory, so that a hundred SSE clients and every webhook subscription following the live end cost one read, not
 * a hundred; a reader behind the window reads its pages from PostgreSQL itself. The tail wakes when this node's
 * journal commits a batch ({@link JournalGrowth}) and polls every {@code ledger.feed.poll} for entries another node
 * journaled. The journal holds only committed events, so a rolled-back command never reaches the feed.
 */
@Component
public class FeedEvents implements SmartLifecycle {

    /** Entries a reader behind the window reads from PostgreSQL at a time. */
    static final int PAGE = 500;
    /** How long a request waits for the tail's first read of the journal's size after a start. */
    static final int STARTING_SECONDS = 2;
    private static final Logger log = LoggerFactory.getLogger(FeedEvents.class);
    private static final String ENTRIES = "SELECT j.seq, e.event_identifier, e.payload_type, e.payload, e.meta_data, "
            + "e.time_stamp FROM journal_entry j JOIN domain_event_entry e ON e.global_index = j.global_index "
            + "AND e.event_identifier = j.event_identifier WHERE j.seq >= ? AND j.seq < ? ORDER BY j.seq";

    /** Entries from a seq on, as far as one read went: {@code next} is where the next read starts. */
    public record Batch(List<FeedEntry> entries, long next) {
    }

    private final JdbcTemplate jdbc;
    private final int window;
    private final Duration poll;
    private final ConcurrentSkipListMap<Long, FeedEntry> recent = new ConcurrentSkipListMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition grown = lock.newCondition();
    private final Condition arrived = lock.newCondition();
    private volatile long size = -1;
    private volatile boolean wake;
    private volatile Thread tail;

    FeedEvents(JdbcTemplate jdbc, JournalGrowth growth, @Value("${ledger.feed.window:10000}") int window,
               @Value("${ledger.feed.poll:500ms}") Duration poll) {
        this.jdbc = jdbc;
        this.window = window;
        this.poll = poll;
        growth.listen(this::nudge);
    }

    /** The seq the next journaled entry will get, as this node's tail last saw it; -1 before its first read. */
    public long size() {
        return size;
    }

    /**
     * The size, once the tail has read the journal: in the first moments after a start a request waits up to
     * {@value #STARTING_SECONDS} s for that.
     *
     * @throws FeedFull.Unavailable (503) if the tail has still not read it
     */
    public long readySize() {
        try {
            if (size < 0 && !await(-1, Duration.ofSeconds(STARTING_SECONDS))) {
                throw new FeedFull.Unavailable("has not read the journal yet");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new FeedFull.Unavailable("has not read the journal yet");
        }
        return size;
    }

    /**
     * Up to {@code limit} entries the filter admits, from {@code from} on; {@code next} is the seq after the last
     * entry looked at (admitted or not), so a reader with a narrow filter still moves on. Empty, with {@code next}
     * = {@code from}, when nothing is journaled from there yet.
     */
    public Batch read(long from, FeedFilter filter, int limit) {
        List<FeedEntry> admitted = new ArrayList<>();
        long next = from;
        long end = size;
        while (admitted.size() < limit && next < end) {
            long to = Math.min(end, next + PAGE);
            List<FeedEntry> page = page(next, to);
            if (page.isEmpty()) {
                // Journaled, but their events are gone from the store: the journal's verification reports them.
                log.error("The event feed skips journal entries {} to {}: the event store no longer holds their "
                        + "events", next, to - 1);
                next = to;
                continue;
            }
            for (FeedEntry entry : page) {
                next = entry.seq() + 1;
                if (filter.admits(entry)) {
                    admitted.add(entry);
                    if (admitted.size() == limit) {
                        break;
                    }
                }
            }
        }
        return new Batch(admitted, next);
    }

    /**
     * Waits until an entry at or after {@code seq} is journaled, at most {@code timeout}.
     *
     * @return whether one is
     */
    public boolean await(long seq, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (size <= seq) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                arrived.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Entries {@code [from, to)}: from the window when it holds them all, else from PostgreSQL. */
    private List<FeedEntry> page(long from, long to) {
        Long first = recent.isEmpty() ? null : recent.firstKey();
        if (first != null && first <= from) {
            return new ArrayList<>(recent.subMap(from, to).values());
        }
        return load(from, to);
    }

    private List<FeedEntry> load(long from, long to) {
        return jdbc.query(ENTRIES, (rs, n) -> FeedEnvelope.render(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getBytes(4), rs.getBytes(5), rs.getString(6)), from, to);
    }

    private void follow() {
        boolean away = false;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                catchUp();
                if (away) {
                    log.info("The event feed reads the journal again");
                    away = false;
                }
                lock.lock();
                try {
                    if (!wake) {
                        grown.await(poll.toNanos(), TimeUnit.NANOSECONDS);
                    }
                    wake = false;
                } finally {
                    lock.unlock();
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException failure) {
                // The database is away: the feed waits and reads again; its readers keep their place. Said once
                // per outage, not at every attempt.
                if (!away) {
                    log.warn("The event feed could not read the journal, retrying: {}",
                            NestedExceptionUtils.getMostSpecificCause(failure).getMessage());
                    away = true;
                }
                sleepQuietly();
            }
        }
    }

    private void catchUp() {
        if (size < 0) {
            Long journaled = jdbc.queryForObject("SELECT COALESCE(max(seq) + 1, 0) FROM journal_entry", Long.class);
            lock.lock();
            try {
                size = journaled == null ? 0 : journaled;
                arrived.signalAll();
            } finally {
                lock.unlock();
            }
        }
        while (true) {
            List<FeedEntry> entries = load(size, size + PAGE);
            if (entries.isEmpty()) {
                return;
            }
            for (FeedEntry entry : entries) {
                recent.put(entry.seq(), entry);
            }
            while (recent.size() > window) {
                recent.pollFirstEntry();
            }
            lock.lock();
            try {
                size = entries.get(entries.size() - 1).seq() + 1;
                arrived.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private void sleepQuietly() {
        lock.lock();
        try {
            grown.await(poll.toNanos() * 4, TimeUnit.NANOSECONDS);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private void nudge() {
        lock.lock();
        try {
            wake = true;
            grown.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public synchronized void start() {
        if (tail != null) {
            return;
        }
        Thread thread = new Thread(this::follow, "feed-tail");
        thread.setDaemon(true);
        tail = thread;
        thread.start();
    }

    @Override
    public synchronized void stop() {
        Thread thread = tail;
        tail = null;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return tail != null;
    }
}
