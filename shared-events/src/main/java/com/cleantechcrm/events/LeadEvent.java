package com.cleantechcrm.events;

import java.util.UUID;

/** A fact about one lead. Every lead event names the lead and the organisation that owns it. */
public sealed interface LeadEvent
        permits LeadCreated,
                ComplianceUpdated,
                ProcurementUpdated,
                LifecycleStageChanged,
                DealValueChanged,
                PlaybookApplied {

    UUID leadId();

    UUID organizationId();
}
