package com.cleantechcrm.events;

import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A growth playbook was applied to an open lead. */
@Revision("1")
public record PlaybookApplied(
        UUID leadId,
        UUID organizationId,
        String playbookId,
        StrategyType strategyType,
        List<String> focusAreas,
        String timeline,
        List<String> resources)
        implements LeadEvent {

    public PlaybookApplied {
        focusAreas = focusAreas == null ? List.of() : List.copyOf(focusAreas);
        resources = resources == null ? List.of() : List.copyOf(resources);
    }
}
