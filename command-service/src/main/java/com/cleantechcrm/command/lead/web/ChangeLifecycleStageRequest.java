package com.cleantechcrm.command.lead.web;

import com.cleantechcrm.events.LifecycleStage;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /leads/{id}/lifecycle}. */
public record ChangeLifecycleStageRequest(
        @NotNull LifecycleStage stage, @Size(max = 2000) String reason) {

    public ChangeLifecycleStageRequest {
        reason = Strings.strip(reason);
    }
}
