package com.capitalledger.api.config;

import com.capitalledger.projections.processing.LedgerNode;
import java.util.Arrays;
import com.capitalledger.projections.readmodel.ReadModel;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Axon's storage on PostgreSQL: the table and column names created by the Flyway migrations, Jackson as the one
 * serializer (events, messages, snapshots, tokens), and pooled streaming processors for every read model.
 */
@Configuration(proxyBeanMethods = false)
public class AxonStorageConfiguration {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String ASYNCHRONOUS_COMMIT = AxonStorageConfiguration.class.getName() + ".asynchronousCommit";

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * Axon's JDBC components use the connection of the current Spring transaction, whose commit and rollback are
     * Spring's alone. Axon's default wraps it to roll the connection back itself when a unit of work fails, which
     * undoes the whole request's transaction, savepoints included: a command retried inside a savepoint (see
     * {@code CommandSender}) needs the savepoint to survive its failed attempt.
     */
    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    /**
     * Axon's JDBC engine as its auto-configuration builds it, but reading up to 1,000 events per query instead of 100
     * (a replay streams the whole journal, and the round trips dominated it), and noting each event's global index as
     * it reads it for the processors.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          EventSchema eventSchema, RecentEventIndexes recentIndexes) {
        return new IndexRecordingEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .batchSize(1_000), recentIndexes, eventSchema.globalIndexColumn());
    }

    /**
     * Recognises PostgreSQL's unique violation (SQLState 23505), also inside a batch's chained exceptions. Axon's
     * default resolver only knows {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL driver never
     * throws: two commands appending the same program version would surface as a storage failure (500) instead of
     * the concurrency conflict they are, which is retried.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return exception -> {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                for (SQLException sql = cause instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                        return true;
                    }
                }
            }
            return false;
        };
    }

    @Bean
    LedgerNode ledgerNode() {
        return LedgerNode.ofThisProcess();
    }

    /**
     * Axon's JDBC token store as its auto-configuration builds it, with this node's own id as the claims' owner:
     * Axon's default, the JVM's name, is the same for two services in one JVM, which would then both process the
     * same segments.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                          LedgerNode node, @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claim) {
        return JdbcTokenStore.builder().connectionProvider(connectionProvider).schema(tokenSchema).serializer(serializer)
                .claimTimeout(claim).nodeId(node.id()).build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /**
     * The general serializer; Axon's message and event serializers default to it. Its mapper is private to
     * Axon so that the HTTP layer's strictness (unknown fields are errors) never reaches stored events, which
     * must stay readable as they gain fields.
     */
    @Bean
    @Primary
    Serializer serializer(RevisionResolver revisionResolver) {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                // Snapshots serialize the aggregate itself, whose state is private fields without accessors.
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
        return JacksonSerializer.builder().objectMapper(mapper).revisionResolver(revisionResolver).build();
    }

    /**
     * Pooled streaming processors for every read model, whose transactions commit without waiting for the disk: a
     * read model is rebuilt from the event store, and its rows and its token commit together, so a crash can only
     * lose its last few batches whole, which its processor then handles again. Waiting for the flush made each of
     * five processors wait on the disk for every batch of a few events, the commands' flushes in the same queue.
     * The journal's sequencer keeps durable commits: an order it has given is never given again.
     */
    @Autowired
    void usePooledStreamingProcessors(EventProcessingConfigurer processing, JdbcTemplate jdbc) {
        processing.usingPooledStreamingEventProcessors();
        Arrays.stream(ReadModel.values()).map(ReadModel::processingGroup).forEach(group -> processing.registerHandlerInterceptor(group,
                configuration -> (unitOfWork, chain) -> {
                    unitOfWork.root().getOrComputeResource(ASYNCHRONOUS_COMMIT, key -> {
                        jdbc.execute("SET LOCAL synchronous_commit TO OFF");
                        return Boolean.TRUE;
                    });
                    return chain.proceed();
                }));
    }
}
