package com.capitalledger.api.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Queries on a PostgreSQL streaming replica of the ledger's database, when {@code ledger.read-replica.url} names one
 * ({@code LEDGER_DB_REPLICA_URL}; user and password default to the primary's). The service's one data source then
 * becomes Spring's {@link LazyConnectionDataSourceProxy}: a read-only transaction ({@code @Transactional(readOnly =
 * true)}, the query services') takes its connection from a second pool on the replica, everything else (commands, the
 * event store, tokens and processors, idempotency keys, the journal, Flyway, health) from the primary's pool as
 * before. Without the property nothing here exists: no proxy, no second pool.
 * <p>
 * The proxy picks the pool when the first statement runs, after the transaction has said whether it is read-only;
 * a connection taken outside a transaction is the primary's.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ReadReplicaConfiguration.ReplicaConfigured.class)
public class ReadReplicaConfiguration {

    static final String URL = "ledger.read-replica.url";

    /** Static: a post-processor is created before the other beans, and must not drag this configuration along. */
    @Bean
    static BeanPostProcessor readReplicaRouting(Environment environment) {
        Binder binder = Binder.get(environment);
        String url = binder.bind(URL, String.class).get();
        String username = binder.bind("ledger.read-replica.username", String.class).orElse("");
        String password = binder.bind("ledger.read-replica.password", String.class).orElse("");
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if ("dataSource".equals(beanName) && bean instanceof HikariDataSource primary) {
                    return new ReplicaRouting(primary, url, username, password);
                }
                return bean;
            }
        };
    }

    /**
     * The replica's pool in the metrics as the primary's is ({@code hikaricp.connections.*}, pool
     * {@code ledger-replica}): Spring Boot binds only the pools of data source beans, and this one is inside the proxy.
     */
    @Bean
    MeterBinder readReplicaPoolMetrics(DataSource dataSource) {
        return registry -> {
            try {
                dataSource.unwrap(ReplicaRouting.class).replica()
                        .setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
            } catch (SQLException notRouted) {
                throw new IllegalStateException("the data source is not routed to the replica", notRouted);
            }
        };
    }

    /**
     * The primary's pool, and a pool on the replica with the same settings (the same connection timeout: a replica
     * that is down answers 503 DATABASE_UNAVAILABLE as promptly as a primary that is down). Closes both.
     */
    static final class ReplicaRouting extends LazyConnectionDataSourceProxy implements AutoCloseable {

        private static final Logger log = LoggerFactory.getLogger(ReplicaRouting.class);

        private final HikariDataSource primary;
        private final HikariDataSource replica;

        ReplicaRouting(HikariDataSource primary, String url, String username, String password) {
            super(primary);
            this.primary = primary;
            HikariConfig settings = new HikariConfig();
            primary.copyStateTo(settings);
            settings.setJdbcUrl(url);
            if (StringUtils.hasText(username)) {
                settings.setUsername(username);
            }
            if (StringUtils.hasText(password)) {
                settings.setPassword(password);
            }
            settings.setPoolName(primary.getPoolName() == null ? "ledger-replica" : primary.getPoolName() + "-replica");
            // The proxy leaves read-only to the replica's pool; a hot standby refuses writes anyway.
            settings.setReadOnly(true);
            // Its own connections are made on first use, so a replica that is down does not stop the start.
            settings.setInitializationFailTimeout(-1);
            this.replica = new HikariDataSource(settings);
            setReadOnlyDataSource(replica);
            // Known, so that the proxy need not borrow a connection to learn them: Hikari's and PostgreSQL's defaults.
            setDefaultAutoCommit(primary.isAutoCommit());
            setDefaultTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            afterPropertiesSet();
            // Without its parameters: a URL may carry a password.
            log.info("Read-only transactions (queries) read from the replica at {}", url.replaceFirst("\\?.*", ""));
        }

        HikariDataSource replica() {
            return replica;
        }

        @Override
        public void close() {
            replica.close();
            primary.close();
        }
    }

    /** True when {@code ledger.read-replica.url} ({@code LEDGER_DB_REPLICA_URL}) names a server. */
    static class ReplicaConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty(URL));
        }
    }
}
