package com.cleantechcrm.command.lead.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /leads/{id}/procurement}, with the duration in days. */
public record UpdateProcurementRequest(
        @NotNull @Min(1) @Max(3650) Integer estimatedDuration,
        @NotBlank @Size(max = 50) String stage) {

    public UpdateProcurementRequest {
        stage = Strings.strip(stage);
    }
}
