package com.cleantechcrm.command.lead.web;

import com.cleantechcrm.events.StrategyType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /leads/{id}/playbook}. */
public record ApplyPlaybookRequest(
        @NotBlank @Size(max = 100) String playbookId,
        @NotNull @Valid Strategy strategy,
        @NotNull @Valid ImplementationPlan implementationPlan) {

    public ApplyPlaybookRequest {
        playbookId = Strings.strip(playbookId);
    }

    public record Strategy(
            @NotNull StrategyType type,
            @NotNull @Size(min = 1, max = 20) List<@NotBlank @Size(max = 200) String> focusAreas) {

        public Strategy {
            focusAreas = Strings.stripAll(focusAreas);
        }
    }

    public record ImplementationPlan(
            @NotBlank @Size(max = 200) String timeline,
            @Size(max = 50) List<@NotBlank @Size(max = 200) String> resources) {

        public ImplementationPlan {
            timeline = Strings.strip(timeline);
            resources = Strings.stripAll(resources);
        }
    }
}
