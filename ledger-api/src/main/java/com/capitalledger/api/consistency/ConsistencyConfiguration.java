package com.capitalledger.api.consistency;

import com.capitalledger.projections.processing.ProcessorTokens;
import com.capitalledger.projections.processing.LedgerNode;
import com.capitalledger.projections.processing.NodeCensus;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Read-your-writes: events handled as soon as they commit, on every node, and queries that wait for a position. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class ConsistencyConfiguration {

    /**
     * Axon's embedded event store as its auto-configuration builds it, told when events commit. Its shared reader
     * links every event it reads to the next; a processor that falls behind while the reader races through a large
     * backlog keeps that whole chain reachable until the store's cleaner moves it to a stream of its own. Axon's
     * cleaner runs every 10 s, in which the reader can link several hundred thousand events (a heap of 512 MB ran out
     * once with 1,000,000 events written behind the service's back); every second bounds the chain to a second's
     * reading.
     */
    @Bean
    SignalledEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration) {
        return new SignalledEventStore(EmbeddedEventStore.builder().storageEngine(storageEngine)
                .cleanupDelay(1000).timeUnit(TimeUnit.MILLISECONDS)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)));
    }

    @Bean
    EventSignals eventSignals(DataSource dataSource, SignalledEventStore store, LedgerNode node, NodeCensus census) {
        return new EventSignals(dataSource, store, node, census);
    }

    @Bean
    TransactionOffset transactionOffset(JdbcTemplate jdbc, SignalledEventStore store) {
        TransactionOffset offset = new TransactionOffset(jdbc);
        store.registerDispatchInterceptor(offset);
        return offset;
    }

    /**
     * With a read replica ({@code ledger.read-replica.url}), the tokens a query waits on are read in a read-only
     * transaction, on the replica that answers the query; without one, as before, on the primary.
     */
    @Bean
    ReadModelProgress readModelProgress(JdbcTemplate jdbc, ProcessorTokens tokens,
                                          @Value("${ledger.consistency-timeout:5s}") Duration timeout,
                                          @Value("${ledger.read-replica.url:}") String replica,
                                          PlatformTransactionManager transactions) {
        TransactionOperations tokenReads = TransactionOperations.withoutTransaction();
        if (StringUtils.hasText(replica)) {
            TransactionTemplate readOnly = new TransactionTemplate(transactions);
            readOnly.setReadOnly(true);
            tokenReads = readOnly;
        }
        return new ReadModelProgress(jdbc, tokens, timeout, tokenReads);
    }
}
