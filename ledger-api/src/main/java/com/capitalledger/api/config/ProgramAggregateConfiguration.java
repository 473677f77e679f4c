package com.capitalledger.api.config;

import com.capitalledger.core.program.Program;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the {@link Program} aggregate with Axon. The domain module carries no Spring annotation, so the
 * aggregate is configured here rather than found by Axon's {@code @Aggregate} scanning. Its factory is a bean so
 * that the Spring snapshotter can rebuild the aggregate when it takes a snapshot.
 */
@Configuration(proxyBeanMethods = false)
public class ProgramAggregateConfiguration {

    @Bean
    AggregateFactory<Program> programAggregateFactory() {
        return new GenericAggregateFactory<>(Program.class);
    }

    /**
     * A snapshot every {@code threshold} events keeps a program's load time flat however long its history. The
     * snapshotter is looked up lazily: it is itself built from the Axon configuration this module contributes to.
     */
    @Bean
    ConfigurerModule programAggregate(AggregateFactory<Program> programAggregateFactory,
                                      ObjectProvider<Snapshotter> snapshotter,
                                      @Value("${ledger.snapshots.event-threshold:100}") int threshold) {
        return configurer -> configurer.configureAggregate(
                AggregateConfigurer.defaultConfiguration(Program.class)
                        .configureAggregateFactory(config -> programAggregateFactory)
                        .configureSnapshotTrigger(config ->
                                new EventCountSnapshotTriggerDefinition(snapshotter.getObject(), threshold)));
    }
}
