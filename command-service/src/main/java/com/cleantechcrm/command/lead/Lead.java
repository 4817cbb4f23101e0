package com.cleantechcrm.command.lead;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.cleantechcrm.events.ComplianceStatus;
import com.cleantechcrm.events.ComplianceUpdated;
import com.cleantechcrm.events.DealValueChanged;
import com.cleantechcrm.events.LeadCreated;
import com.cleantechcrm.events.LifecycleStage;
import com.cleantechcrm.events.LifecycleStageChanged;
import com.cleantechcrm.events.OrganizationType;
import com.cleantechcrm.events.PlaybookApplied;
import com.cleantechcrm.events.ProcurementUpdated;
import java.math.BigDecimal;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A sales lead of one organisation. Command handlers check the rules against the current state and apply events, and
 * only the event-sourcing handlers change the state. Handlers of existing leads return the sequence number of the
 * event they stored.
 */
@Aggregate
public class Lead {

    @AggregateIdentifier
    private UUID leadId;

    private UUID organizationId;
    private String email;
    private OrganizationType organizationType;
    private ComplianceStatus complianceStatus;
    private LifecycleStage stage;
    private BigDecimal dealValue;

    protected Lead() {
        // Axon rebuilds the lead from its events through this constructor.
    }

    @CommandHandler
    public Lead(CreateLeadCommand command, LeadEmailClaims emailClaims) {
        emailClaims
                .claim(command.organizationId(), command.email(), command.leadId())
                .ifPresent(existingLeadId -> {
                    throw new DuplicateLeadException(existingLeadId);
                });
        apply(new LeadCreated(
                command.leadId(),
                command.organizationId(),
                command.name(),
                command.email(),
                command.company(),
                command.organizationType(),
                command.sustainabilityScore(),
                command.complianceStatus(),
                command.complianceRequirements(),
                command.procurementEstimatedDuration(),
                command.procurementStage(),
                command.dealValue() == null ? BigDecimal.ZERO : command.dealValue(),
                command.source()));
    }

    @CommandHandler
    public long handle(UpdateComplianceCommand command) {
        requireOrganization(command.organizationId());
        apply(new ComplianceUpdated(
                leadId, organizationId, complianceStatus, command.status(), command.requirements(), command.note()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(UpdateProcurementCommand command) {
        requireOrganization(command.organizationId());
        apply(new ProcurementUpdated(leadId, organizationId, command.estimatedDuration(), command.stage()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ChangeDealValueCommand command) {
        requireOrganization(command.organizationId());
        apply(new DealValueChanged(leadId, organizationId, dealValue, command.dealValue()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ChangeLifecycleStageCommand command, LeadEmailClaims emailClaims) {
        requireOrganization(command.organizationId());
        LifecycleTransitions.check(leadId, stage, command.stage(), organizationType, complianceStatus);
        if (!command.stage().isOpen()) {
            // A closed lead no longer blocks a new open lead with the same email.
            emailClaims.release(organizationId, email, leadId);
        }
        apply(new LifecycleStageChanged(leadId, organizationId, stage, command.stage(), command.reason()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ApplyPlaybookCommand command) {
        requireOrganization(command.organizationId());
        if (!stage.isOpen()) {
            throw new LeadRuleViolationException("Lead " + leadId + " is " + stage
                    + " and a playbook can only be applied to an open lead (LEAD, MQL or SQL).");
        }
        apply(new PlaybookApplied(
                leadId,
                organizationId,
                command.playbookId(),
                command.strategyType(),
                command.focusAreas(),
                command.timeline(),
                command.resources()));
        return AggregateLifecycle.getVersion();
    }

    private void requireOrganization(UUID callerOrganizationId) {
        if (!organizationId.equals(callerOrganizationId)) {
            throw new LeadNotFoundException(leadId);
        }
    }

    @EventSourcingHandler
    void on(LeadCreated event) {
        leadId = event.leadId();
        organizationId = event.organizationId();
        email = event.email();
        organizationType = event.organizationType();
        complianceStatus = event.complianceStatus();
        stage = LifecycleStage.LEAD;
        dealValue = event.dealValue();
    }

    @EventSourcingHandler
    void on(ComplianceUpdated event) {
        complianceStatus = event.status();
    }

    @EventSourcingHandler
    void on(DealValueChanged event) {
        dealValue = event.dealValue();
    }

    @EventSourcingHandler
    void on(LifecycleStageChanged event) {
        stage = event.to();
    }
}
