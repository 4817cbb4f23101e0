package com.cleantechcrm.events;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One fixed instance of every event, matching the golden files under {@code golden/}. */
public final class SampleEvents {

    public static final UUID LEAD_ID = UUID.fromString("5b0c3c1e-2f7a-4f7e-9a43-0d3c9e6f1a01");
    public static final UUID ORGANIZATION_ID = UUID.fromString("9e1d7a52-6c1b-4d8e-8f0a-3b2c4d5e6f70");

    private SampleEvents() {}

    public static Map<String, LeadEvent> byType() {
        return Map.of(
                "LeadCreated",
                new LeadCreated(
                        LEAD_ID,
                        ORGANIZATION_ID,
                        "Zoë Παπαδοπούλου",
                        "zoe@example.org",
                        "Δήμος Αθηναίων, \"Energy\" Office",
                        OrganizationType.GOVERNMENT,
                        87,
                        ComplianceStatus.PENDING,
                        List.of("grid interconnection permit", "EIA"),
                        540,
                        "RFP",
                        new BigDecimal("1250000.50"),
                        new LeadSource(Channel.ABM, "Q3 municipal solar")),
                "ComplianceUpdated",
                new ComplianceUpdated(
                        LEAD_ID,
                        ORGANIZATION_ID,
                        ComplianceStatus.PENDING,
                        ComplianceStatus.APPROVED,
                        List.of("EIA"),
                        "Permit granted by the regional authority"),
                "ProcurementUpdated",
                new ProcurementUpdated(LEAD_ID, ORGANIZATION_ID, 365, "Tender evaluation"),
                "LifecycleStageChanged",
                new LifecycleStageChanged(
                        LEAD_ID, ORGANIZATION_ID, LifecycleStage.MQL, LifecycleStage.SQL, "Budget confirmed"),
                "DealValueChanged",
                new DealValueChanged(LEAD_ID, ORGANIZATION_ID, new BigDecimal("1250000.50"), new BigDecimal("1400000")),
                "PlaybookApplied",
                new PlaybookApplied(
                        LEAD_ID,
                        ORGANIZATION_ID,
                        "pb-municipal-solar",
                        StrategyType.CHANNEL_LAUNCH,
                        List.of("public tenders", "community solar"),
                        "6 months",
                        List.of("2 account executives", "tender desk")));
    }
}
