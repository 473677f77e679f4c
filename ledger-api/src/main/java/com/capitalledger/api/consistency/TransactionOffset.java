package com.capitalledger.api.consistency;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The stream offset of what a transaction stored (its ledger position, not a money position): the global index of the
 * last event it appended, in the event store's one order shared by every node. A read model has applied those events once its processor's position has
 * passed it on every segment ({@link ReadModelProgress}). The HTTP layer sends it as {@code Ledger-Position}.
 */
public class TransactionOffset implements MessageDispatchInterceptor<EventMessage<?>> {

    public static final String HEADER = "Ledger-Position";
    private static final Object KEY = TransactionOffset.class;

    private final JdbcTemplate jdbc;

    public TransactionOffset(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Notes every event published inside a Spring transaction, on that transaction. */
    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            published().addAll(messages.stream().map(EventMessage::getIdentifier).toList());
        }
        return (index, message) -> message;
    }

    @SuppressWarnings("unchecked")
    private static List<String> published() {
        List<String> identifiers = (List<String>) TransactionSynchronizationManager.getResource(KEY);
        if (identifiers == null) {
            List<String> created = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(KEY, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
            identifiers = created;
        }
        return identifiers;
    }

    /**
     * The position of the last event the current transaction stored (read before it commits, in it), or null if it
     * stored none. Events of an attempt rolled back to a savepoint are not in the store, and not counted.
     */
    @SuppressWarnings("unchecked")
    public Long ofCurrentTransaction() {
        List<String> identifiers = TransactionSynchronizationManager.isSynchronizationActive()
                ? (List<String>) TransactionSynchronizationManager.getResource(KEY) : null;
        if (identifiers == null || identifiers.isEmpty()) {
            return null;
        }
        return jdbc.query(connection -> {
            var statement = connection.prepareStatement(
                    "SELECT max(global_index) FROM domain_event_entry WHERE event_identifier = ANY(?)");
            statement.setArray(1, connection.createArrayOf("varchar", identifiers.toArray()));
            return statement;
        }, rows -> rows.next() ? (Long) rows.getObject(1, Long.class) : null);
    }
}
