package com.cleantechcrm.system.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.system.ApiClient;
import com.cleantechcrm.system.RunningSystem;
import com.cleantechcrm.system.fault.EventStoreLeads.Lead;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Compares every read model with the event store: per lead the last sequence, stage, deal value and compliance
 * status; per organisation the lead count, the pipeline value and the count of each compliance status, in the query
 * database's tables and in {@code GET /leads/stats/growth}. An event lost on the way shows as a read model behind the
 * store; an event applied twice shows as a count or a sum above it.
 */
final class ReadModelConsistency {

    private static final List<String> STATUSES = List.of("pending", "approved", "rejected");

    private final RunningSystem.Backends backends;
    private final ApiClient client;

    ReadModelConsistency(RunningSystem.Backends backends, ApiClient client) {
        this.backends = backends;
        this.client = client;
    }

    /**
     * Waits until the read models agree with the event store, which they must do once the query side has consumed
     * every event, and fails with every difference still left after {@code timeout}.
     */
    void assertConvergesWithin(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        List<String> differences = differences();
        while (!differences.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            differences = differences();
        }
        assertThat(differences)
                .as("differences between the read models and the event store after %s", timeout)
                .isEmpty();
    }

    /**
     * Asserts that the event store contains the event of every acknowledged write. The store has no gaps in a lead's
     * sequence numbers when the read models converged, so a last sequence at or past the version is enough.
     */
    void assertStored(List<WriteBurst.Acknowledged> writes) throws SQLException, IOException {
        Map<UUID, Lead> leads;
        try (Connection connection = connect()) {
            leads = EventStoreLeads.read(connection, backends.schema("command")).leads();
        }
        for (WriteBurst.Acknowledged write : writes) {
            Lead lead = leads.get(write.leadId());
            assertThat(lead)
                    .as("stored events of acknowledged lead %s", write.leadId())
                    .isNotNull();
            assertThat(lead.lastSequence)
                    .as("last stored sequence of lead %s, acknowledged at version %s", write.leadId(), write.version())
                    .isGreaterThanOrEqualTo(write.version());
        }
    }

    /** Returns one lead as its stored events define it, or null when it has none. */
    Lead storedLead(UUID leadId) throws SQLException, IOException {
        try (Connection connection = connect()) {
            return EventStoreLeads.read(connection, backends.schema("command"))
                    .leads()
                    .get(leadId);
        }
    }

    /** Returns how many events the event store holds. */
    long storedEventCount() throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select count(*) from " + backends.schema("command") + ".domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    List<String> differences() throws SQLException, IOException {
        try (Connection connection = connect()) {
            EventStoreLeads store = EventStoreLeads.read(connection, backends.schema("command"));
            List<String> differences = new ArrayList<>(store.gaps());
            compareLeads(connection, store.leads(), differences);
            compareOrganizations(connection, store.leads(), differences);
            compareStatisticsEndpoint(connection, store.leads(), differences);
            return differences;
        }
    }

    private void compareLeads(Connection connection, Map<UUID, Lead> store, List<String> differences)
            throws SQLException {
        String query = backends.schema("query");
        Map<UUID, List<Object>> positions =
                rowsById(connection, "select lead_id, last_sequence from " + query + ".lead_event_position");
        Map<UUID, List<Object>> views = rowsById(
                connection,
                "select lead_id, version, lifecycle_stage, deal_value, compliance_status from " + query + ".lead_view");
        Map<UUID, List<Object>> histories = rowsById(
                connection,
                "select lead_id, count(*), max(sequence_number) from " + query + ".lead_history group by lead_id");
        Map<UUID, List<Object>> statistics = rowsById(
                connection,
                "select lead_id, lifecycle_stage, deal_value, compliance_status from " + query + ".stats_lead");

        Set<UUID> ids = new HashSet<>(store.keySet());
        List.of(positions, views, histories, statistics).forEach(table -> ids.addAll(table.keySet()));
        for (UUID id : ids) {
            Lead lead = store.get(id);
            if (lead == null) {
                differences.add("lead " + id + " is in the read models but has no stored event");
                continue;
            }
            expect(differences, id, "lead_event_position.last_sequence", lead.lastSequence, column(positions, id, 0));
            expect(differences, id, "lead_view.version", lead.lastSequence, column(views, id, 0));
            expect(differences, id, "lead_view.lifecycle_stage", lead.stage, column(views, id, 1));
            expect(differences, id, "lead_view.deal_value", lead.dealValue, column(views, id, 2));
            expect(differences, id, "lead_view.compliance_status", lead.complianceStatus, column(views, id, 3));
            expect(differences, id, "lead_history rows", lead.eventCount, column(histories, id, 0));
            expect(differences, id, "lead_history last sequence", lead.lastSequence, column(histories, id, 1));
            expect(differences, id, "stats_lead.lifecycle_stage", lead.stage, column(statistics, id, 0));
            expect(differences, id, "stats_lead.deal_value", lead.dealValue, column(statistics, id, 1));
            expect(differences, id, "stats_lead.compliance_status", lead.complianceStatus, column(statistics, id, 2));
        }
    }

    private void compareOrganizations(Connection connection, Map<UUID, Lead> store, List<String> differences)
            throws SQLException {
        String query = backends.schema("query");
        Map<UUID, OrganizationTotals> expected = totalsByOrganization(store);
        Map<UUID, List<Object>> stored = rowsById(
                connection,
                "select organization_id, pipeline_value, compliance_pending, compliance_approved, compliance_rejected,"
                        + " compliance_pending + compliance_approved + compliance_rejected from " + query
                        + ".stats_organization");
        Map<UUID, List<Object>> viewCounts = rowsById(
                connection,
                "select organization_id, count(*),"
                        + " coalesce(sum(deal_value) filter (where lifecycle_stage in ('LEAD', 'MQL', 'SQL')), 0),"
                        + " count(*) filter (where lower(compliance_status) = 'pending'),"
                        + " count(*) filter (where lower(compliance_status) = 'approved'),"
                        + " count(*) filter (where lower(compliance_status) = 'rejected')"
                        + " from " + query + ".lead_view group by organization_id");
        Map<UUID, List<Object>> pipelineChanges = rowsById(
                connection,
                "select organization_id, sum(delta) from " + query + ".stats_pipeline_change group by organization_id");

        for (Map.Entry<UUID, OrganizationTotals> entry : expected.entrySet()) {
            UUID id = entry.getKey();
            OrganizationTotals totals = entry.getValue();
            String subject = "organisation " + id;
            expect(differences, subject, "lead_view lead count", totals.leads, column(viewCounts, id, 0));
            expect(differences, subject, "stats_organization lead count", totals.leads, column(stored, id, 4));
            expect(differences, subject, "lead_view pipeline value", totals.pipelineValue, column(viewCounts, id, 1));
            expect(
                    differences,
                    subject,
                    "stats_organization.pipeline_value",
                    totals.pipelineValue,
                    column(stored, id, 0));
            expect(
                    differences,
                    subject,
                    "stats_pipeline_change sum",
                    totals.pipelineValue,
                    column(pipelineChanges, id, 0));
            for (int i = 0; i < STATUSES.size(); i++) {
                String status = STATUSES.get(i);
                long count = totals.compliance.getOrDefault(status, 0L);
                expect(differences, subject, "lead_view " + status + " count", count, column(viewCounts, id, 2 + i));
                expect(
                        differences,
                        subject,
                        "stats_organization " + status + " count",
                        count,
                        column(stored, id, 1 + i));
            }
        }
    }

    private void compareStatisticsEndpoint(Connection connection, Map<UUID, Lead> store, List<String> differences)
            throws SQLException {
        UUID organizationId = clientOrganization(connection);
        OrganizationTotals totals = totalsByOrganization(store).getOrDefault(organizationId, new OrganizationTotals());
        ApiClient.Response response = client.get("/leads/stats/growth");
        if (response.status() != 200) {
            differences.add("GET /leads/stats/growth returned " + response.status() + ": "
                    + response.raw().body());
            return;
        }
        JsonNode body = response.body();
        String subject = "GET /leads/stats/growth";
        expect(
                differences,
                subject,
                "pipeline_value.current",
                totals.pipelineValue,
                body.path("pipeline_value").path("current").decimalValue());
        long leadCount = 0;
        for (String status : STATUSES) {
            long count = body.path("regulatory_compliance").path(status).asLong(-1);
            leadCount += count;
            expect(
                    differences,
                    subject,
                    "regulatory_compliance." + status,
                    totals.compliance.getOrDefault(status, 0L),
                    count);
        }
        expect(differences, subject, "lead count (sum of compliance counts)", totals.leads, leadCount);
    }

    private UUID clientOrganization(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement(
                "select id from " + backends.schema("gateway") + ".organization where name = ?")) {
            statement.setString(1, FaultSystem.ORGANIZATION);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getObject(1, UUID.class);
            }
        }
    }

    private static Map<UUID, OrganizationTotals> totalsByOrganization(Map<UUID, Lead> store) {
        Map<UUID, OrganizationTotals> totals = new HashMap<>();
        for (Lead lead : store.values()) {
            OrganizationTotals organization =
                    totals.computeIfAbsent(lead.organizationId, id -> new OrganizationTotals());
            organization.leads++;
            if (lead.isOpen()) {
                organization.pipelineValue = organization.pipelineValue.add(lead.dealValue);
            }
            organization.compliance.merge(lead.complianceStatus.toLowerCase(), 1L, Long::sum);
        }
        return totals;
    }

    /** Reads rows whose first column is a UUID: the remaining columns by that id. */
    private static Map<UUID, List<Object>> rowsById(Connection connection, String sql) throws SQLException {
        Map<UUID, List<Object>> rows = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> values = new ArrayList<>();
                for (int i = 2; i <= columns; i++) {
                    values.add(result.getObject(i));
                }
                rows.put(result.getObject(1, UUID.class), values);
            }
        }
        return rows;
    }

    private static Object column(Map<UUID, List<Object>> rows, UUID id, int index) {
        List<Object> row = rows.get(id);
        return row == null ? null : row.get(index);
    }

    private static void expect(List<String> differences, Object subject, String what, Object expected, Object actual) {
        if (!sameValue(expected, actual)) {
            differences.add(subject + ": " + what + " is " + actual + ", the event store says " + expected);
        }
    }

    private static boolean sameValue(Object expected, Object actual) {
        if (expected == null || actual == null) {
            return Objects.equals(expected, actual);
        }
        if (expected instanceof Number && actual instanceof Number) {
            return new BigDecimal(expected.toString()).compareTo(new BigDecimal(actual.toString())) == 0;
        }
        return expected.toString().equalsIgnoreCase(actual.toString());
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(backends.jdbcUrl(), RunningSystem.DB_USER, RunningSystem.DB_PASSWORD);
    }

    private static final class OrganizationTotals {
        long leads;
        BigDecimal pipelineValue = BigDecimal.ZERO;
        final Map<String, Long> compliance = new HashMap<>();
    }
}
