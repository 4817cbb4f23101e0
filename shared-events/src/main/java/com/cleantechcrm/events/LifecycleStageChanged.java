package com.cleantechcrm.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A lead moved from one funnel stage to another. {@code reason} is the client's, or null. */
@Revision("1")
public record LifecycleStageChanged(
        UUID leadId, UUID organizationId, LifecycleStage from, LifecycleStage to, String reason) implements LeadEvent {}
