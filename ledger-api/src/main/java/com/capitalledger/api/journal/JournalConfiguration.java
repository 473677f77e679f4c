package com.capitalledger.api.journal;

import com.capitalledger.api.config.EmbeddedPostgresProperties;
import com.capitalledger.projections.journal.EventSeals;
import com.capitalledger.projections.journal.JournalSequencer;
import com.capitalledger.projections.journal.JournalStore;
import com.capitalledger.projections.journal.JournalTree;
import com.capitalledger.projections.journal.JournalVerifier;
import com.capitalledger.projections.journal.JournalWriter;
import com.capitalledger.projections.journal.SigningKeys;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;

/** The verifiable journal: its key, the seals on every event, the sequencer and what reads the journal back. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JournalProperties.class)
public class JournalConfiguration {

    @Bean
    SigningKeys journalKeys(JournalProperties properties, ObjectProvider<EmbeddedPostgresProperties> embedded) {
        return JournalKeys.load(properties, embedded.getIfAvailable());
    }

    @Bean
    EventSeals eventSeals(SigningKeys keys) {
        return EventSeals.derivedFrom(keys.privateKey().getEncoded());
    }

    @Bean
    JournalWriter journalWriter(JournalStore store, EventSeals seals, Clock clock) {
        return new JournalWriter(store, seals, clock);
    }

    /** A bean with event handlers: Axon's Spring support registers it in its processing group, "journal". */
    @Bean
    JournalSequencer journalSequencer(JournalWriter writer) {
        return new JournalSequencer(writer);
    }

    @Bean
    JournalTree journalTree(JournalStore store) {
        return new JournalTree(store);
    }

    @Bean
    JournalVerifier journalVerifier(JdbcTemplate jdbc, PlatformTransactionManager transactions, EventSeals seals) {
        return new JournalVerifier(jdbc, transactions, seals);
    }

    /** Every event published is sealed on its way to the store, whichever aggregate or path publishes it. */
    @Bean
    SealingInterceptor sealingInterceptor(EventStore eventStore, EventSeals seals,
                                          org.axonframework.config.Configuration axon) {
        SealingInterceptor interceptor = new SealingInterceptor(seals, axon.eventSerializer());
        interceptor.attachTo(eventStore);
        return interceptor;
    }
}
