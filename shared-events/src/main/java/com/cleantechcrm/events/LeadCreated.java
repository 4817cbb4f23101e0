package com.cleantechcrm.events;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A lead was created at stage {@code LEAD}. The email is stored as the client sent it; duplicate detection compares
 * it case-insensitively. {@code source} is null when the client sent none.
 */
@Revision("1")
public record LeadCreated(
        UUID leadId,
        UUID organizationId,
        String name,
        String email,
        String company,
        OrganizationType organizationType,
        int sustainabilityScore,
        ComplianceStatus complianceStatus,
        List<String> complianceRequirements,
        int procurementEstimatedDuration,
        String procurementStage,
        BigDecimal dealValue,
        LeadSource source)
        implements LeadEvent {

    public LeadCreated {
        complianceRequirements = complianceRequirements == null ? List.of() : List.copyOf(complianceRequirements);
    }
}
