package com.cleantechcrm.command.lead.web;

import com.cleantechcrm.events.ComplianceStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code PUT /leads/{id}/compliance}. Missing requirements mean an empty list. */
public record UpdateComplianceRequest(
        @NotNull ComplianceStatus status,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> requirements,
        @Size(max = 2000) String note) {

    public UpdateComplianceRequest {
        requirements = Strings.stripAll(requirements);
        note = Strings.strip(note);
    }
}
