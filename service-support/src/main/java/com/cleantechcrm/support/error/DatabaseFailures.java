package com.cleantechcrm.support.error;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;

/**
 * Recognises a failure caused by a database that is down, restarting or unreachable, wherever Spring, Hibernate,
 * Axon or HikariCP wrapped it: the request may succeed when retried, so the API returns {@code 503}, not {@code 500}.
 */
public final class DatabaseFailures {

    private static final int MAX_CAUSE_DEPTH = 50;

    /**
     * HikariCP throws this, without an SQLSTATE (seen with the version Spring Boot 3.5 manages), when a transaction uses a connection that the pool closed after it
     * broke.
     */
    private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

    private DatabaseFailures() {}

    /**
     * Returns whether a cause of {@code failure} is a lost, closed or refused database connection: a JDBC connection
     * exception, HikariCP's timeout waiting for a connection (the database is down, or every connection is busy), or an
     * SQLSTATE of class 08 (connection exception) or 57P (operator intervention, such as a server shutting down).
     */
    public static boolean isUnavailable(Throwable failure) {
        // The depth bound stops at a cycle of causes, which Throwable allows.
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < MAX_CAUSE_DEPTH; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && (isConnectionState(sql.getSQLState()) || HIKARI_CLOSED_CONNECTION.equals(sql.getMessage()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
    }

    /** Returns the 503 body for a request that failed because the database is unavailable. */
    public static ErrorResponse unavailableResponse(String requestId) {
        return ErrorResponse.of(
                ErrorCode.SERVICE_UNAVAILABLE,
                "The database is unavailable or busy; retry later, and quote the request id if it persists.",
                List.of(),
                Map.of("request_id", requestId == null ? "" : requestId));
    }
}
