package com.cleantechcrm.query.consumer;

import com.cleantechcrm.events.LeadEvent;
import com.cleantechcrm.events.LeadEventEnvelope;
import java.util.List;

/**
 * A read model fed by lead events. The consumer calls {@link #apply} once per event, in the lead's sequence order,
 * inside the database transaction that also stores the lead's new position.
 */
public interface LeadProjection {

    /** Applies one event that this read model has not seen before. */
    void apply(LeadEventEnvelope envelope, LeadEvent event);

    /** Names the tables of this read model, which a rebuild empties before replaying the topic. */
    List<String> tables();
}
