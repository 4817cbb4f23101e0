package com.cleantechcrm.cli.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * A lead as {@code GET /leads/{id}} returns it, updated locally after each follow-up this import applies, so the
 * next follow-up of the same lead is checked against the state the import itself produced.
 *
 * <p>A follow-up counts as already applied when the lead already shows its effect: the same compliance status and
 * requirements, the same procurement duration and stage, the same deal value, a playbook with the same id, or a
 * lifecycle stage at or past the requested one (a closed stage, {@code WON} or {@code LOST}, is past every open one).
 */
final class LeadState {

    private static final List<String> OPEN_STAGES = List.of("LEAD", "MQL", "SQL");
    private static final List<String> CLOSED_STAGES = List.of("WON", "LOST");

    private final ObjectNode lead;

    LeadState(ObjectNode lead) {
        this.lead = lead.deepCopy();
    }

    String id() {
        return lead.path("id").asText();
    }

    boolean isApplied(FollowUpOperation operation, JsonNode body) {
        return switch (operation) {
            case COMPLIANCE ->
                sameText(lead.path("regulatory_compliance").path("status"), body.path("status"))
                        && requirementsOf(lead.path("regulatory_compliance")).equals(requirementsOf(body));
            case PROCUREMENT ->
                sameNumber(lead.path("procurement_cycle").path("estimated_duration"), body.path("estimated_duration"))
                        && sameText(lead.path("procurement_cycle").path("stage"), body.path("stage"));
            case DEAL_VALUE -> sameNumber(lead.path("deal_value"), body.path("deal_value"));
            case LIFECYCLE ->
                isAtOrPast(
                        lead.path("lifecycle_stage").asText(),
                        body.path("stage").asText());
            case PLAYBOOK -> hasPlaybook(body.path("playbook_id").asText());
        };
    }

    /** Records the effect of a follow-up that the API accepted. */
    void apply(FollowUpOperation operation, JsonNode body) {
        switch (operation) {
            case COMPLIANCE -> {
                ObjectNode compliance = lead.putObject("regulatory_compliance");
                compliance.set("status", body.path("status"));
                compliance.set("requirements", requirementsOf(body));
            }
            case PROCUREMENT -> {
                ObjectNode procurement = lead.putObject("procurement_cycle");
                procurement.set("estimated_duration", body.path("estimated_duration"));
                procurement.set("stage", body.path("stage"));
            }
            case DEAL_VALUE -> lead.set("deal_value", body.path("deal_value"));
            case LIFECYCLE -> lead.set("lifecycle_stage", body.path("stage"));
            case PLAYBOOK -> {
                JsonNode playbooks = lead.path("playbooks");
                ArrayNode list = playbooks.isArray() ? (ArrayNode) playbooks : lead.putArray("playbooks");
                list.addObject().put("playbook_id", body.path("playbook_id").asText());
            }
        }
    }

    static boolean isAtOrPast(String current, String requested) {
        if (current.equals(requested)) {
            return true;
        }
        int requestedOpen = OPEN_STAGES.indexOf(requested);
        if (requestedOpen < 0) {
            return false;
        }
        if (CLOSED_STAGES.contains(current)) {
            return true;
        }
        return OPEN_STAGES.indexOf(current) > requestedOpen;
    }

    private boolean hasPlaybook(String playbookId) {
        for (JsonNode playbook : lead.path("playbooks")) {
            if (playbook.path("playbook_id").asText().equals(playbookId)) {
                return true;
            }
        }
        return false;
    }

    /** Returns the requirements of a compliance object; a missing list means none, as the API defaults it. */
    private static JsonNode requirementsOf(JsonNode compliance) {
        JsonNode requirements = compliance.path("requirements");
        return requirements.isArray() ? requirements : JsonNodeFactory.instance.arrayNode();
    }

    private static boolean sameText(JsonNode actual, JsonNode expected) {
        return actual.isTextual() && expected.isTextual() && actual.asText().equals(expected.asText());
    }

    private static boolean sameNumber(JsonNode actual, JsonNode expected) {
        if (!actual.isNumber() || !expected.isNumber()) {
            return false;
        }
        BigDecimal left = actual.decimalValue();
        BigDecimal right = expected.decimalValue();
        return left.compareTo(right) == 0;
    }
}
