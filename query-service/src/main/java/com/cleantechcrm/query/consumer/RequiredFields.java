package com.cleantechcrm.query.consumer;

import com.cleantechcrm.events.ComplianceUpdated;
import com.cleantechcrm.events.DealValueChanged;
import com.cleantechcrm.events.LeadCreated;
import com.cleantechcrm.events.LeadEvent;
import com.cleantechcrm.events.LifecycleStageChanged;
import com.cleantechcrm.events.PlaybookApplied;
import com.cleantechcrm.events.ProcurementUpdated;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that an event carries every field the read models need. JSON lets a producer leave any field out, and a
 * missing one would otherwise fail deep inside a projection.
 */
final class RequiredFields {

    private RequiredFields() {}

    /**
     * Checks the fields of one event.
     *
     * @throws RejectedEventException naming every missing field
     */
    static void check(String eventId, LeadEvent event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (event instanceof LeadCreated created) {
            fields.put("name", created.name());
            fields.put("email", created.email());
            fields.put("company", created.company());
            fields.put("organization_type", created.organizationType());
            fields.put("compliance_status", created.complianceStatus());
            fields.put("procurement_stage", created.procurementStage());
            fields.put("deal_value", created.dealValue());
        } else if (event instanceof ComplianceUpdated updated) {
            fields.put("status", updated.status());
        } else if (event instanceof ProcurementUpdated updated) {
            fields.put("stage", updated.stage());
        } else if (event instanceof LifecycleStageChanged changed) {
            fields.put("to", changed.to());
        } else if (event instanceof DealValueChanged changed) {
            fields.put("deal_value", changed.dealValue());
        } else if (event instanceof PlaybookApplied applied) {
            fields.put("playbook_id", applied.playbookId());
            fields.put("strategy_type", applied.strategyType());
            fields.put("timeline", applied.timeline());
        }
        if (event.leadId() == null || event.organizationId() == null) {
            fields.put("lead_id or organization_id", null);
        }

        List<String> missing = new ArrayList<>();
        fields.forEach((name, value) -> {
            if (value == null) {
                missing.add(name);
            }
        });
        if (!missing.isEmpty()) {
            throw new RejectedEventException("event " + eventId + " ("
                    + event.getClass().getSimpleName() + ") is missing required fields " + missing);
        }
    }
}
