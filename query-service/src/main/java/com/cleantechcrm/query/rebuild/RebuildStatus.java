package com.cleantechcrm.query.rebuild;

import java.time.Instant;
import java.util.UUID;

/**
 * The progress of one read-model rebuild. The event counts cover every record consumed since the rebuild started,
 * including new events that arrived meanwhile.
 *
 * @param finishedAt when the consumer group caught up with the topic end seen at the start, or null while running
 * @param failure why the rebuild failed, or null
 */
record RebuildStatus(
        UUID rebuildId,
        State state,
        Instant startedAt,
        Instant finishedAt,
        long eventsApplied,
        long eventsSkipped,
        long eventsDeadLettered,
        String failure) {

    enum State {
        RUNNING,
        COMPLETED,
        FAILED
    }
}
