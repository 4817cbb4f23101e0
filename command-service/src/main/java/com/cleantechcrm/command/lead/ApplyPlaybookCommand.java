package com.cleantechcrm.command.lead;

import com.cleantechcrm.events.StrategyType;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Applies a growth playbook to an open lead. */
public record ApplyPlaybookCommand(
        @TargetAggregateIdentifier UUID leadId,
        UUID organizationId,
        String playbookId,
        StrategyType strategyType,
        List<String> focusAreas,
        String timeline,
        List<String> resources) {

    public ApplyPlaybookCommand {
        focusAreas = focusAreas == null ? List.of() : List.copyOf(focusAreas);
        resources = resources == null ? List.of() : List.copyOf(resources);
    }
}
