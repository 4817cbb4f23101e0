package com.cleantechcrm.query.score;

import com.cleantechcrm.events.ComplianceStatus;
import com.cleantechcrm.events.OrganizationType;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * Computes the ROI-focused lead score, an integer from 0 to 100: {@code round(100 * sum(w_i * f_i) / sum(w_i))}
 * over five factors, each between 0 and 1. The score depends only on the lead's state and the weights.
 */
@Component
public class LeadScoring {

    /** The deal value at which the deal factor reaches 1. */
    static final double FULL_DEAL_VALUE = 10_000_000;

    /** The procurement duration in days at which the procurement factor reaches 0. */
    static final int MAX_PROCUREMENT_DAYS = 3650;

    private final LeadScoreWeights weights;

    public LeadScoring(LeadScoreWeights weights) {
        this.weights = weights;
    }

    public int score(ScoredLead lead) {
        double weighted = weights.dealValue() * dealFactor(lead.dealValue())
                + weights.sustainability() * lead.sustainabilityScore() / 100.0
                + weights.compliance() * complianceFactor(lead.complianceStatus())
                + weights.procurement() * procurementFactor(lead.procurementDurationDays())
                + weights.organizationType() * organizationTypeFactor(lead.organizationType());
        return (int) Math.round(100 * weighted / weights.sum());
    }

    static double dealFactor(BigDecimal dealValue) {
        double value = Math.max(0, dealValue.doubleValue());
        return Math.min(1, Math.log10(1 + value) / Math.log10(1 + FULL_DEAL_VALUE));
    }

    static double complianceFactor(ComplianceStatus status) {
        return switch (status) {
            case APPROVED -> 1.0;
            case PENDING -> 0.5;
            case REJECTED -> 0.0;
        };
    }

    static double procurementFactor(int durationDays) {
        int capped = Math.max(0, Math.min(durationDays, MAX_PROCUREMENT_DAYS));
        return 1 - (double) capped / MAX_PROCUREMENT_DAYS;
    }

    static double organizationTypeFactor(OrganizationType type) {
        return switch (type) {
            case INVESTOR -> 1.0;
            case CORPORATE -> 0.8;
            case GOVERNMENT -> 0.6;
            case NGO -> 0.5;
        };
    }

    /** The parts of a lead's state that the score reads. */
    public record ScoredLead(
            BigDecimal dealValue,
            int sustainabilityScore,
            ComplianceStatus complianceStatus,
            int procurementDurationDays,
            OrganizationType organizationType) {}
}
