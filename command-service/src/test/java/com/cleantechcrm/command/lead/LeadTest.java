package com.cleantechcrm.command.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.events.Channel;
import com.cleantechcrm.events.ComplianceStatus;
import com.cleantechcrm.events.ComplianceUpdated;
import com.cleantechcrm.events.DealValueChanged;
import com.cleantechcrm.events.LeadCreated;
import com.cleantechcrm.events.LeadSource;
import com.cleantechcrm.events.LifecycleStage;
import com.cleantechcrm.events.LifecycleStageChanged;
import com.cleantechcrm.events.OrganizationType;
import com.cleantechcrm.events.PlaybookApplied;
import com.cleantechcrm.events.ProcurementUpdated;
import com.cleantechcrm.events.StrategyType;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LeadTest {

    private static final UUID LEAD_ID = UUID.randomUUID();
    private static final UUID ORGANIZATION_ID = UUID.randomUUID();
    private static final UUID OTHER_ORGANIZATION_ID = UUID.randomUUID();
    private static final String EMAIL = "Ada@Example.org";

    private FixtureConfiguration<Lead> fixture;
    private InMemoryLeadEmailClaims emailClaims;

    @BeforeEach
    void setUp() {
        emailClaims = new InMemoryLeadEmailClaims();
        fixture = new AggregateTestFixture<>(Lead.class);
        fixture.registerInjectableResource(emailClaims);
    }

    // Creation

    @Test
    void createsLeadAtStageLead() {
        fixture.givenNoPriorActivity()
                .when(createCommand(OrganizationType.CORPORATE, ComplianceStatus.PENDING, new BigDecimal("250000.50")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        created(OrganizationType.CORPORATE, ComplianceStatus.PENDING, new BigDecimal("250000.50")));
        assertThat(emailClaims.isClaimed(ORGANIZATION_ID, EMAIL)).isTrue();
    }

    @Test
    void defaultsDealValueToZero() {
        fixture.givenNoPriorActivity()
                .when(createCommand(OrganizationType.INVESTOR, ComplianceStatus.APPROVED, null))
                .expectEvents(created(OrganizationType.INVESTOR, ComplianceStatus.APPROVED, BigDecimal.ZERO));
    }

    @Test
    void rejectsDuplicateOpenEmail() {
        UUID existingLeadId = UUID.randomUUID();
        emailClaims.claim(ORGANIZATION_ID, EMAIL.toUpperCase(), existingLeadId);

        fixture.givenNoPriorActivity()
                .when(createCommand(OrganizationType.CORPORATE, ComplianceStatus.PENDING, BigDecimal.ONE))
                .expectException(DuplicateLeadException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString(existingLeadId.toString()))
                .expectNoEvents();
    }

    // Compliance, procurement, deal value

    @Test
    void updatesComplianceAndRecordsThePreviousStatus() {
        fixture.given(created(OrganizationType.GOVERNMENT, ComplianceStatus.PENDING, BigDecimal.TEN))
                .when(new UpdateComplianceCommand(
                        LEAD_ID, ORGANIZATION_ID, ComplianceStatus.APPROVED, List.of("grid permit"), "permit granted"))
                .expectEvents(new ComplianceUpdated(
                        LEAD_ID,
                        ORGANIZATION_ID,
                        ComplianceStatus.PENDING,
                        ComplianceStatus.APPROVED,
                        List.of("grid permit"),
                        "permit granted"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void updatesComplianceOfClosedLead() {
        fixture.given(
                        created(OrganizationType.CORPORATE, ComplianceStatus.PENDING, BigDecimal.TEN),
                        stageChanged(LifecycleStage.LEAD, LifecycleStage.LOST))
                .when(new UpdateComplianceCommand(LEAD_ID, ORGANIZATION_ID, ComplianceStatus.REJECTED, List.of(), null))
                .expectEvents(new ComplianceUpdated(
                        LEAD_ID, ORGANIZATION_ID, ComplianceStatus.PENDING, ComplianceStatus.REJECTED, List.of(), null))
                .expectResultMessagePayload(2L);
    }

    @Test
    void updatesProcurement() {
        fixture.given(created(OrganizationType.CORPORATE, ComplianceStatus.PENDING, BigDecimal.TEN))
                .when(new UpdateProcurementCommand(LEAD_ID, ORGANIZATION_ID, 90, "tender"))
                .expectEvents(new ProcurementUpdated(LEAD_ID, ORGANIZATION_ID, 90, "tender"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void changesDealValueAndRecordsThePreviousValue() {
        fixture.given(created(OrganizationType.CORPORATE, ComplianceStatus.PENDING, BigDecimal.TEN))
                .when(new ChangeDealValueCommand(LEAD_ID, ORGANIZATION_ID, new BigDecimal("99.99")))
                .expectEvents(new DealValueChanged(LEAD_ID, ORGANIZATION_ID, BigDecimal.TEN, new BigDecimal("99.99")))
                .expectResultMessagePayload(1L);
    }

    // Organisation scope

    @Test
    void treatsLeadOfAnotherOrganisationAsNotFound() {
        Object[] commands = {
            new UpdateComplianceCommand(LEAD_ID, OTHER_ORGANIZATION_ID, ComplianceStatus.APPROVED, List.of(), null),
            new UpdateProcurementCommand(LEAD_ID, OTHER_ORGANIZATION_ID, 30, "rfp"),
            new ChangeDealValueCommand(LEAD_ID, OTHER_ORGANIZATION_ID, BigDecimal.ONE),
            new ChangeLifecycleStageCommand(LEAD_ID, OTHER_ORGANIZATION_ID, LifecycleStage.MQL, null),
            playbookCommand(OTHER_ORGANIZATION_ID)
        };
        for (Object command : commands) {
            fixture.given(created(OrganizationType.CORPORATE, ComplianceStatus.APPROVED, BigDecimal.TEN))
                    .when(command)
                    .expectException(LeadNotFoundException.class)
                    .expectNoEvents();
        }
    }

    // Lifecycle: forward moves

    @Test
    void movesForwardOneStage() {
        fixture.given(created(OrganizationType.CORPORATE, ComplianceStatus.PENDING, BigDecimal.TEN))
                .when(new ChangeLifecycleStageCommand(LEAD_ID, ORGANIZATION_ID, LifecycleStage.MQL, "webinar"))
                .expectEvents(new LifecycleStageChanged(
                        LEAD_ID, ORGANIZATION_ID, LifecycleStage.LEAD, LifecycleStage.MQL, "webinar"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void skipsForwardOverStages() {
        fixture.given(created(OrganizationType.CORPORATE, ComplianceStatus.PENDING, BigDecimal.TEN))
                .when(new ChangeLifecycleStageCommand(LEAD_ID, ORGANIZATION_ID, LifecycleStage.WON, null))
                .expectEvents(new LifecycleStageChanged(
                        LEAD_ID, ORGANIZATION_ID, LifecycleStage.LEAD, LifecycleStage.WON, null));
    }

    @Test
    void rejectsMovingBackwards() {
        fixture.given(
                        created(OrganizationType.CORPORATE, ComplianceStatus.PENDING, BigDecimal.TEN),
                        stageChanged(LifecycleStage.LEAD, LifecycleStage.SQL))
                .when(new ChangeLifecycleStageCommand(LEAD_ID, ORGANIZATION_ID, LifecycleStage.MQL, null))
                .expectException(LeadRuleViolationException.class)
                .expectExceptionMessage(
                        "Lead " + LEAD_ID + " is SQL and cannot move back to MQL because stages only move forward.")
                .expectNoEvents();
    }

    @Test
    void rejectsMovingToTheCurrentStage() {
        fixture.given(created(OrganizationType.CORPORATE, ComplianceStatus.PENDING, BigDecimal.TEN))
                .when(new ChangeLifecycleStageCommand(LEAD_ID, ORGANIZATION_ID, LifecycleStage.LEAD, null))
                .expectException(LeadRuleViolationException.class)
                .expectExceptionMessage("Lead " + LEAD_ID + " is already at stage LEAD.")
                .expectNoEvents();
    }

    // Lifecycle: closed stages

    @Test
    void marksOpenLeadLostFromEveryOpenStage() {
        for (LifecycleStage open : List.of(LifecycleStage.MQL, LifecycleStage.SQL)) {
            fixture.given(
                            created(OrganizationType.CORPORATE, ComplianceStatus.APPROVED, BigDecimal.TEN),
                            stageChanged(LifecycleStage.LEAD, open))
                    .when(new ChangeLifecycleStageCommand(LEAD_ID, ORGANIZATION_ID, LifecycleStage.LOST, "budget"))
                    .expectEvents(
                            new LifecycleStageChanged(LEAD_ID, ORGANIZATION_ID, open, LifecycleStage.LOST, "budget"))
                    .expectResultMessagePayload(2L);
        }
        fixture.given(created(OrganizationType.CORPORATE, ComplianceStatus.APPROVED, BigDecimal.TEN))
                .when(new ChangeLifecycleStageCommand(LEAD_ID, ORGANIZATION_ID, LifecycleStage.LOST, null))
                .expectEvents(new LifecycleStageChanged(
                        LEAD_ID, ORGANIZATION_ID, LifecycleStage.LEAD, LifecycleStage.LOST, null));
    }

    @Test
    void rejectsAnyMoveFromWon() {
        for (LifecycleStage target : LifecycleStage.values()) {
            fixture.given(
                            created(OrganizationType.CORPORATE, ComplianceStatus.APPROVED, BigDecimal.TEN),
                            stageChanged(LifecycleStage.LEAD, LifecycleStage.WON))
                    .when(new ChangeLifecycleStageCommand(LEAD_ID, ORGANIZATION_ID, target, null))
                    .expectException(LeadRuleViolationException.class)
                    .expectExceptionMessage("Lead " + LEAD_ID + " is WON and cannot move to " + target
                            + " because WON is a final stage.")
                    .expectNoEvents();
        }
    }

    @Test
    void rejectsAnyMoveFromLost() {
        for (LifecycleStage target : LifecycleStage.values()) {
            fixture.given(
                            created(OrganizationType.CORPORATE, ComplianceStatus.APPROVED, BigDecimal.TEN),
                            stageChanged(LifecycleStage.LEAD, LifecycleStage.LOST))
                    .when(new ChangeLifecycleStageCommand(LEAD_ID, ORGANIZATION_ID, target, null))
                    .expectException(LeadRuleViolationException.class)
                    .expectExceptionMessage("Lead " + LEAD_ID + " is LOST and cannot move to " + target
                            + " because LOST is a final stage.")
                    .expectNoEvents();
        }
    }

    @Test
    void releasesEmailClaimWhenLeadIsWon() {
        emailClaims.claim(ORGANIZATION_ID, EMAIL, LEAD_ID);

        fixture.given(created(OrganizationType.CORPORATE, ComplianceStatus.APPROVED, BigDecimal.TEN))
                .when(new ChangeLifecycleStageCommand(LEAD_ID, ORGANIZATION_ID, LifecycleStage.WON, null))
                .expectSuccessfulHandlerExecution();
        assertThat(emailClaims.isClaimed(ORGANIZATION_ID, EMAIL)).isFalse();
    }

    @Test
    void releasesEmailClaimWhenLeadIsLost() {
        emailClaims.claim(ORGANIZATION_ID, EMAIL, LEAD_ID);

        fixture.given(created(OrganizationType.CORPORATE, ComplianceStatus.APPROVED, BigDecimal.TEN))
                .when(new ChangeLifecycleStageCommand(LEAD_ID, ORGANIZATION_ID, LifecycleStage.LOST, null))
                .expectSuccessfulHandlerExecution();
        assertThat(emailClaims.isClaimed(ORGANIZATION_ID, EMAIL)).isFalse();
    }

    @Test
    void keepsEmailClaimWhileLeadIsOpen() {
        emailClaims.claim(ORGANIZATION_ID, EMAIL, LEAD_ID);

        fixture.given(created(OrganizationType.CORPORATE, ComplianceStatus.APPROVED, BigDecimal.TEN))
                .when(new ChangeLifecycleStageCommand(LEAD_ID, ORGANIZATION_ID, LifecycleStage.SQL, null))
                .expectSuccessfulHandlerExecution();
        assertThat(emailClaims.isClaimed(ORGANIZATION_ID, EMAIL)).isTrue();
    }

    // Lifecycle: compliance gates

    @Test
    void rejectsSqlWhenGovernmentComplianceIsPending() {
        fixture.given(created(OrganizationType.GOVERNMENT, ComplianceStatus.PENDING, BigDecimal.TEN))
                .when(new ChangeLifecycleStageCommand(LEAD_ID, ORGANIZATION_ID, LifecycleStage.SQL, null))
                .expectException(LeadRuleViolationException.class)
                .expectExceptionMessage("Lead " + LEAD_ID + " is a Government lead with pending compliance"
                        + " and cannot move to SQL until its compliance is approved.")
                .expectNoEvents();
    }

    @Test
    void rejectsWonWhenGovernmentComplianceIsPending() {
        fixture.given(
                        created(OrganizationType.GOVERNMENT, ComplianceStatus.PENDING, BigDecimal.TEN),
                        stageChanged(LifecycleStage.LEAD, LifecycleStage.MQL))
                .when(new ChangeLifecycleStageCommand(LEAD_ID, ORGANIZATION_ID, LifecycleStage.WON, null))
                .expectException(LeadRuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void allowsMqlWhenGovernmentComplianceIsPending() {
        fixture.given(created(OrganizationType.GOVERNMENT, ComplianceStatus.PENDING, BigDecimal.TEN))
                .when(new ChangeLifecycleStageCommand(LEAD_ID, ORGANIZATION_ID, LifecycleStage.MQL, null))
                .expectEvents(new LifecycleStageChanged(
                        LEAD_ID, ORGANIZATION_ID, LifecycleStage.LEAD, LifecycleStage.MQL, null));
    }

    @Test
    void allowsSqlWhenGovernmentComplianceWasApproved() {
        fixture.given(
                        created(OrganizationType.GOVERNMENT, ComplianceStatus.PENDING, BigDecimal.TEN),
                        new ComplianceUpdated(
                                LEAD_ID,
                                ORGANIZATION_ID,
                                ComplianceStatus.PENDING,
                                ComplianceStatus.APPROVED,
                                List.of(),
                                null))
                .when(new ChangeLifecycleStageCommand(LEAD_ID, ORGANIZATION_ID, LifecycleStage.SQL, null))
                .expectEvents(new LifecycleStageChanged(
                        LEAD_ID, ORGANIZATION_ID, LifecycleStage.LEAD, LifecycleStage.SQL, null))
                .expectResultMessagePayload(2L);
    }

    @Test
    void allowsWonWhenGovernmentComplianceIsApproved() {
        fixture.given(created(OrganizationType.GOVERNMENT, ComplianceStatus.APPROVED, BigDecimal.TEN))
                .when(new ChangeLifecycleStageCommand(LEAD_ID, ORGANIZATION_ID, LifecycleStage.WON, null))
                .expectEvents(new LifecycleStageChanged(
                        LEAD_ID, ORGANIZATION_ID, LifecycleStage.LEAD, LifecycleStage.WON, null));
    }

    @Test
    void allowsSqlWhenCorporateComplianceIsPending() {
        fixture.given(created(OrganizationType.CORPORATE, ComplianceStatus.PENDING, BigDecimal.TEN))
                .when(new ChangeLifecycleStageCommand(LEAD_ID, ORGANIZATION_ID, LifecycleStage.SQL, null))
                .expectEvents(new LifecycleStageChanged(
                        LEAD_ID, ORGANIZATION_ID, LifecycleStage.LEAD, LifecycleStage.SQL, null));
    }

    @Test
    void rejectsAdvanceWhenComplianceIsRejected() {
        for (LifecycleStage target : List.of(LifecycleStage.MQL, LifecycleStage.SQL, LifecycleStage.WON)) {
            fixture.given(created(OrganizationType.CORPORATE, ComplianceStatus.REJECTED, BigDecimal.TEN))
                    .when(new ChangeLifecycleStageCommand(LEAD_ID, ORGANIZATION_ID, target, null))
                    .expectException(LeadRuleViolationException.class)
                    .expectExceptionMessage("Lead " + LEAD_ID + " is LEAD with rejected compliance and cannot"
                            + " advance to " + target + ". It can only be marked LOST.")
                    .expectNoEvents();
        }
    }

    @Test
    void rejectsAdvanceWhenComplianceBecameRejected() {
        fixture.given(
                        created(OrganizationType.INVESTOR, ComplianceStatus.APPROVED, BigDecimal.TEN),
                        new ComplianceUpdated(
                                LEAD_ID,
                                ORGANIZATION_ID,
                                ComplianceStatus.APPROVED,
                                ComplianceStatus.REJECTED,
                                List.of(),
                                "permit denied"))
                .when(new ChangeLifecycleStageCommand(LEAD_ID, ORGANIZATION_ID, LifecycleStage.MQL, null))
                .expectException(LeadRuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void marksLeadWithRejectedComplianceLost() {
        fixture.given(created(OrganizationType.GOVERNMENT, ComplianceStatus.REJECTED, BigDecimal.TEN))
                .when(new ChangeLifecycleStageCommand(LEAD_ID, ORGANIZATION_ID, LifecycleStage.LOST, "denied"))
                .expectEvents(new LifecycleStageChanged(
                        LEAD_ID, ORGANIZATION_ID, LifecycleStage.LEAD, LifecycleStage.LOST, "denied"));
    }

    // Playbooks

    @Test
    void appliesPlaybookToOpenLead() {
        fixture.given(
                        created(OrganizationType.NGO, ComplianceStatus.PENDING, BigDecimal.TEN),
                        stageChanged(LifecycleStage.LEAD, LifecycleStage.SQL))
                .when(playbookCommand(ORGANIZATION_ID))
                .expectEvents(new PlaybookApplied(
                        LEAD_ID,
                        ORGANIZATION_ID,
                        "pb-solar-1",
                        StrategyType.CHANNEL_LAUNCH,
                        List.of("municipal buyers"),
                        "Q3",
                        List.of("sales engineer")))
                .expectResultMessagePayload(2L);
    }

    @Test
    void rejectsPlaybookOnWonLead() {
        fixture.given(
                        created(OrganizationType.CORPORATE, ComplianceStatus.APPROVED, BigDecimal.TEN),
                        stageChanged(LifecycleStage.LEAD, LifecycleStage.WON))
                .when(playbookCommand(ORGANIZATION_ID))
                .expectException(LeadRuleViolationException.class)
                .expectExceptionMessage("Lead " + LEAD_ID
                        + " is WON and a playbook can only be applied to an open lead (LEAD, MQL or SQL).")
                .expectNoEvents();
    }

    @Test
    void rejectsPlaybookOnLostLead() {
        fixture.given(
                        created(OrganizationType.CORPORATE, ComplianceStatus.APPROVED, BigDecimal.TEN),
                        stageChanged(LifecycleStage.LEAD, LifecycleStage.LOST))
                .when(playbookCommand(ORGANIZATION_ID))
                .expectException(LeadRuleViolationException.class)
                .expectNoEvents();
    }

    private static CreateLeadCommand createCommand(
            OrganizationType type, ComplianceStatus compliance, BigDecimal dealValue) {
        return new CreateLeadCommand(
                LEAD_ID,
                ORGANIZATION_ID,
                "Ada Lovelace",
                EMAIL,
                "Analytical Engines Ltd",
                type,
                72,
                compliance,
                List.of("EIA"),
                180,
                "discovery",
                dealValue,
                new LeadSource(Channel.ABM, "q3-utilities"));
    }

    private static LeadCreated created(OrganizationType type, ComplianceStatus compliance, BigDecimal dealValue) {
        return new LeadCreated(
                LEAD_ID,
                ORGANIZATION_ID,
                "Ada Lovelace",
                EMAIL,
                "Analytical Engines Ltd",
                type,
                72,
                compliance,
                List.of("EIA"),
                180,
                "discovery",
                dealValue,
                new LeadSource(Channel.ABM, "q3-utilities"));
    }

    private static LifecycleStageChanged stageChanged(LifecycleStage from, LifecycleStage to) {
        return new LifecycleStageChanged(LEAD_ID, ORGANIZATION_ID, from, to, null);
    }

    private static ApplyPlaybookCommand playbookCommand(UUID organizationId) {
        return new ApplyPlaybookCommand(
                LEAD_ID,
                organizationId,
                "pb-solar-1",
                StrategyType.CHANNEL_LAUNCH,
                List.of("municipal buyers"),
                "Q3",
                List.of("sales engineer"));
    }
}
