package com.cleantechcrm.query.support;

import com.cleantechcrm.events.Channel;
import com.cleantechcrm.events.ComplianceStatus;
import com.cleantechcrm.events.ComplianceUpdated;
import com.cleantechcrm.events.DealValueChanged;
import com.cleantechcrm.events.EventJson;
import com.cleantechcrm.events.LeadCreated;
import com.cleantechcrm.events.LeadEvent;
import com.cleantechcrm.events.LeadEventEnvelope;
import com.cleantechcrm.events.LeadEventTypes;
import com.cleantechcrm.events.LeadSource;
import com.cleantechcrm.events.LifecycleStage;
import com.cleantechcrm.events.LifecycleStageChanged;
import com.cleantechcrm.events.OrganizationType;
import com.cleantechcrm.events.PlaybookApplied;
import com.cleantechcrm.events.ProcurementUpdated;
import com.cleantechcrm.events.StrategyType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the envelopes of one lead's events in sequence order, as the command side's relay would publish them. The
 * stream remembers the lead's stage, compliance status and deal value so that each event names its predecessor.
 */
public final class LeadEventStream {

    private static final ObjectMapper JSON = EventJson.newObjectMapper();
    private static final AtomicLong GLOBAL_POSITION = new AtomicLong(System.currentTimeMillis());

    private final UUID leadId = UUID.randomUUID();
    private final UUID organizationId;
    private long nextSequence;
    private LifecycleStage stage = LifecycleStage.LEAD;
    private ComplianceStatus compliance;
    private BigDecimal dealValue;
    private Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);

    public LeadEventStream(UUID organizationId) {
        this.organizationId = organizationId;
    }

    public UUID leadId() {
        return leadId;
    }

    public UUID organizationId() {
        return organizationId;
    }

    /** Returns the sequence number of the last event built. */
    public long lastSequence() {
        return nextSequence - 1;
    }

    /** Sets the time of the events built from now on. */
    public LeadEventStream at(Instant instant) {
        this.occurredAt = instant.truncatedTo(ChronoUnit.MICROS);
        return this;
    }

    public LeadEventEnvelope created(
            String name, OrganizationType type, ComplianceStatus status, int procurementDays, String dealValue) {
        compliance = status;
        this.dealValue = new BigDecimal(dealValue);
        return envelope(new LeadCreated(
                leadId,
                organizationId,
                name,
                name.toLowerCase().replace(' ', '.') + "@example.com",
                name + " Energy",
                type,
                70,
                status,
                List.of("grid permit"),
                procurementDays,
                "tender",
                this.dealValue,
                new LeadSource(Channel.ABM, "spring-campaign")));
    }

    public LeadEventEnvelope created(String dealValue) {
        return created("Ada Lovelace", OrganizationType.CORPORATE, ComplianceStatus.PENDING, 180, dealValue);
    }

    public LeadEventEnvelope complianceUpdated(ComplianceStatus status) {
        ComplianceStatus previous = compliance;
        compliance = status;
        return envelope(new ComplianceUpdated(
                leadId, organizationId, previous, status, List.of("grid permit", "environmental review"), "reviewed"));
    }

    public LeadEventEnvelope procurementUpdated(int days, String procurementStage) {
        return envelope(new ProcurementUpdated(leadId, organizationId, days, procurementStage));
    }

    public LeadEventEnvelope stageChanged(LifecycleStage to) {
        LifecycleStage from = stage;
        stage = to;
        return envelope(new LifecycleStageChanged(leadId, organizationId, from, to, "qualified by sales"));
    }

    public LeadEventEnvelope dealValueChanged(String value) {
        BigDecimal previous = dealValue;
        dealValue = new BigDecimal(value);
        return envelope(new DealValueChanged(leadId, organizationId, previous, dealValue));
    }

    public LeadEventEnvelope playbookApplied(String playbookId) {
        return envelope(new PlaybookApplied(
                leadId,
                organizationId,
                playbookId,
                StrategyType.CHANNEL_LAUNCH,
                List.of("solar", "storage"),
                "Q3",
                List.of("sales engineer")));
    }

    /** Wraps an event in the next envelope of this lead, as the relay would. */
    public LeadEventEnvelope envelope(LeadEvent event) {
        return new LeadEventEnvelope(
                UUID.randomUUID(),
                LeadEventTypes.typeOf(event),
                "1",
                leadId,
                organizationId,
                nextSequence++,
                GLOBAL_POSITION.incrementAndGet(),
                occurredAt,
                "key-" + organizationId.toString().substring(0, 8),
                "request-" + UUID.randomUUID(),
                JSON.valueToTree(event));
    }
}
