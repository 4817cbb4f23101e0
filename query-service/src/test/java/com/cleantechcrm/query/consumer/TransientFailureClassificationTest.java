package com.cleantechcrm.query.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.events.LeadEventTypes;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class TransientFailureClassificationTest {

    @Test
    void databaseOutagesAreTransient() {
        assertThat(LeadEventConsumerConfiguration.isTransientDatabaseFailure(new ListenerExecutionFailedException(
                        "listener failed", new CannotGetJdbcConnectionException("no connection"))))
                .isTrue();
        assertThat(LeadEventConsumerConfiguration.isTransientDatabaseFailure(new QueryTimeoutException("slow")))
                .isTrue();
        assertThat(LeadEventConsumerConfiguration.isTransientDatabaseFailure(
                        new IllegalStateException("wrapped", new SQLTransientConnectionException("reset"))))
                .isTrue();
    }

    @Test
    void unreadableEventsAndConstraintViolationsAreNotTransient() {
        assertThat(LeadEventConsumerConfiguration.isTransientDatabaseFailure(
                        new LeadEventTypes.UnreadableEventException("unknown event type X")))
                .isFalse();
        assertThat(LeadEventConsumerConfiguration.isTransientDatabaseFailure(
                        new DataIntegrityViolationException("duplicate key")))
                .isFalse();
    }
}
