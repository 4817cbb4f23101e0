package com.cleantechcrm.cli.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeadStateTest {

    private final ObjectMapper mapper = ImportJson.newObjectMapper();

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
        "LEAD, LEAD, true",
        "LEAD, MQL, false",
        "MQL, LEAD, true",
        "SQL, MQL, true",
        "MQL, SQL, false",
        "WON, SQL, true",
        "LOST, MQL, true",
        "SQL, WON, false",
        "SQL, LOST, false",
        "WON, LOST, false",
        "LOST, WON, false",
        "WON, WON, true"
    })
    void stageIsAtOrPast(String current, String requested, boolean expected) {
        assertThat(LeadState.isAtOrPast(current, requested)).isEqualTo(expected);
    }

    @Test
    void complianceMatchesStatusAndRequirements() throws Exception {
        LeadState lead =
                state("{\"id\":\"1\",\"regulatory_compliance\":{\"status\":\"approved\",\"requirements\":[\"a\"]}}");

        assertThat(lead.isApplied(
                        FollowUpOperation.COMPLIANCE, json("{\"status\":\"approved\",\"requirements\":[\"a\"]}")))
                .isTrue();
        assertThat(lead.isApplied(FollowUpOperation.COMPLIANCE, json("{\"status\":\"approved\"}")))
                .isFalse();
        assertThat(lead.isApplied(
                        FollowUpOperation.COMPLIANCE, json("{\"status\":\"pending\",\"requirements\":[\"a\"]}")))
                .isFalse();
    }

    @Test
    void dealValueComparesNumbersNotText() throws Exception {
        LeadState lead = state("{\"id\":\"1\",\"deal_value\":1250.5}");

        assertThat(lead.isApplied(FollowUpOperation.DEAL_VALUE, json("{\"deal_value\":1250.50}")))
                .isTrue();
        assertThat(lead.isApplied(FollowUpOperation.DEAL_VALUE, json("{\"deal_value\":1250.51}")))
                .isFalse();
    }

    @Test
    void appliedChangesCountForLaterRows() throws Exception {
        LeadState lead = state("{\"id\":\"1\",\"lifecycle_stage\":\"LEAD\",\"playbooks\":[],"
                + "\"procurement_cycle\":{\"estimated_duration\":90,\"stage\":\"discovery\"}}");
        JsonNode playbook = json("{\"playbook_id\":\"pb-1\"}");
        JsonNode procurement = json("{\"estimated_duration\":60,\"stage\":\"negotiation\"}");

        assertThat(lead.isApplied(FollowUpOperation.PLAYBOOK, playbook)).isFalse();
        assertThat(lead.isApplied(FollowUpOperation.PROCUREMENT, procurement)).isFalse();

        lead.apply(FollowUpOperation.PLAYBOOK, playbook);
        lead.apply(FollowUpOperation.PROCUREMENT, procurement);
        lead.apply(FollowUpOperation.LIFECYCLE, json("{\"stage\":\"SQL\"}"));

        assertThat(lead.isApplied(FollowUpOperation.PLAYBOOK, playbook)).isTrue();
        assertThat(lead.isApplied(FollowUpOperation.PROCUREMENT, procurement)).isTrue();
        assertThat(lead.isApplied(FollowUpOperation.LIFECYCLE, json("{\"stage\":\"MQL\"}")))
                .isTrue();
    }

    private LeadState state(String json) throws Exception {
        return new LeadState((ObjectNode) mapper.readTree(json));
    }

    private JsonNode json(String json) throws Exception {
        return mapper.readTree(json);
    }
}
