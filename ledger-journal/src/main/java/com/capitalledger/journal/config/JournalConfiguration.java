package com.capitalledger.journal.config;

import com.capitalledger.journal.digest.JournalDigests;
import com.capitalledger.journal.entry.EventSeals;
import com.capitalledger.journal.keys.JournalKeys;
import com.capitalledger.journal.keys.SigningKeys;
import com.capitalledger.journal.seal.SealingInterceptor;
import com.capitalledger.journal.store.JournalGrowth;
import com.capitalledger.journal.store.JournalSequencer;
import com.capitalledger.journal.store.JournalStore;
import com.capitalledger.journal.store.JournalTree;
import com.capitalledger.journal.store.JournalWriter;
import com.capitalledger.journal.store.LedgerId;
import com.capitalledger.journal.verify.EventStoreVerifier;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The verifiable journal: its key, the seals on every event, the sequencer, the ledger's id, the digests and what reads
 * the journal back. The service's embedded default declares an {@link EmbeddedJournal}; elsewhere there is none.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JournalProperties.class)
public class JournalConfiguration {

    @Bean
    SigningKeys journalKeys(JournalProperties properties, ObjectProvider<EmbeddedJournal> embedded) {
        EmbeddedJournal home = embedded.getIfAvailable();
        return JournalKeys.load(properties.signingKey(), JournalFiles.keyFile(properties, home), home != null);
    }

    @Bean
    LedgerId ledgerId(JdbcTemplate jdbc) {
        return LedgerId.of(jdbc);
    }

    @Bean
    JournalDigests journalDigests(JournalTree tree, SigningKeys keys, Clock clock, ObjectMapper json,
                                  JournalProperties properties, ObjectProvider<EmbeddedJournal> embedded,
                                  LedgerId ledger) {
        Path file = JournalFiles.digestFile(properties, embedded.getIfAvailable(), ledger,
                Path.of(System.getProperty("user.home")));
        return new JournalDigests(tree, keys, clock, json, file, ledger, properties.digestEvery(),
                properties.digestEveryEntries());
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
    JournalSequencer journalSequencer(JournalWriter writer, JournalGrowth growth) {
        return new JournalSequencer(writer, growth);
    }

    @Bean
    JournalGrowth journalGrowth() {
        return new JournalGrowth();
    }

    @Bean
    JournalTree journalTree(JournalStore store) {
        return new JournalTree(store);
    }

    @Bean
    EventStoreVerifier eventStoreVerifier(JdbcTemplate jdbc, PlatformTransactionManager transactions, EventSeals seals) {
        return new EventStoreVerifier(jdbc, transactions, seals);
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
