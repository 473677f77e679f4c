package com.capitalledger.api.feed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The event feed's open streams on this node, each written by a thread of its own.
 * <p>
 * A stream's thread reads its entries from {@link FeedEvents} at its own cursor and writes them to its client; when
 * the client reads slowly the write blocks that thread alone, never the journal, the commands or another client.
 * At most {@code ledger.feed.max-streams} are open at once (a client beyond them is answered 503 FEED_FULL before its
 * stream starts). A stream ends when its client goes (the next write fails; a heartbeat every
 * {@code ledger.feed.heartbeat} of silence makes sure there is one), when the journal cannot be read (the client
 * reconnects with Last-Event-ID), and when the service stops, before the web server waits for open requests.
 */
@Component
public class FeedStreams implements SmartLifecycle {

    /** Entries written to a client at a time, with one flush. */
    static final int BATCH = 256;
    private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.US_ASCII);
    /**
     * The stream's first bytes, a comment. Sent before the request's own thread hands the stream over, they are
     * written (and the headers with them) by that thread as it does: the stream's thread, which writes the rest, then
     * never touches the response's headers while the request's thread still does on its way out.
     */
    private static final byte[] OPENING = ": open\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final Logger log = LoggerFactory.getLogger(FeedStreams.class);

    private final FeedEvents events;
    private final Duration heartbeat;
    private final int maxStreams;
    private final Semaphore permits;
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads;
    private volatile boolean running;

    FeedStreams(FeedEvents events, @Value("${ledger.feed.heartbeat:15s}") Duration heartbeat,
                @Value("${ledger.feed.max-streams:200}") int maxStreams) {
        this.events = events;
        this.heartbeat = heartbeat;
        this.maxStreams = maxStreams;
        this.permits = new Semaphore(maxStreams);
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "feed-stream-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens a stream of the entries {@code filter} admits from seq {@code from} on, written to {@code emitter}.
     *
     * @throws FeedFull when {@code ledger.feed.max-streams} are open already ({@link FeedFull.Unavailable} when the
     *                   service is stopping)
     */
    void open(long from, FeedFilter filter, ResponseBodyEmitter emitter) {
        if (!running) {
            throw new FeedFull.Unavailable("is stopping with the service");
        }
        if (!permits.tryAcquire()) {
            throw new FeedFull(maxStreams);
        }
        try {
            emitter.send(OPENING);
        } catch (IOException | RuntimeException unexpected) {
            permits.release();
            throw new IllegalStateException("a stream not handed over yet refused its first bytes", unexpected);
        }
        Stream stream = new Stream(from, filter, emitter);
        open.add(stream);
        emitter.onCompletion(stream::close);
        emitter.onError(failure -> stream.close());
        emitter.onTimeout(stream::close);
        try {
            stream.task = threads.submit(stream::run);
        } catch (RuntimeException refused) {
            open.remove(stream);
            permits.release();
            throw new FeedFull(maxStreams);
        }
    }

    /** How many streams are open on this node. */
    public int openStreams() {
        return open.size();
    }

    /** One client's stream: its cursor, what it receives, and the thread writing it. */
    private final class Stream {

        private final FeedFilter filter;
        private final ResponseBodyEmitter emitter;
        private long cursor;
        private volatile boolean closed;
        private boolean over;
        private volatile Future<?> task;
        private volatile boolean started;
        private final AtomicBoolean finished = new AtomicBoolean();

        Stream(long from, FeedFilter filter, ResponseBodyEmitter emitter) {
            this.cursor = from;
            this.filter = filter;
            this.emitter = emitter;
        }

        void run() {
            started = true;
            long silentSince = System.nanoTime();
            try {
                while (!closed && !Thread.currentThread().isInterrupted()) {
                    FeedEvents.Batch batch = events.read(cursor, filter, BATCH);
                    cursor = batch.next();
                    if (!batch.entries().isEmpty()) {
                        emitter.send(render(batch.entries()));
                        silentSince = System.nanoTime();
                        continue;
                    }
                    long due = silentSince + heartbeat.toNanos() - System.nanoTime();
                    if (due <= 0) {
                        emitter.send(HEARTBEAT);
                        silentSince = System.nanoTime();
                    } else {
                        events.await(cursor, Duration.ofNanos(due));
                    }
                }
            } catch (IOException | IllegalStateException gone) {
                // The client went away (or its request is over): nothing more to write, nothing to complete.
                over = true;
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException failure) {
                // The journal cannot be read now: the client reconnects with its Last-Event-ID.
                log.warn("An event feed stream ended at seq {}: {}", cursor, failure.getMessage());
            } finally {
                finish();
            }
        }

        /** The client went or the request ended: the thread stops at its next step. */
        void close() {
            closed = true;
            Future<?> running = task;
            if (running != null) {
                running.cancel(true);
            }
        }

        /** Once only, whoever comes first: the stream's thread, or the service stopping before it ran. */
        private void finish() {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            open.remove(this);
            permits.release();
            if (!over) {
                complete();
            }
        }

        /** A stream whose thread was cancelled before it ran is finished here: no thread will. */
        void finishIfNeverRan() {
            Future<?> running = task;
            if (running != null && running.isCancelled() && !started) {
                finish();
            }
        }

        private void complete() {
            try {
                emitter.complete();
            } catch (RuntimeException alreadyOver) {
                // The request already ended.
            }
        }
    }

    /**
     * Entries as server-sent events: {@code id} the seq, {@code event} the CloudEvent type, {@code data} the CloudEvent
     * (one line; a line break inside it, which compact JSON never has, would start another data line).
     */
    static byte[] render(List<FeedEntry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(entries.size() * 1024);
        for (FeedEntry entry : entries) {
            out.writeBytes(("id: " + entry.seq() + "\nevent: " + FeedEnvelope.cloudEventType(entry.type())
                    + "\ndata: ").getBytes(StandardCharsets.UTF_8));
            for (byte b : entry.cloudEvent()) {
                if (b == '\n') {
                    out.writeBytes("\ndata: ".getBytes(StandardCharsets.US_ASCII));
                } else if (b != '\r') {
                    out.write(b);
                }
            }
            out.write('\n');
            out.write('\n');
        }
        return out.toByteArray();
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every stream, so that the web server's graceful shutdown does not wait for them. */
    @Override
    public void stop() {
        running = false;
        open.forEach(Stream::close);
        open.forEach(Stream::finishIfNeverRan);
        threads.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
