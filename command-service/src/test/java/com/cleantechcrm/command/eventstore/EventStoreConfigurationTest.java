package com.cleantechcrm.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.command.support.CommandServiceIntegrationTest;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class EventStoreConfigurationTest extends CommandServiceIntegrationTest {

    @Autowired
    private EventStore eventStore;

    @Autowired
    private EventStorageEngine storageEngine;

    @Test
    void usesCommitSignallingEventStore() {
        assertThat(eventStore).isInstanceOf(CommitSignallingEventStore.class);
    }

    @Test
    void storesEventsWithJpa() {
        assertThat(storageEngine).isInstanceOf(JpaEventStorageEngine.class);
    }
}
