package com.cleantechcrm.query.lead;

import com.cleantechcrm.events.ComplianceStatus;
import com.cleantechcrm.events.ComplianceUpdated;
import com.cleantechcrm.events.DealValueChanged;
import com.cleantechcrm.events.EventJson;
import com.cleantechcrm.events.LeadCreated;
import com.cleantechcrm.events.LeadEvent;
import com.cleantechcrm.events.LeadEventEnvelope;
import com.cleantechcrm.events.LifecycleStageChanged;
import com.cleantechcrm.events.OrganizationType;
import com.cleantechcrm.events.PlaybookApplied;
import com.cleantechcrm.events.ProcurementUpdated;
import com.cleantechcrm.query.consumer.LeadProjection;
import com.cleantechcrm.query.score.LeadScoring;
import com.cleantechcrm.query.score.LeadScoring.ScoredLead;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The current state of each lead ({@code lead_view}) and its applied playbooks ({@code lead_playbook}). Every event
 * sets {@code updated_at} to its time and {@code version} to its sequence number, and recomputes the lead score.
 */
@Component
@Order(1)
class LeadViewProjection implements LeadProjection {

    private final JdbcClient jdbc;
    private final LeadScoring scoring;
    private final ObjectMapper json = EventJson.newObjectMapper();

    LeadViewProjection(JdbcClient jdbc, LeadScoring scoring) {
        this.jdbc = jdbc;
        this.scoring = scoring;
    }

    @Override
    public List<String> tables() {
        return List.of("lead_view", "lead_playbook");
    }

    @Override
    public void apply(LeadEventEnvelope envelope, LeadEvent event) {
        if (event instanceof LeadCreated created) {
            on(created, envelope);
        } else if (event instanceof ComplianceUpdated updated) {
            on(updated, envelope);
        } else if (event instanceof ProcurementUpdated updated) {
            on(updated, envelope);
        } else if (event instanceof LifecycleStageChanged changed) {
            on(changed, envelope);
        } else if (event instanceof DealValueChanged changed) {
            on(changed, envelope);
        } else if (event instanceof PlaybookApplied applied) {
            on(applied, envelope);
        }
    }

    private void on(LeadCreated event, LeadEventEnvelope envelope) {
        int score = scoring.score(new ScoredLead(
                event.dealValue(),
                event.sustainabilityScore(),
                event.complianceStatus(),
                event.procurementEstimatedDuration(),
                event.organizationType()));
        Timestamp occurredAt = Timestamp.from(envelope.occurredAt());
        jdbc.sql("""
                        insert into lead_view (lead_id, organization_id, name, email, company, organization_type,
                                               sustainability_score, compliance_status, compliance_requirements,
                                               procurement_estimated_duration, procurement_stage, deal_value,
                                               source_channel, source_campaign, lifecycle_stage, lead_score,
                                               created_at, updated_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, 'LEAD', ?, ?, ?, ?)
                        """)
                .params(
                        event.leadId(),
                        event.organizationId(),
                        event.name(),
                        event.email(),
                        event.company(),
                        event.organizationType().name(),
                        event.sustainabilityScore(),
                        event.complianceStatus().name(),
                        toJson(event.complianceRequirements()),
                        event.procurementEstimatedDuration(),
                        event.procurementStage(),
                        event.dealValue(),
                        event.source() == null ? null : event.source().channel().name(),
                        event.source() == null ? null : event.source().campaign(),
                        score,
                        occurredAt,
                        occurredAt,
                        envelope.sequenceNumber())
                .update();
    }

    private void on(ComplianceUpdated event, LeadEventEnvelope envelope) {
        update(
                envelope,
                "compliance_status = ?, compliance_requirements = ?::jsonb",
                event.status().name(),
                toJson(event.requirements()));
    }

    private void on(ProcurementUpdated event, LeadEventEnvelope envelope) {
        update(
                envelope,
                "procurement_estimated_duration = ?, procurement_stage = ?",
                event.estimatedDuration(),
                event.stage());
    }

    private void on(LifecycleStageChanged event, LeadEventEnvelope envelope) {
        update(envelope, "lifecycle_stage = ?", event.to().name());
    }

    private void on(DealValueChanged event, LeadEventEnvelope envelope) {
        update(envelope, "deal_value = ?", event.dealValue());
    }

    private void on(PlaybookApplied event, LeadEventEnvelope envelope) {
        jdbc.sql("""
                        insert into lead_playbook (lead_id, sequence_number, organization_id, playbook_id,
                                                   strategy_type, focus_areas, timeline, resources, applied_at)
                        values (?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?)
                        """)
                .params(
                        event.leadId(),
                        envelope.sequenceNumber(),
                        event.organizationId(),
                        event.playbookId(),
                        event.strategyType().name(),
                        toJson(event.focusAreas()),
                        event.timeline(),
                        toJson(event.resources()),
                        Timestamp.from(envelope.occurredAt()))
                .update();
        update(envelope, null);
    }

    /**
     * Sets the given columns plus {@code updated_at} and {@code version}, then stores the score of the new state.
     *
     * @param assignments a SQL {@code set} list with one {@code ?} per value, or null to change no other column
     */
    private void update(LeadEventEnvelope envelope, String assignments, Object... values) {
        String set = (assignments == null ? "" : assignments + ", ") + "updated_at = ?, version = ?";
        ScoredLead state = jdbc.sql("update lead_view set " + set
                        + " where lead_id = ? returning deal_value, sustainability_score, compliance_status,"
                        + " procurement_estimated_duration, organization_type")
                .params(values)
                .param(Timestamp.from(envelope.occurredAt()))
                .param(envelope.sequenceNumber())
                .param(envelope.leadId())
                .query((rs, row) -> new ScoredLead(
                        rs.getBigDecimal("deal_value"),
                        rs.getInt("sustainability_score"),
                        ComplianceStatus.valueOf(rs.getString("compliance_status")),
                        rs.getInt("procurement_estimated_duration"),
                        OrganizationType.valueOf(rs.getString("organization_type"))))
                .single();
        jdbc.sql("update lead_view set lead_score = ? where lead_id = ?")
                .params(scoring.score(state), envelope.leadId())
                .update();
    }

    private String toJson(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Failed to write a list of strings as JSON.", e);
        }
    }
}
