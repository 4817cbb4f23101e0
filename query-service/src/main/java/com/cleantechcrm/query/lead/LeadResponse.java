package com.cleantechcrm.query.lead;

import com.cleantechcrm.events.ComplianceStatus;
import com.cleantechcrm.events.LeadSource;
import com.cleantechcrm.events.LifecycleStage;
import com.cleantechcrm.events.OrganizationType;
import com.cleantechcrm.events.StrategyType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The lead JSON of the read side: the lead's current state plus its score, playbooks and version. */
record LeadResponse(
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
        Instant updatedAt,
        int leadScore,
        List<Playbook> playbooks,
        long version) {

    LeadResponse withPlaybooks(List<Playbook> applied) {
        return new LeadResponse(
                id,
                name,
                email,
                company,
                organizationType,
                sustainabilityScore,
                regulatoryCompliance,
                procurementCycle,
                dealValue,
                source,
                lifecycleStage,
                createdAt,
                updatedAt,
                leadScore,
                List.copyOf(applied),
                version);
    }

    record RegulatoryCompliance(ComplianceStatus status, List<String> requirements) {}

    /** {@code estimatedDuration} is in days. */
    record ProcurementCycle(int estimatedDuration, String stage) {}

    record Playbook(String playbookId, Strategy strategy, ImplementationPlan implementationPlan, Instant appliedAt) {}

    record Strategy(StrategyType type, List<String> focusAreas) {}

    record ImplementationPlan(String timeline, List<String> resources) {}
}
