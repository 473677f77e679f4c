package com.capitalledger.api.config;

import com.capitalledger.api.command.ExpectedVersionTargetResolver;
import com.capitalledger.core.program.NoProgramInterceptor;
import com.capitalledger.core.program.Program;
import com.capitalledger.core.rates.BaseRate;
import com.capitalledger.core.rates.BaseRateFixings;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.modelling.command.RepositorySpanFactory;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
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

    /** The name of the cache of programs in {@code programCacheManager}. */
    public static final String PROGRAM_CACHE = "programs";

    /**
     * A bean, so that the Spring snapshotter can rebuild the aggregate when it takes a snapshot. Inspected with
     * Spring's parameter resolvers, since a handler takes the {@link BaseRateFixings} bean as a parameter.
     */
    @Bean
    AggregateModel<Program> programModel(ParameterResolverFactory parameterResolvers) {
        return AnnotatedAggregateMetaModelFactory.inspectAggregate(Program.class, parameterResolvers);
    }

    @Bean
    AggregateFactory<Program> programAggregateFactory(AggregateModel<Program> programModel) {
        return new GenericAggregateFactory<>(programModel);
    }

    /**
     * Programs kept in memory between commands, at most {@code ledger.command-cache.programs} of them (least recently
     * used go first); each use is checked against the stored version (see {@link StoredVersionCheckingRepository}).
     * On-heap and by reference: a program is never copied or serialized.
     */
    @Bean(destroyMethod = "close")
    CacheManager programCacheManager(@Value("${ledger.command-cache.programs:10000}") long programs) {
        return CacheManagerBuilder.newCacheManagerBuilder()
                .withCache(PROGRAM_CACHE, CacheConfigurationBuilder.newCacheConfigurationBuilder(
                        Object.class, Object.class, ResourcePoolsBuilder.heap(programs)))
                .build(true);
    }

    /**
     * A snapshot every {@code threshold} events keeps a program's load time flat however long its history. The
     * snapshotter is looked up lazily: it is itself built from the Axon configuration this module contributes to.
     */
    @Bean
    ConfigurerModule programAggregate(AggregateModel<Program> programModel,
                                      AggregateFactory<Program> programAggregateFactory,
                                      ObjectProvider<Snapshotter> snapshotter,
                                      CacheManager programCacheManager,
                                      @Value("${ledger.snapshots.event-threshold:100}") int threshold) {
        Cache cache = new EhCache3Adapter((Ehcache) programCacheManager.getCache(PROGRAM_CACHE, Object.class, Object.class));
        return configurer -> configurer.configureAggregate(
                AggregateConfigurer.defaultConfiguration(Program.class)
                        .configureAggregateFactory(config -> programAggregateFactory)
                        .configureCommandTargetResolver(config -> new ExpectedVersionTargetResolver())
                        .configureRepository(config -> new StoredVersionCheckingRepository<>(
                                EventSourcingRepository.builder(Program.class)
                                        .aggregateModel(programModel)
                                        .aggregateFactory(programAggregateFactory)
                                        .repositoryProvider(config::repository)
                                        .spanFactory(config.getComponent(RepositorySpanFactory.class))
                                        .snapshotTriggerDefinition(new EventCountSnapshotTriggerDefinition(
                                                snapshotter.getObject(), threshold)),
                                cache, config.eventStore())));
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
