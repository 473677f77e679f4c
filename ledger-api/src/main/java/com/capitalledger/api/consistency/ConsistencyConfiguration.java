package com.capitalledger.api.consistency;

import com.capitalledger.projections.processing.ProcessorTokens;
import com.capitalledger.projections.processing.LedgerNode;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;

/** Read-your-writes: events handled as soon as they commit, on every node, and queries that wait for a position. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class ConsistencyConfiguration {

    /** Axon's embedded event store as its auto-configuration builds it, told when events commit. */
    @Bean
    SignalledEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration) {
        return new SignalledEventStore(EmbeddedEventStore.builder().storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)));
    }

    @Bean
    EventSignals eventSignals(DataSource dataSource, SignalledEventStore store, LedgerNode node) {
        return new EventSignals(dataSource, store, node);
    }

    @Bean
    LedgerPositions ledgerPositions(JdbcTemplate jdbc, SignalledEventStore store) {
        LedgerPositions positions = new LedgerPositions(jdbc);
        store.registerDispatchInterceptor(positions);
        return positions;
    }

    @Bean
    ReadModelPositions readModelPositions(JdbcTemplate jdbc, ProcessorTokens tokens,
                                          @Value("${ledger.consistency-timeout:5s}") Duration timeout) {
        return new ReadModelPositions(jdbc, tokens, timeout);
    }
}
