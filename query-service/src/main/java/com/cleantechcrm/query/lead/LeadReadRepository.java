package com.cleantechcrm.query.lead;

import com.cleantechcrm.events.Channel;
import com.cleantechcrm.events.ComplianceStatus;
import com.cleantechcrm.events.EventJson;
import com.cleantechcrm.events.LeadSource;
import com.cleantechcrm.events.LifecycleStage;
import com.cleantechcrm.events.OrganizationType;
import com.cleantechcrm.events.StrategyType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads leads from {@code lead_view} and {@code lead_playbook}, always within one organisation. */
@Repository
class LeadReadRepository {

    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json = EventJson.newObjectMapper();

    LeadReadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<LeadResponse> find(UUID organizationId, UUID leadId) {
        return jdbc.sql("select v.* from lead_view v where v.organization_id = ? and v.lead_id = ?")
                .params(organizationId, leadId)
                .query((rs, row) -> toLead(rs))
                .optional()
                .map(lead -> lead.withPlaybooks(playbooksOf(List.of(leadId)).getOrDefault(leadId, List.of())));
    }

    LeadPage list(LeadListQuery query) {
        LeadSort sort = query.sort();
        StringBuilder sql = new StringBuilder("select v.*, lower(v.name) as sort_name from lead_view v")
                .append(" where v.organization_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(query.organizationId());

        if (query.organizationType() != null) {
            sql.append(" and v.organization_type = ?");
            params.add(query.organizationType().name());
        }
        if (query.lifecycleStage() != null) {
            sql.append(" and v.lifecycle_stage = ?");
            params.add(query.lifecycleStage().name());
        }
        if (query.complianceStatus() != null) {
            sql.append(" and v.compliance_status = ?");
            params.add(query.complianceStatus().name());
        }
        if (query.minScore() != null) {
            sql.append(" and v.lead_score >= ?");
            params.add(query.minScore());
        }
        if (query.q() != null) {
            sql.append(
                    " and (v.name ilike ? escape '\\' or v.company ilike ? escape '\\' or v.email ilike ? escape '\\')");
            String pattern = "%" + escapeLike(query.q()) + "%";
            Collections.addAll(params, pattern, pattern, pattern);
        }
        if (query.cursor() != null) {
            sql.append(" and ").append(sort.afterCursorCondition());
            params.add(sort.parseKey(query.cursor().key()));
            params.add(query.cursor().leadId());
        }
        sql.append(" order by ").append(sort.orderBy()).append(" limit ?");
        // One row more than the page shows whether a next page exists.
        params.add(query.limit() + 1);

        List<RowWithKey> rows = jdbc.sql(sql.toString())
                .params(params)
                .query((rs, row) -> new RowWithKey(toLead(rs), sort.keyOf(rs)))
                .list();

        boolean hasMore = rows.size() > query.limit();
        List<RowWithKey> page = hasMore ? rows.subList(0, query.limit()) : rows;
        Map<UUID, List<LeadResponse.Playbook>> playbooks =
                playbooksOf(page.stream().map(r -> r.lead().id()).toList());
        List<LeadResponse> items = page.stream()
                .map(r -> r.lead().withPlaybooks(playbooks.getOrDefault(r.lead().id(), List.of())))
                .toList();

        String nextCursor = null;
        if (hasMore) {
            RowWithKey last = page.get(page.size() - 1);
            nextCursor = new LeadCursor(sort, last.sortKey(), last.lead().id()).encode();
        }
        return new LeadPage(items, nextCursor);
    }

    private Map<UUID, List<LeadResponse.Playbook>> playbooksOf(List<UUID> leadIds) {
        if (leadIds.isEmpty()) {
            return Map.of();
        }
        String placeholders = leadIds.stream().map(id -> "?").collect(Collectors.joining(", "));
        Map<UUID, List<LeadResponse.Playbook>> byLead = new LinkedHashMap<>();
        jdbc.sql("select * from lead_playbook where lead_id in (" + placeholders
                        + ") order by lead_id, sequence_number")
                .params(new ArrayList<Object>(leadIds))
                .query((ResultSet rs) -> {
                    UUID leadId = rs.getObject("lead_id", UUID.class);
                    byLead.computeIfAbsent(leadId, id -> new ArrayList<>()).add(toPlaybook(rs));
                });
        return byLead;
    }

    private LeadResponse toLead(ResultSet rs) throws SQLException {
        String channel = rs.getString("source_channel");
        LeadSource source =
                channel == null ? null : new LeadSource(Channel.valueOf(channel), rs.getString("source_campaign"));
        return new LeadResponse(
                rs.getObject("lead_id", UUID.class),
                rs.getString("name"),
                rs.getString("email"),
                rs.getString("company"),
                OrganizationType.valueOf(rs.getString("organization_type")),
                rs.getInt("sustainability_score"),
                new LeadResponse.RegulatoryCompliance(
                        ComplianceStatus.valueOf(rs.getString("compliance_status")),
                        readList(rs.getString("compliance_requirements"))),
                new LeadResponse.ProcurementCycle(
                        rs.getInt("procurement_estimated_duration"), rs.getString("procurement_stage")),
                rs.getBigDecimal("deal_value"),
                source,
                LifecycleStage.valueOf(rs.getString("lifecycle_stage")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getInt("lead_score"),
                List.of(),
                rs.getLong("version"));
    }

    private LeadResponse.Playbook toPlaybook(ResultSet rs) throws SQLException {
        return new LeadResponse.Playbook(
                rs.getString("playbook_id"),
                new LeadResponse.Strategy(
                        StrategyType.valueOf(rs.getString("strategy_type")), readList(rs.getString("focus_areas"))),
                new LeadResponse.ImplementationPlan(rs.getString("timeline"), readList(rs.getString("resources"))),
                rs.getObject("applied_at", OffsetDateTime.class).toInstant());
    }

    private List<String> readList(String jsonArray) {
        try {
            return json.readValue(jsonArray, STRING_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A read-model column contains invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Makes {@code %}, {@code _} and the escape character itself match literally in an ILIKE pattern. */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private record RowWithKey(LeadResponse lead, String sortKey) {}

    /** One page of leads and the cursor of the next page, or null on the last page. */
    record LeadPage(List<LeadResponse> items, String nextCursor) {}
}
