package com.cleantechcrm.query.score;

import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Weights of the lead score factors, under {@code crm.lead-score.weights}. Only their ratios matter because the
 * score divides by their sum. Changed weights apply to events consumed after a restart, and to every lead after a
 * read-model rebuild.
 */
@Validated
@ConfigurationProperties("crm.lead-score.weights")
public record LeadScoreWeights(
        @DefaultValue("0.35") @PositiveOrZero double dealValue,
        @DefaultValue("0.20") @PositiveOrZero double sustainability,
        @DefaultValue("0.20") @PositiveOrZero double compliance,
        @DefaultValue("0.15") @PositiveOrZero double procurement,
        @DefaultValue("0.10") @PositiveOrZero double organizationType) {

    public LeadScoreWeights {
        if (dealValue + sustainability + compliance + procurement + organizationType <= 0) {
            throw new IllegalArgumentException("crm.lead-score.weights must have a positive sum");
        }
    }

    double sum() {
        return dealValue + sustainability + compliance + procurement + organizationType;
    }
}
