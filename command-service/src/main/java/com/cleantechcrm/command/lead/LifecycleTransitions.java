package com.cleantechcrm.command.lead;

import com.cleantechcrm.events.ComplianceStatus;
import com.cleantechcrm.events.LifecycleStage;
import com.cleantechcrm.events.OrganizationType;
import java.util.UUID;

/**
 * The funnel rules of a lead. Open stages move forward only ({@code LEAD -> MQL -> SQL -> WON}, skipping allowed),
 * any open stage may move to {@code LOST}, and {@code WON} and {@code LOST} are final. A lead with rejected compliance
 * cannot advance, and a Government lead reaches {@code SQL} or {@code WON} only with approved compliance.
 */
final class LifecycleTransitions {

    private LifecycleTransitions() {}

    /** Throws {@link LeadRuleViolationException} naming the rule when the move from {@code from} to {@code to} is invalid. */
    static void check(
            UUID leadId,
            LifecycleStage from,
            LifecycleStage to,
            OrganizationType organizationType,
            ComplianceStatus complianceStatus) {
        if (!from.isOpen()) {
            throw new LeadRuleViolationException("Lead " + leadId + " is " + from + " and cannot move to " + to
                    + " because " + from + " is a final stage.");
        }
        if (from == to) {
            throw new LeadRuleViolationException("Lead " + leadId + " is already at stage " + to + ".");
        }
        if (to == LifecycleStage.LOST) {
            return;
        }
        if (to.ordinal() < from.ordinal()) {
            throw new LeadRuleViolationException("Lead " + leadId + " is " + from + " and cannot move back to " + to
                    + " because stages only move forward.");
        }
        if (complianceStatus == ComplianceStatus.REJECTED) {
            throw new LeadRuleViolationException("Lead " + leadId + " is " + from + " with rejected compliance and"
                    + " cannot advance to " + to + ". It can only be marked LOST.");
        }
        boolean needsApproval = to == LifecycleStage.SQL || to == LifecycleStage.WON;
        if (organizationType == OrganizationType.GOVERNMENT
                && needsApproval
                && complianceStatus != ComplianceStatus.APPROVED) {
            throw new LeadRuleViolationException("Lead " + leadId + " is a Government lead with "
                    + complianceStatus.name().toLowerCase() + " compliance and cannot move to " + to
                    + " until its compliance is approved.");
        }
    }
}
