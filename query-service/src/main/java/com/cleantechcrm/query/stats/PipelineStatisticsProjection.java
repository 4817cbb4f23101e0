package com.cleantechcrm.query.stats;

import com.cleantechcrm.events.ComplianceStatus;
import com.cleantechcrm.events.ComplianceUpdated;
import com.cleantechcrm.events.DealValueChanged;
import com.cleantechcrm.events.LeadCreated;
import com.cleantechcrm.events.LeadEvent;
import com.cleantechcrm.events.LeadEventEnvelope;
import com.cleantechcrm.events.LifecycleStage;
import com.cleantechcrm.events.LifecycleStageChanged;
import com.cleantechcrm.query.consumer.LeadProjection;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per-organisation statistics: the pipeline value (deal values of open leads), how many leads ever reached MQL, SQL
 * and WON, how many leads are in each compliance status, and every change of the pipeline value with its time.
 *
 * <p>A stage skipped on the way counts as reached: LEAD to SQL counts MQL and SQL, and WON counts all three. Each
 * lead counts once per stage. Procurement and playbook events change no statistic.
 */
@Component
@Order(3)
class PipelineStatisticsProjection implements LeadProjection {

    private final JdbcClient jdbc;
    private final StatisticsVersions versions;

    PipelineStatisticsProjection(JdbcClient jdbc, StatisticsVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
    }

    @Override
    public List<String> tables() {
        return List.of("stats_lead", "stats_organization", "stats_pipeline_change");
    }

    @Override
    public void apply(LeadEventEnvelope envelope, LeadEvent event) {
        versions.changeAfterCommit(event.organizationId());
        if (event instanceof LeadCreated created) {
            on(created, envelope);
        } else if (event instanceof ComplianceUpdated updated) {
            on(updated);
        } else if (event instanceof LifecycleStageChanged changed) {
            on(changed, envelope);
        } else if (event instanceof DealValueChanged changed) {
            on(changed, envelope);
        }
    }

    private void on(LeadCreated event, LeadEventEnvelope envelope) {
        jdbc.sql("""
                        insert into stats_lead (lead_id, organization_id, lifecycle_stage, deal_value,
                                                compliance_status, reached_mql, reached_sql, reached_won)
                        values (?, ?, 'LEAD', ?, ?, false, false, false)
                        """)
                .params(
                        event.leadId(),
                        event.organizationId(),
                        event.dealValue(),
                        event.complianceStatus().name())
                .update();

        OrganizationDelta delta =
                OrganizationDelta.NONE.withPipelineValue(event.dealValue()).withCompliance(event.complianceStatus(), 1);
        addToOrganization(event.organizationId(), delta);
        recordPipelineChange(envelope, event.dealValue());
    }

    private void on(ComplianceUpdated event) {
        ComplianceStatus previous =
                ComplianceStatus.valueOf(jdbc.sql("select compliance_status from stats_lead where lead_id = ?")
                        .param(event.leadId())
                        .query(String.class)
                        .single());
        jdbc.sql("update stats_lead set compliance_status = ? where lead_id = ?")
                .params(event.status().name(), event.leadId())
                .update();
        if (previous != event.status()) {
            addToOrganization(
                    event.organizationId(),
                    OrganizationDelta.NONE.withCompliance(previous, -1).withCompliance(event.status(), 1));
        }
    }

    private void on(LifecycleStageChanged event, LeadEventEnvelope envelope) {
        LeadFacts lead = find(event.leadId());
        LifecycleStage to = event.to();
        boolean reachesMql = to == LifecycleStage.MQL || to == LifecycleStage.SQL || to == LifecycleStage.WON;
        boolean reachesSql = to == LifecycleStage.SQL || to == LifecycleStage.WON;
        boolean reachesWon = to == LifecycleStage.WON;

        OrganizationDelta delta = OrganizationDelta.NONE.withReached(
                reachesMql && !lead.reachedMql(), reachesSql && !lead.reachedSql(), reachesWon && !lead.reachedWon());
        BigDecimal pipelineChange = BigDecimal.ZERO;
        if (lead.stage().isOpen() && !to.isOpen()) {
            pipelineChange = lead.dealValue().negate();
        } else if (!lead.stage().isOpen() && to.isOpen()) {
            pipelineChange = lead.dealValue();
        }
        delta = delta.withPipelineValue(pipelineChange);

        jdbc.sql("""
                        update stats_lead
                           set lifecycle_stage = ?,
                               reached_mql = reached_mql or ?,
                               reached_sql = reached_sql or ?,
                               reached_won = reached_won or ?
                         where lead_id = ?
                        """)
                .params(to.name(), reachesMql, reachesSql, reachesWon, event.leadId())
                .update();
        addToOrganization(event.organizationId(), delta);
        recordPipelineChange(envelope, pipelineChange);
    }

    /** Changes the pipeline by the difference when the lead is open. A closed lead's value is not in the pipeline. */
    private void on(DealValueChanged event, LeadEventEnvelope envelope) {
        LeadFacts lead = find(event.leadId());
        jdbc.sql("update stats_lead set deal_value = ? where lead_id = ?")
                .params(event.dealValue(), event.leadId())
                .update();
        if (lead.stage().isOpen()) {
            BigDecimal difference = event.dealValue().subtract(lead.dealValue());
            addToOrganization(event.organizationId(), OrganizationDelta.NONE.withPipelineValue(difference));
            recordPipelineChange(envelope, difference);
        }
    }

    private LeadFacts find(UUID leadId) {
        return jdbc.sql("""
                        select lifecycle_stage, deal_value, reached_mql, reached_sql, reached_won
                          from stats_lead
                         where lead_id = ?
                        """)
                .param(leadId)
                .query((rs, row) -> new LeadFacts(
                        LifecycleStage.valueOf(rs.getString("lifecycle_stage")),
                        rs.getBigDecimal("deal_value"),
                        rs.getBoolean("reached_mql"),
                        rs.getBoolean("reached_sql"),
                        rs.getBoolean("reached_won")))
                .single();
    }

    private void addToOrganization(UUID organizationId, OrganizationDelta delta) {
        jdbc.sql("""
                        insert into stats_organization (organization_id, pipeline_value, reached_mql, reached_sql,
                                                        reached_won, compliance_pending, compliance_approved,
                                                        compliance_rejected)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (organization_id) do update
                           set pipeline_value = stats_organization.pipeline_value + excluded.pipeline_value,
                               reached_mql = stats_organization.reached_mql + excluded.reached_mql,
                               reached_sql = stats_organization.reached_sql + excluded.reached_sql,
                               reached_won = stats_organization.reached_won + excluded.reached_won,
                               compliance_pending =
                                   stats_organization.compliance_pending + excluded.compliance_pending,
                               compliance_approved =
                                   stats_organization.compliance_approved + excluded.compliance_approved,
                               compliance_rejected =
                                   stats_organization.compliance_rejected + excluded.compliance_rejected
                        """)
                .params(
                        organizationId,
                        delta.pipelineValue(),
                        delta.reachedMql(),
                        delta.reachedSql(),
                        delta.reachedWon(),
                        delta.pending(),
                        delta.approved(),
                        delta.rejected())
                .update();
    }

    private void recordPipelineChange(LeadEventEnvelope envelope, BigDecimal delta) {
        if (delta.signum() == 0) {
            return;
        }
        jdbc.sql("""
                        insert into stats_pipeline_change (lead_id, sequence_number, organization_id,
                                                           occurred_at, delta)
                        values (?, ?, ?, ?, ?)
                        """)
                .params(
                        envelope.leadId(),
                        envelope.sequenceNumber(),
                        envelope.organizationId(),
                        Timestamp.from(envelope.occurredAt()),
                        delta)
                .update();
    }

    /** The facts about one lead that the statistics keep. */
    private record LeadFacts(
            LifecycleStage stage, BigDecimal dealValue, boolean reachedMql, boolean reachedSql, boolean reachedWon) {}

    /** Amounts to add to an organisation's statistics row. */
    private record OrganizationDelta(
            BigDecimal pipelineValue,
            int reachedMql,
            int reachedSql,
            int reachedWon,
            int pending,
            int approved,
            int rejected) {

        static final OrganizationDelta NONE = new OrganizationDelta(BigDecimal.ZERO, 0, 0, 0, 0, 0, 0);

        OrganizationDelta withPipelineValue(BigDecimal change) {
            return new OrganizationDelta(
                    pipelineValue.add(change), reachedMql, reachedSql, reachedWon, pending, approved, rejected);
        }

        OrganizationDelta withReached(boolean mql, boolean sql, boolean won) {
            return new OrganizationDelta(
                    pipelineValue,
                    reachedMql + (mql ? 1 : 0),
                    reachedSql + (sql ? 1 : 0),
                    reachedWon + (won ? 1 : 0),
                    pending,
                    approved,
                    rejected);
        }

        OrganizationDelta withCompliance(ComplianceStatus status, int change) {
            return new OrganizationDelta(
                    pipelineValue,
                    reachedMql,
                    reachedSql,
                    reachedWon,
                    pending + (status == ComplianceStatus.PENDING ? change : 0),
                    approved + (status == ComplianceStatus.APPROVED ? change : 0),
                    rejected + (status == ComplianceStatus.REJECTED ? change : 0));
        }
    }
}
