package com.cleantechcrm.command.lead;

import com.cleantechcrm.events.ComplianceStatus;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces a lead's regulatory compliance status and requirements. The {@code note} may be null. */
public record UpdateComplianceCommand(
        @TargetAggregateIdentifier UUID leadId,
        UUID organizationId,
        ComplianceStatus status,
        List<String> requirements,
        String note) {

    public UpdateComplianceCommand {
        requirements = requirements == null ? List.of() : List.copyOf(requirements);
    }
}
