package com.capitalledger.api.config;

import com.capitalledger.core.program.NoProgramInterceptor;
import com.capitalledger.core.program.Program;
import com.capitalledger.core.rates.BaseRate;
import com.capitalledger.core.rates.BaseRateFixings;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the domain with Axon: the {@link Program} and {@link BaseRate} aggregates, the translation of unknown
 * programs into {@code NO_PROGRAM}, and the base-rate lookup the program consults on draws. The domain module carries
 * no Spring annotation, so this is done here rather than by Axon's {@code @Aggregate} scanning.
 */
@Configuration(proxyBeanMethods = false)
public class DomainConfiguration {

    /**
     * A bean, so that the Spring snapshotter can rebuild the aggregate when it takes a snapshot. Inspected with
     * Spring's parameter resolvers, since a handler takes the {@link BaseRateFixings} bean as a parameter.
     */
    @Bean
    AggregateFactory<Program> programAggregateFactory(ParameterResolverFactory parameterResolvers) {
        return new GenericAggregateFactory<>(
                AnnotatedAggregateMetaModelFactory.inspectAggregate(Program.class, parameterResolvers));
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
                        .configureCommandTargetResolver(config -> new ExpectedVersionTargetResolver())
                        .configureSnapshotTrigger(config ->
                                new EventCountSnapshotTriggerDefinition(snapshotter.getObject(), threshold)));
    }

    /** Fixings are few (one a business day at most), so their streams are read without snapshots. */
    @Bean
    ConfigurerModule baseRateAggregate() {
        return configurer -> configurer.configureAggregate(BaseRate.class);
    }

    /** Registered on the command bus by Axon's Spring Boot support, as every handler-interceptor bean is. */
    @Bean
    NoProgramInterceptor noProgramInterceptor() {
        return new NoProgramInterceptor();
    }

    @Bean
    BaseRateFixings baseRateFixings(EventStore eventStore) {
        return new BaseRateLookup(eventStore);
    }
}
