package com.capitalledger.api.feed;

import com.capitalledger.projections.processing.LedgerNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the feed to webhook subscriptions: each entry one signed POST (Standard Webhooks), at least once, in seq
 * order per subscription (entry n+1 only after n was acknowledged with a 2xx), retried with exponential back-off and
 * full jitter, the subscription paused once it has failed for {@code give-up-after} (24 h).
 * <p>
 * Every node runs a dispatcher; a subscription is delivered by the node that holds its lease in PostgreSQL. The lease
 * outlasts a delivery's timeout and each acknowledgement extends it, so a node that holds it never overlaps another;
 * if the node dies, the lease runs out and the next node starts at the first entry not acknowledged, sending it again
 * under the same {@code webhook-id} (the event id).
 */
@Component
public class WebhookDispatcher implements SmartLifecycle {

    static final String USER_AGENT = "capital-ledger-webhooks/1";
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 100;
    /** How long a caught-up subscription keeps its thread, waiting for its next entry. */
    private static final Duration LINGER = Duration.ofSeconds(1);
    /** Entries a subscription's filters skip before their passing is recorded. */
    private static final long SKIPS_RECORDED = 1_000;
    /** The least time between two claims: journal batches wake the claimer far more often under load. */
    private static final Duration CLAIM_EVERY = Duration.ofMillis(100);

    private final SubscriptionStore store;
    private final FeedEvents feed;
    private final Clock clock;
    private final String owner;
    private final WebhookSettings settings;
    private final HttpClient http;
    private final Set<String> delivering = ConcurrentHashMap.newKeySet();
    private volatile ExecutorService workers;
    private volatile Thread claimer;

    WebhookDispatcher(SubscriptionStore store, FeedEvents feed, Clock clock, LedgerNode node,
                      WebhookSettings settings) {
        this.store = store;
        this.feed = feed;
        this.clock = clock;
        this.owner = node.id();
        this.settings = settings;
        // HTTP/1.1: a plain http:// receiver is not offered an h2c upgrade, which some servers and proxies mishandle.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private void claimLoop() {
        long seen = -1;
        boolean away = false;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                for (Subscription subscription : store.claim(owner, settings.lease(), delivering)) {
                    if (delivering.add(subscription.id())) {
                        workers.execute(() -> {
                            try {
                                deliver(subscription);
                            } catch (RuntimeException failure) {
                                log.warn("Webhook delivery for subscription {} stopped: {}", subscription.id(),
                                        failure.toString());
                            } finally {
                                delivering.remove(subscription.id());
                            }
                        });
                    }
                }
                seen = Math.max(seen, feed.size());
                long claimed = System.nanoTime();
                feed.await(seen, settings.poll());
                long early = CLAIM_EVERY.toNanos() - (System.nanoTime() - claimed);
                if (early > 0) {
                    pause(Duration.ofNanos(early));
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException failure) {
                // The database is away: claim again after a pause; the leases keep every subscription's place.
                // Said once per outage, not at every attempt.
                if (!away) {
                    log.warn("Webhook dispatcher could not claim subscriptions, retrying every {} ms: {}",
                            settings.poll().toMillis(),
                            NestedExceptionUtils.getMostSpecificCause(failure).getMessage());
                    away = true;
                }
                pause(settings.poll());
                continue;
            }
            if (away) {
                log.info("Webhook dispatcher claims subscriptions again");
                away = false;
            }
        }
    }

    /**
     * Delivers from the subscription's next entry on while this node holds it. Caught up, it waits a moment for more
     * (so a subscription that is followed closely keeps its thread and its entries go out at once), unless another
     * subscription is waiting for a thread; after each batch it also gives way to one that is. Entries its filters
     * skip are recorded as passed now and then, not one by one: after a crash they are only looked at again.
     */
    private void deliver(Subscription claimed) {
        Subscription subscription = claimed;
        long next = subscription.nextSeq();
        long recorded = next;
        long renewed = System.nanoTime();
        FeedFilter filter = subscription.filter();
        while (workers != null && !workers.isShutdown()) {
            FeedEvents.Batch batch = feed.read(next, filter, BATCH);
            next = Math.max(next, batch.next());
            if (batch.entries().isEmpty()) {
                boolean renewDue = System.nanoTime() - renewed > settings.lease().toNanos() / 3;
                if (next - recorded >= SKIPS_RECORDED || renewDue) {
                    if (!store.skipTo(subscription.id(), owner, next, settings.lease())) {
                        return;
                    }
                    recorded = next;
                    renewed = System.nanoTime();
                }
                if (othersWaiting() || !awaitQuietly(next)) {
                    if (next > recorded) {
                        store.skipTo(subscription.id(), owner, next, settings.lease());
                    }
                    return;
                }
                continue;
            }
            // As it is now: a secret rotated while this thread waited signs from this batch on.
            Optional<Subscription> current = store.renew(subscription.id(), owner, settings.lease());
            if (current.isEmpty()) {
                return;
            }
            subscription = current.get();
            renewed = System.nanoTime();
            for (FeedEntry entry : batch.entries()) {
                SubscriptionStore.Attempt attempt = post(subscription, entry);
                if (attempt.statusCode() != null && attempt.statusCode() / 100 == 2) {
                    if (!store.delivered(subscription.id(), owner, attempt, settings.lease())) {
                        return;
                    }
                    recorded = entry.seq() + 1;
                } else {
                    store.failed(subscription.id(), owner, attempt, backOff(attemptsSoFar(subscription, entry)),
                            settings.giveUpAfter());
                    return;
                }
            }
            if (othersWaiting()) {
                if (next > recorded) {
                    store.skipTo(subscription.id(), owner, next, settings.lease());
                }
                return;
            }
        }
    }

    /** Whether a claimed subscription waits for one of this node's delivery threads. */
    private boolean othersWaiting() {
        return workers instanceof ThreadPoolExecutor pool && !pool.getQueue().isEmpty();
    }

    private boolean awaitQuietly(long seq) {
        try {
            return feed.await(seq, LINGER);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Failed attempts at this entry before this one: the stored count if the subscription was failing on it. */
    private static int attemptsSoFar(Subscription subscription, FeedEntry entry) {
        return subscription.nextSeq() == entry.seq() ? subscription.attempts() : 0;
    }

    /** Exponential back-off with full jitter: a random wait up to first × 2^attempts, at most {@code retry-max}. */
    Duration backOff(int failedBefore) {
        long first = settings.retryFirst().toMillis();
        long ceiling = failedBefore >= 30 ? settings.retryMax().toMillis()
                : Math.min(settings.retryMax().toMillis(), first << Math.min(failedBefore, 30));
        long wait = ThreadLocalRandom.current().nextLong(Math.min(first, ceiling) / 2, ceiling + 1);
        return Duration.ofMillis(wait);
    }

    private SubscriptionStore.Attempt post(Subscription subscription, FeedEntry entry) {
        Instant at = clock.instant();
        long timestamp = at.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.url()))
                .timeout(settings.timeout())
                .header("Content-Type", FeedEnvelope.MEDIA_TYPE)
                .header("User-Agent", USER_AGENT)
                .header("webhook-id", entry.eventId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(subscription.secretsAt(at), entry.eventId(),
                        timestamp, entry.cloudEvent()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(entry.cloudEvent()))
                .build();
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpTimeoutException timeout) {
            error = "no answer within " + settings.timeout().toSeconds() + " s";
        } catch (IOException unreachable) {
            error = describe(unreachable);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            error = "the node stopped during the delivery";
        }
        int millis = (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        return new SubscriptionStore.Attempt(0, entry.seq(), entry.eventId(), status, error, at, millis);
    }

    /** The failure and what it or its causes say; the JDK's refused connection says nothing, so it is named. */
    static String describe(Throwable failure) {
        Throwable told = failure;
        while (told.getMessage() == null && told.getCause() != null) {
            told = told.getCause();
        }
        String message = told.getMessage() != null ? told.getMessage()
                : failure instanceof java.net.ConnectException ? "could not connect" : null;
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void start() {
        if (!settings.enabled() || claimer != null) {
            return;
        }
        workers = Executors.newFixedThreadPool(settings.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "webhook-delivery");
            thread.setDaemon(true);
            return thread;
        });
        Thread thread = new Thread(this::claimLoop, "webhook-dispatcher");
        thread.setDaemon(true);
        claimer = thread;
        thread.start();
    }

    @Override
    public synchronized void stop() {
        Thread thread = claimer;
        claimer = null;
        if (thread != null) {
            thread.interrupt();
        }
        ExecutorService pool = workers;
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return claimer != null;
    }
}
