package com.cleantechcrm.events;

import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A lead's regulatory compliance changed. {@code note} is the reason the client gave, or null. */
@Revision("1")
public record ComplianceUpdated(
        UUID leadId,
        UUID organizationId,
        ComplianceStatus previousStatus,
        ComplianceStatus status,
        List<String> requirements,
        String note)
        implements LeadEvent {

    public ComplianceUpdated {
        requirements = requirements == null ? List.of() : List.copyOf(requirements);
    }
}
