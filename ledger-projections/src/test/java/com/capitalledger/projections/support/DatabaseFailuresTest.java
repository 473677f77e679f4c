package com.capitalledger.projections.support;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFailuresTest {

    private static UncategorizedSQLException failed(String sqlState) {
        return new UncategorizedSQLException("query", "SELECT 1", new SQLException("failed", sqlState));
    }

    @Test
    void theServerAwayOrAQueryCancelledByAReplicaIsWorthARetry() {
        assertThat(DatabaseFailures.unavailable(failed("08006"))).isTrue();
        assertThat(DatabaseFailures.unavailable(failed("57P01"))).isTrue();
        // "canceling statement due to conflict with recovery", on a hot standby
        assertThat(DatabaseFailures.unavailable(failed("40001"))).isTrue();
        assertThat(DatabaseFailures.unavailable(failed("40P01"))).isTrue();
    }

    @Test
    void aBrokenQueryOrAViolatedConstraintIsNot() {
        assertThat(DatabaseFailures.unavailable(failed("42601"))).isFalse();
        assertThat(DatabaseFailures.unavailable(failed("23505"))).isFalse();
        assertThat(DatabaseFailures.unavailable(new DataIntegrityViolationException("duplicate"))).isFalse();
        assertThat(DatabaseFailures.unavailable(new IllegalStateException("a bug"))).isFalse();
    }
}
