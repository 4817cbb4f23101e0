package com.cleantechcrm.command.lead;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces a lead's procurement cycle, with {@code estimatedDuration} in days. */
public record UpdateProcurementCommand(
        @TargetAggregateIdentifier UUID leadId, UUID organizationId, int estimatedDuration, String stage) {}
