package com.cleantechcrm.system.fault;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every lead as its events in Axon's {@code domain_event_entry} define it, folded here independently of the query
 * service: the expected state that each read model must show.
 */
final class EventStoreLeads {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** The state of one lead after its last stored event. */
    static final class Lead {
        UUID organizationId;
        long lastSequence = -1;
        long eventCount;
        String stage;
        BigDecimal dealValue = BigDecimal.ZERO;
        String complianceStatus;
        final List<BigDecimal> dealValueChanges = new ArrayList<>();

        boolean isOpen() {
            return List.of("LEAD", "MQL", "SQL").contains(stage);
        }
    }

    private final Map<UUID, Lead> leads;
    private final List<String> gaps;

    private EventStoreLeads(Map<UUID, Lead> leads, List<String> gaps) {
        this.leads = leads;
        this.gaps = gaps;
    }

    /** Reads and folds every event of the schema's event store, in the order of each lead's sequence numbers. */
    static EventStoreLeads read(Connection connection, String schema) throws SQLException, IOException {
        Map<UUID, Lead> leads = new LinkedHashMap<>();
        List<String> gaps = new ArrayList<>();
        String sql = "select aggregate_identifier, sequence_number, payload_type, convert_from(payload, 'UTF8')"
                + " from " + schema + ".domain_event_entry order by aggregate_identifier, sequence_number";
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                UUID leadId = UUID.fromString(rows.getString(1));
                long sequence = rows.getLong(2);
                Lead lead = leads.computeIfAbsent(leadId, id -> new Lead());
                if (sequence != lead.lastSequence + 1) {
                    gaps.add("event store: lead " + leadId + " has sequence " + sequence + " after "
                            + lead.lastSequence);
                }
                lead.lastSequence = sequence;
                lead.eventCount++;
                apply(lead, simpleName(rows.getString(3)), JSON.readTree(rows.getString(4)));
            }
        }
        return new EventStoreLeads(leads, gaps);
    }

    Map<UUID, Lead> leads() {
        return leads;
    }

    /** Returns the sequence numbers that do not follow their predecessor by one. */
    List<String> gaps() {
        return gaps;
    }

    private static void apply(Lead lead, String eventType, JsonNode payload) {
        switch (eventType) {
            case "LeadCreated" -> {
                lead.organizationId =
                        UUID.fromString(payload.path("organization_id").asText());
                lead.stage = "LEAD";
                lead.dealValue = decimal(payload.path("deal_value"));
                lead.complianceStatus = payload.path("compliance_status").asText();
            }
            case "ComplianceUpdated" ->
                lead.complianceStatus = payload.path("status").asText();
            case "LifecycleStageChanged" -> lead.stage = payload.path("to").asText();
            case "DealValueChanged" -> {
                lead.dealValue = decimal(payload.path("deal_value"));
                lead.dealValueChanges.add(lead.dealValue);
            }
            default -> {
                // ProcurementUpdated and PlaybookApplied change nothing that the counts compare.
            }
        }
    }

    private static BigDecimal decimal(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return BigDecimal.ZERO;
        }
        return value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText());
    }

    private static String simpleName(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
