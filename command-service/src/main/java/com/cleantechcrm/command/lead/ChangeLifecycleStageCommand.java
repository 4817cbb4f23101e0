package com.cleantechcrm.command.lead;

import com.cleantechcrm.events.LifecycleStage;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moves a lead to another funnel stage. The {@code reason} may be null. */
public record ChangeLifecycleStageCommand(
        @TargetAggregateIdentifier UUID leadId, UUID organizationId, LifecycleStage stage, String reason) {}
