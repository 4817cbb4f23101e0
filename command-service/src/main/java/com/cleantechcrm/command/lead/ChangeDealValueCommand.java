package com.cleantechcrm.command.lead;

import java.math.BigDecimal;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets the expected contract value of a lead, in the organisation's currency. */
public record ChangeDealValueCommand(
        @TargetAggregateIdentifier UUID leadId, UUID organizationId, BigDecimal dealValue) {}
