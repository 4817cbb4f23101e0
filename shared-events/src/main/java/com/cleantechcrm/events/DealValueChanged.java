package com.cleantechcrm.events;

import java.math.BigDecimal;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The expected contract value of a lead changed, in the organisation's currency. */
@Revision("1")
public record DealValueChanged(UUID leadId, UUID organizationId, BigDecimal previousValue, BigDecimal dealValue)
        implements LeadEvent {}
