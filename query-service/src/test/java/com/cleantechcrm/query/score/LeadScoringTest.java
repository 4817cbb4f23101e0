package com.cleantechcrm.query.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cleantechcrm.events.ComplianceStatus;
import com.cleantechcrm.events.OrganizationType;
import com.cleantechcrm.query.score.LeadScoring.ScoredLead;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class LeadScoringTest {

    private final LeadScoring defaults = new LeadScoring(new LeadScoreWeights(0.35, 0.20, 0.20, 0.15, 0.10));

    @Test
    void bestLeadScoresHundred() {
        ScoredLead lead = new ScoredLead(
                new BigDecimal("10000000"), 100, ComplianceStatus.APPROVED, 0, OrganizationType.INVESTOR);

        assertThat(defaults.score(lead)).isEqualTo(100);
    }

    @Test
    void worstLeadScoresZero() {
        ScoredLead lead = new ScoredLead(BigDecimal.ZERO, 0, ComplianceStatus.REJECTED, 3650, OrganizationType.NGO);

        // Every factor is 0 except the organisation type: NGO is 0.5 with weight 0.10, so 5.
        assertThat(defaults.score(lead)).isEqualTo(5);
    }

    @Test
    void mixedLeadFollowsFormula() {
        ScoredLead lead =
                new ScoredLead(new BigDecimal("99999"), 60, ComplianceStatus.PENDING, 365, OrganizationType.GOVERNMENT);
        double deal = Math.log10(1 + 99999.0) / Math.log10(1 + 10_000_000.0);
        double expected = 100 * (0.35 * deal + 0.20 * 0.6 + 0.20 * 0.5 + 0.15 * (1 - 365.0 / 3650) + 0.10 * 0.6);

        assertThat(defaults.score(lead)).isEqualTo((int) Math.round(expected));
    }

    @Test
    void dealFactorCapsAtOne() {
        assertThat(LeadScoring.dealFactor(new BigDecimal("999999999999"))).isEqualTo(1.0);
    }

    @Test
    void procurementBeyondTenYearsCountsAsTenYears() {
        assertThat(LeadScoring.procurementFactor(5000)).isEqualTo(0.0);
    }

    @Test
    void organizationTypeFactorsFollowBuyerKind() {
        assertThat(LeadScoring.organizationTypeFactor(OrganizationType.INVESTOR))
                .isEqualTo(1.0);
        assertThat(LeadScoring.organizationTypeFactor(OrganizationType.CORPORATE))
                .isEqualTo(0.8);
        assertThat(LeadScoring.organizationTypeFactor(OrganizationType.GOVERNMENT))
                .isEqualTo(0.6);
        assertThat(LeadScoring.organizationTypeFactor(OrganizationType.NGO)).isEqualTo(0.5);
    }

    @Test
    void weightsChangeScore() {
        LeadScoring sustainabilityOnly = new LeadScoring(new LeadScoreWeights(0, 1, 0, 0, 0));
        ScoredLead lead =
                new ScoredLead(new BigDecimal("10000000"), 42, ComplianceStatus.APPROVED, 0, OrganizationType.INVESTOR);

        assertThat(sustainabilityOnly.score(lead)).isEqualTo(42);
    }

    @Test
    void weightsSummingToZeroAreRejected() {
        assertThatThrownBy(() -> new LeadScoreWeights(0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
