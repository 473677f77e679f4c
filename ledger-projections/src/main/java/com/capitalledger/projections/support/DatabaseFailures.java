package com.capitalledger.projections.support;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure of the database itself (down, restarting, unreachable, no connection to be had in time) from
 * everything else, wherever in a cause chain it hides: such a failure is worth a retry later, not a bug report.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    public static boolean unavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // A transaction that could not even be rolled back keeps the failure that started it.
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && unavailable(rollback.getApplicationException())) {
                return true;
            }
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
                return true;
            }
            // SQLSTATE class 08: connection exception; 57P01-57P03: the server is shutting down or not yet up;
            // 40001 and 40P01: a query a read replica cancelled for a conflict with the changes it replays (or, on the
            // primary, a serialization failure): each is gone on a retry.
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0")
                    || sql.getSQLState().equals("40001") || sql.getSQLState().equals("40P01"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}
