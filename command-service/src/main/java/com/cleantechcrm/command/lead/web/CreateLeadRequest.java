package com.cleantechcrm.command.lead.web;

import com.cleantechcrm.events.Channel;
import com.cleantechcrm.events.ComplianceStatus;
import com.cleantechcrm.events.OrganizationType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** Body of {@code POST /leads}. Strings are trimmed before they are validated. */
public record CreateLeadRequest(
        @NotBlank @Size(max = 200) String name,

        @NotBlank @Size(max = 254) @Email(regexp = EMAIL_PATTERN)
        String email,

        @NotBlank @Size(max = 200) String company,
        @NotNull OrganizationType organizationType,
        @NotNull @Min(0) @Max(100) Integer sustainabilityScore,
        @NotNull @Valid RegulatoryCompliance regulatoryCompliance,
        @NotNull @Valid ProcurementCycle procurementCycle,
        @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal dealValue,
        @Valid Source source) {

    /**
     * On top of the RFC 5322 check of {@code @Email}: a domain with at least one dot, and no whitespace, separator,
     * control or format character anywhere, so an invisible U+00A0 or U+200B cannot make a second address.
     */
    static final String EMAIL_PATTERN = "[^@\\s\\p{Z}\\p{C}]+@[^@\\s\\p{Z}\\p{C}]+\\.[^@\\s\\p{Z}\\p{C}]+";

    public CreateLeadRequest {
        name = Strings.strip(name);
        email = Strings.strip(email);
        company = Strings.strip(company);
    }

    public record RegulatoryCompliance(
            @NotNull ComplianceStatus status,
            @Size(max = 50) List<@NotBlank @Size(max = 200) String> requirements) {

        public RegulatoryCompliance {
            requirements = Strings.stripAll(requirements);
        }
    }

    public record ProcurementCycle(
            @NotNull @Min(1) @Max(3650) Integer estimatedDuration,
            @NotBlank @Size(max = 50) String stage) {

        public ProcurementCycle {
            stage = Strings.strip(stage);
        }
    }

    public record Source(
            @NotNull Channel channel, @Size(max = 200) String campaign) {

        public Source {
            campaign = Strings.strip(campaign);
        }
    }
}
