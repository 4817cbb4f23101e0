package com.cleantechcrm.command.lead.web;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** Body of {@code PUT /leads/{id}/deal-value}, in the organisation's currency. */
public record ChangeDealValueRequest(
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 2)
        BigDecimal dealValue) {}
