package com.cleantechcrm.support.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

    @Test
    void connectionTimeoutDeepInCausesIsUnavailable() {
        Exception failure = new IllegalStateException(
                "could not open a transaction",
                new RuntimeException(new SQLTransientConnectionException("Connection is not available")));

        assertThat(DatabaseFailures.isUnavailable(failure)).isTrue();
    }

    @Test
    void connectionAndShutdownStatesAreUnavailable() {
        assertThat(DatabaseFailures.isUnavailable(new SQLException("I/O error", "08006")))
                .isTrue();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("terminating connection", "57P01")))
                .isTrue();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("Connection is closed")))
                .isTrue();
    }

    @Test
    void otherFailuresAreNotUnavailable() {
        assertThat(DatabaseFailures.isUnavailable(new SQLIntegrityConstraintViolationException("duplicate", "23505")))
                .isFalse();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("syntax error", "42601")))
                .isFalse();
        assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("bug")))
                .isFalse();
    }
}
