package com.cleantechcrm.query.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.cleantechcrm.events.ComplianceStatus;
import com.cleantechcrm.events.LeadEventEnvelope;
import com.cleantechcrm.events.LifecycleStage;
import com.cleantechcrm.events.OrganizationType;
import com.cleantechcrm.query.support.LeadEventStream;
import com.cleantechcrm.query.support.QueryServiceIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class GrowthStatisticsIntegrationTest extends QueryServiceIntegrationTest {

    @Test
    void pipelineValueCountsOnlyOpenLeads() {
        UUID org = newOrganization();
        LeadEventStream open = new LeadEventStream(org);
        LeadEventStream qualified = new LeadEventStream(org);
        LeadEventStream won = new LeadEventStream(org);
        LeadEventStream lost = new LeadEventStream(org);
        publish(open.created("1000"), qualified.created("2000"), won.created("4000"), lost.created("500.25"));
        publish(qualified.stageChanged(LifecycleStage.MQL), won.stageChanged(LifecycleStage.WON));
        publish(lost.stageChanged(LifecycleStage.LOST));
        publish(open.dealValueChanged("1500.50"), won.dealValueChanged("9999"));
        awaitAll(open, qualified, won, lost);

        JsonNode pipeline = stats(org, 30).path("pipeline_value");

        assertThat(pipeline.path("current").decimalValue()).isEqualByComparingTo("3500.50");
    }

    @Test
    void growthRateComparesWithValueAtPeriodStart() {
        UUID org = newOrganization();
        Instant now = Instant.now();
        LeadEventStream early = new LeadEventStream(org).at(now.minus(Duration.ofDays(40)));
        LeadEventStream recent = new LeadEventStream(org).at(now.minus(Duration.ofHours(1)));
        publish(early.created("1000"));
        publish(early.at(now.minus(Duration.ofDays(10))).dealValueChanged("2000"));
        publish(recent.created("500"));
        awaitAll(early, recent);

        JsonNode month = stats(org, 30).path("pipeline_value");
        JsonNode week = stats(org, 5).path("pipeline_value");
        JsonNode quarter = stats(org, 60).path("pipeline_value");

        assertThat(month.path("current").decimalValue()).isEqualByComparingTo("2500");
        // 30 days ago the pipeline held 1000, so it grew by 1500 / 1000.
        assertThat(month.path("growth_rate").asDouble()).isCloseTo(1.5, within(1e-9));
        // 5 days ago it held 2000.
        assertThat(week.path("growth_rate").asDouble()).isCloseTo(0.25, within(1e-9));
        // 60 days ago it was empty, so no rate exists.
        assertThat(quarter.has("growth_rate")).isTrue();
        assertThat(quarter.path("growth_rate").isNull()).isTrue();
    }

    @Test
    void closingLeadLowersPipelineInsidePeriod() {
        UUID org = newOrganization();
        Instant now = Instant.now();
        LeadEventStream lead = new LeadEventStream(org).at(now.minus(Duration.ofDays(20)));
        LeadEventStream other = new LeadEventStream(org).at(now.minus(Duration.ofDays(20)));
        publish(lead.created("3000"), other.created("1000"));
        publish(lead.at(now.minus(Duration.ofDays(2))).stageChanged(LifecycleStage.LOST));
        awaitAll(lead, other);

        JsonNode pipeline = stats(org, 7).path("pipeline_value");

        assertThat(pipeline.path("current").decimalValue()).isEqualByComparingTo("1000");
        assertThat(pipeline.path("growth_rate").asDouble()).isCloseTo(-0.75, within(1e-9));
    }

    @Test
    void conversionRatesCountSkippedStagesAsReached() {
        UUID org = newOrganization();
        LeadEventStream stepByStep = new LeadEventStream(org);
        LeadEventStream skipsMql = new LeadEventStream(org);
        LeadEventStream lostAfterMql = new LeadEventStream(org);
        LeadEventStream wonDirectly = new LeadEventStream(org);
        LeadEventStream untouched = new LeadEventStream(org);
        publish(
                stepByStep.created("100"),
                skipsMql.created("100"),
                lostAfterMql.created("100"),
                wonDirectly.created("100"),
                untouched.created("100"));
        publish(
                stepByStep.stageChanged(LifecycleStage.MQL),
                stepByStep.stageChanged(LifecycleStage.SQL),
                stepByStep.stageChanged(LifecycleStage.WON));
        publish(skipsMql.stageChanged(LifecycleStage.SQL));
        publish(lostAfterMql.stageChanged(LifecycleStage.MQL), lostAfterMql.stageChanged(LifecycleStage.LOST));
        publish(wonDirectly.stageChanged(LifecycleStage.WON));
        awaitAll(stepByStep, skipsMql, lostAfterMql, wonDirectly, untouched);

        JsonNode rates = stats(org, 30).path("conversion_rates");

        // 4 leads reached MQL, 3 reached SQL (all but the lost one) and 2 reached WON.
        assertThat(rates.path("mql_to_sql").asDouble()).isCloseTo(0.75, within(1e-9));
        assertThat(rates.path("sql_to_won").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void complianceCountsFollowCurrentStatus() {
        UUID org = newOrganization();
        LeadEventStream first = new LeadEventStream(org);
        LeadEventStream second = new LeadEventStream(org);
        LeadEventStream third = new LeadEventStream(org);
        publish(
                first.created("Ann", OrganizationType.NGO, ComplianceStatus.PENDING, 100, "1"),
                second.created("Bob", OrganizationType.NGO, ComplianceStatus.PENDING, 100, "1"),
                third.created("Cid", OrganizationType.NGO, ComplianceStatus.APPROVED, 100, "1"));
        publish(first.complianceUpdated(ComplianceStatus.REJECTED));
        publish(second.complianceUpdated(ComplianceStatus.PENDING));
        awaitAll(first, second, third);

        JsonNode compliance = stats(org, 30).path("regulatory_compliance");

        assertThat(compliance.path("pending").asLong()).isEqualTo(1);
        assertThat(compliance.path("approved").asLong()).isEqualTo(1);
        assertThat(compliance.path("rejected").asLong()).isEqualTo(1);
    }

    @Test
    void redeliveredEventsLeaveStatisticsUnchanged() {
        UUID org = newOrganization();
        LeadEventStream lead = new LeadEventStream(org);
        LeadEventEnvelope created = lead.created("1000");
        LeadEventEnvelope mql = lead.stageChanged(LifecycleStage.MQL);
        LeadEventEnvelope deal = lead.dealValueChanged("1800");
        LeadEventEnvelope compliance = lead.complianceUpdated(ComplianceStatus.APPROVED);
        publish(created, mql, deal, compliance);
        awaitAll(lead);
        JsonNode before = stats(org, 30);

        publish(created, mql, deal, compliance);
        publish(lead.procurementUpdated(10, "signed"));
        awaitAll(lead);
        JsonNode after = stats(org, 30);

        assertThat(after.path("pipeline_value")).isEqualTo(before.path("pipeline_value"));
        assertThat(after.path("conversion_rates")).isEqualTo(before.path("conversion_rates"));
        assertThat(after.path("regulatory_compliance")).isEqualTo(before.path("regulatory_compliance"));
        assertThat(after.path("pipeline_value").path("current").decimalValue()).isEqualByComparingTo("1800");
    }

    @Test
    void otherOrganizationsEventsDoNotMoveStatistics() {
        UUID org = newOrganization();
        LeadEventStream own = new LeadEventStream(org);
        publish(own.created("1000"));
        awaitAll(own);
        JsonNode before = stats(org, 30);

        UUID stranger = newOrganization();
        LeadEventStream foreign = new LeadEventStream(stranger);
        publish(foreign.created("5000"), foreign.stageChanged(LifecycleStage.SQL));
        awaitAll(foreign);
        JsonNode after = stats(org, 30);

        assertThat(after.path("pipeline_value")).isEqualTo(before.path("pipeline_value"));
        assertThat(after.path("conversion_rates")).isEqualTo(before.path("conversion_rates"));
        assertThat(after.path("regulatory_compliance")).isEqualTo(before.path("regulatory_compliance"));
        assertThat(stats(stranger, 30).path("pipeline_value").path("current").decimalValue())
                .isEqualByComparingTo("5000");
    }

    @Test
    void organizationWithoutLeadsHasEmptyStatistics() {
        JsonNode body = stats(newOrganization(), 30);

        assertThat(body.path("pipeline_value").path("current").decimalValue()).isEqualByComparingTo("0");
        assertThat(body.path("pipeline_value").path("growth_rate").isNull()).isTrue();
        assertThat(body.path("conversion_rates").path("mql_to_sql").asDouble()).isZero();
        assertThat(body.path("conversion_rates").path("sql_to_won").asDouble()).isZero();
        assertThat(body.path("regulatory_compliance").path("pending").asLong()).isZero();
        assertThat(body.path("period_days").asInt()).isEqualTo(30);
        assertThat(body.has("as_of")).isFalse();
    }

    @Test
    void periodDaysDefaultsToThirty() {
        ResponseEntity<JsonNode> response = get("/leads/stats/growth", newOrganization());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("period_days").asInt()).isEqualTo(30);
    }

    @Test
    void invalidPeriodDaysIsRejected() {
        for (String invalid : new String[] {"0", "3651", "abc", "1.5"}) {
            ResponseEntity<JsonNode> response = get("/leads/stats/growth?period_days=" + invalid, newOrganization());

            assertThat(response.getStatusCode()).as(invalid).isEqualTo(HttpStatus.BAD_REQUEST);
            JsonNode error = response.getBody().path("error");
            assertThat(error.path("code").asText()).isEqualTo("VALIDATION_FAILED");
            assertThat(error.path("details").path("validation_errors").get(0).asText())
                    .startsWith("period_days:");
        }
    }

    @Test
    void statisticsNeedStatsScope() {
        ResponseEntity<JsonNode> response =
                get("/leads/stats/growth", newOrganization(), Set.of("leads:read", "leads:write"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private JsonNode stats(UUID org, int periodDays) {
        ResponseEntity<JsonNode> response = get("/leads/stats/growth?period_days=" + periodDays, org);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private void awaitAll(LeadEventStream... streams) {
        for (LeadEventStream stream : streams) {
            awaitApplied(stream);
        }
    }
}
