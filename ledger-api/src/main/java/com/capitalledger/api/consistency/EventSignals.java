package com.capitalledger.api.consistency;

import com.capitalledger.projections.processing.LedgerNode;
import com.capitalledger.projections.processing.NodeCensus;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells every node of the ledger that events were stored, through PostgreSQL's LISTEN/NOTIFY on the database they
 * share: each node sends a notification after its commits (at most one in flight; commits meanwhile ride on the next)
 * and listens on a connection of its own, waking its event store's reader when another node's arrives. Notifications
 * are a shortcut, not a guarantee: if one is lost, the reader still looks every second.
 * <p>
 * The notification is sent after the commit, not inside the storing transaction: a notifying transaction holds a
 * database-wide lock through its commit, which would make concurrent commands commit one at a time. A node alone on
 * its database ({@link NodeCensus}) sends none: nobody would listen, and each costs the database a transaction.
 */
public class EventSignals implements SmartLifecycle {

    static final String CHANNEL = "ledger_events";
    private static final Logger log = LoggerFactory.getLogger(EventSignals.class);

    private final DataSource dataSource;
    private final SignalledEventStore store;
    private final String node;
    private final NodeCensus census;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-signals-send");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running;
    private Thread listener;

    public EventSignals(DataSource dataSource, SignalledEventStore store, LedgerNode node, NodeCensus census) {
        this.dataSource = dataSource;
        this.census = census;
        this.store = store;
        this.node = node.id();
        store.onCommitted(this::committed);
    }

    private void committed() {
        if (running && !census.alone() && pending.compareAndSet(false, true)) {
            sender.execute(this::send);
        }
    }

    private void send() {
        pending.set(false);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, node);
            notify.execute();
        } catch (SQLException | RuntimeException unavailable) {
            log.debug("Could not tell the other nodes of new events; they find them within a second", unavailable);
        }
    }

    private void listen() {
        boolean warned = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (warned) {
                    log.info("Listening for other nodes' events again");
                    warned = false;
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                // Anything committed while not listening: look once.
                store.wake();
                while (running) {
                    PGNotification[] received = notifications.getNotifications(1_000);
                    if (received == null) {
                        continue;
                    }
                    for (PGNotification notification : received) {
                        if (!node.equals(notification.getParameter())) {
                            store.wake();
                            break;
                        }
                    }
                }
            } catch (SQLException | RuntimeException lost) {
                if (!running) {
                    return;
                }
                if (!warned) {
                    log.warn("Lost the database connection that listens for other nodes' events ({}); other nodes' "
                            + "events are found within a second meanwhile, retrying", lost.getMessage());
                    warned = true;
                }
                try {
                    TimeUnit.SECONDS.sleep(1);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        listener = new Thread(this::listen, "event-signals-listen");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
        sender.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
