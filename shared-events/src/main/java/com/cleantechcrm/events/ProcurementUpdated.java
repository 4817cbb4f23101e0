package com.cleantechcrm.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A lead's procurement cycle changed; {@code estimatedDuration} is in days. */
@Revision("1")
public record ProcurementUpdated(UUID leadId, UUID organizationId, int estimatedDuration, String stage)
        implements LeadEvent {}
