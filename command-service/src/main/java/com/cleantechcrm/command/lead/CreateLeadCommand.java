package com.cleantechcrm.command.lead;

import com.cleantechcrm.events.ComplianceStatus;
import com.cleantechcrm.events.LeadSource;
import com.cleantechcrm.events.OrganizationType;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a lead at stage {@code LEAD}. Strings arrive trimmed, and {@code source} may be null. */
public record CreateLeadCommand(
        @TargetAggregateIdentifier UUID leadId,
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
        LeadSource source) {

    public CreateLeadCommand {
        complianceRequirements = complianceRequirements == null ? List.of() : List.copyOf(complianceRequirements);
    }
}
