package com.cleantechcrm.command.lead.web;

import com.cleantechcrm.events.ComplianceStatus;
import com.cleantechcrm.events.LeadCreated;
import com.cleantechcrm.events.LeadSource;
import com.cleantechcrm.events.LifecycleStage;
import com.cleantechcrm.events.OrganizationType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The lead as {@code POST /leads} returns it, built from the stored {@code LeadCreated} event. */
public record LeadResponse(
        UUID id,
        String name,
        String email,
        String company,
        OrganizationType organizationType,
        int sustainabilityScore,
        RegulatoryCompliance regulatoryCompliance,
        ProcurementCycle procurementCycle,
        BigDecimal dealValue,
        LeadSource source,
        LifecycleStage lifecycleStage,
        Instant createdAt,
        Instant updatedAt) {

    public record RegulatoryCompliance(ComplianceStatus status, List<String> requirements) {}

    public record ProcurementCycle(int estimatedDuration, String stage) {}

    static LeadResponse of(LeadCreated event, Instant createdAt) {
        return new LeadResponse(
                event.leadId(),
                event.name(),
                event.email(),
                event.company(),
                event.organizationType(),
                event.sustainabilityScore(),
                new RegulatoryCompliance(event.complianceStatus(), event.complianceRequirements()),
                new ProcurementCycle(event.procurementEstimatedDuration(), event.procurementStage()),
                event.dealValue(),
                event.source(),
                LifecycleStage.LEAD,
                createdAt,
                createdAt);
    }
}
