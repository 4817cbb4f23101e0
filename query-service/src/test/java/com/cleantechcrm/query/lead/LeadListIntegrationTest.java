package com.cleantechcrm.query.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.events.ComplianceStatus;
import com.cleantechcrm.events.LifecycleStage;
import com.cleantechcrm.events.OrganizationType;
import com.cleantechcrm.query.support.LeadEventStream;
import com.cleantechcrm.query.support.QueryServiceIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

class LeadListIntegrationTest extends QueryServiceIntegrationTest {

    private static final String[] NAMES = {
        "Noor Haddad", "ada Byron", "Zoe Quinn", "Mateo Ruiz", "Lena Vogel", "Bram Smit", "Chen Wei", "ada Byron"
    };

    @Test
    void walkingAllPagesReturnsEveryLeadOnce() {
        UUID org = newOrganization();
        List<LeadEventStream> leads = createLeads(org, 23);

        for (String sort : List.of("created_at_desc", "created_at_asc", "score_desc", "name_asc")) {
            List<JsonNode> walked = walk(org, "sort=" + sort + "&limit=5");

            Set<String> ids = new HashSet<>();
            walked.forEach(item -> ids.add(item.path("id").asText()));
            assertThat(walked).as(sort).hasSize(leads.size());
            assertThat(ids).as(sort).hasSize(leads.size());
            assertThat(walked).as(sort).isSortedAccordingTo(comparatorFor(sort));
        }
    }

    @Test
    void defaultSortIsNewestFirstWithTwentyItems() {
        UUID org = newOrganization();
        createLeads(org, 22);

        JsonNode page = list(org, "");

        assertThat(page.path("items")).hasSize(20);
        assertThat(page.path("next_cursor").isTextual()).isTrue();
        List<JsonNode> items = new ArrayList<>();
        page.path("items").forEach(items::add);
        assertThat(items).isSortedAccordingTo(comparatorFor("created_at_desc"));
    }

    @Test
    void lastPageHasNullCursor() {
        UUID org = newOrganization();
        createLeads(org, 3);

        JsonNode page = list(org, "limit=3");

        assertThat(page.path("items")).hasSize(3);
        assertThat(page.has("next_cursor")).isTrue();
        assertThat(page.path("next_cursor").isNull()).isTrue();
    }

    @Test
    void filtersNarrowResults() {
        UUID org = newOrganization();
        LeadEventStream investor = new LeadEventStream(org);
        LeadEventStream government = new LeadEventStream(org);
        LeadEventStream corporate = new LeadEventStream(org);
        publish(
                investor.created("Iris Investor", OrganizationType.INVESTOR, ComplianceStatus.APPROVED, 10, "9000000"),
                government.created("Gus Gov", OrganizationType.GOVERNMENT, ComplianceStatus.PENDING, 3000, "10"),
                corporate.created("Cora Corp_1%", OrganizationType.CORPORATE, ComplianceStatus.REJECTED, 400, "5000"));
        publish(government.stageChanged(LifecycleStage.MQL));
        awaitApplied(investor);
        awaitApplied(government);
        awaitApplied(corporate);
        int investorScore = get("/leads/" + investor.leadId(), org)
                .getBody()
                .path("lead_score")
                .asInt();

        assertThat(ids(list(org, "organization_type=Government"))).containsExactly(government.leadId());
        assertThat(ids(list(org, "lifecycle_stage=MQL"))).containsExactly(government.leadId());
        assertThat(ids(list(org, "compliance_status=rejected"))).containsExactly(corporate.leadId());
        assertThat(ids(list(org, "min_score=" + investorScore))).containsExactly(investor.leadId());
        assertThat(ids(list(org, "q=IRIS"))).containsExactly(investor.leadId());
        assertThat(ids(list(org, "q=gus.gov@EXAMPLE"))).containsExactly(government.leadId());
        assertThat(ids(list(org, "q=corp_1%"))).containsExactly(corporate.leadId());
        assertThat(ids(list(org, "q=r_1"))).isEmpty();
        assertThat(ids(list(org, "organization_type=Investor&compliance_status=approved")))
                .containsExactly(investor.leadId());
        assertThat(ids(list(org, "organization_type=Investor&compliance_status=pending")))
                .isEmpty();
    }

    @Test
    void listShowsOnlyCallersOrganization() {
        UUID org = newOrganization();
        UUID stranger = newOrganization();
        createLeads(org, 2);
        createLeads(stranger, 3);

        assertThat(list(org, "").path("items")).hasSize(2);
        assertThat(list(stranger, "").path("items")).hasSize(3);
    }

    @Test
    void invalidParametersAreReportedTogether() {
        ResponseEntity<JsonNode> response = get(
                "/leads?organization_type=Startup&lifecycle_stage=mql&compliance_status=maybe&min_score=101"
                        + "&limit=0&sort=oldest",
                newOrganization());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode error = response.getBody().path("error");
        assertThat(error.path("code").asText()).isEqualTo("VALIDATION_FAILED");
        List<String> messages = new ArrayList<>();
        error.path("details").path("validation_errors").forEach(m -> messages.add(m.asText()));
        assertThat(messages).hasSize(6);
        assertThat(messages)
                .anyMatch(m -> m.startsWith("organization_type:"))
                .anyMatch(m -> m.startsWith("lifecycle_stage:"))
                .anyMatch(m -> m.startsWith("compliance_status:"))
                .anyMatch(m -> m.startsWith("min_score:"))
                .anyMatch(m -> m.startsWith("limit:"))
                .anyMatch(m -> m.startsWith("sort:"));
    }

    @Test
    void limitAboveHundredIsRejected() {
        ResponseEntity<JsonNode> response = get("/leads?limit=101", newOrganization());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void undecodableCursorIsRejected() {
        for (String cursor : List.of("not-a-cursor", "eyJzb3J0IjoieCJ9", "%25%25")) {
            ResponseEntity<JsonNode> response = get("/leads?cursor=" + cursor, newOrganization());

            assertThat(response.getStatusCode()).as(cursor).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody().path("error").path("code").asText()).isEqualTo("VALIDATION_FAILED");
        }
    }

    @Test
    void cursorOfAnotherSortIsRejected() {
        UUID org = newOrganization();
        createLeads(org, 3);
        String cursor = list(org, "limit=1&sort=name_asc").path("next_cursor").asText();

        ResponseEntity<JsonNode> response = get("/leads?sort=score_desc&cursor=" + cursor, org);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void trailingSlashListsLeads() {
        UUID org = newOrganization();
        createLeads(org, 1);

        ResponseEntity<JsonNode> response = get("/leads/", org);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("items")).hasSize(1);
    }

    /** Creates leads one second apart in the past, with varied names, types and deal values. */
    private List<LeadEventStream> createLeads(UUID org, int count) {
        Instant start = Instant.now().minus(Duration.ofHours(1));
        List<LeadEventStream> leads = new ArrayList<>();
        OrganizationType[] types = OrganizationType.values();
        for (int i = 0; i < count; i++) {
            // Every third lead shares its time with the previous one, so ties are broken by id.
            Instant createdAt = start.plusSeconds(i - (i % 3 == 2 ? 1 : 0));
            LeadEventStream lead = new LeadEventStream(org).at(createdAt);
            publish(lead.created(
                    NAMES[i % NAMES.length],
                    types[i % types.length],
                    ComplianceStatus.PENDING,
                    100 + (i % 4) * 500,
                    Integer.toString((i % 5) * 1000)));
            leads.add(lead);
        }
        leads.forEach(this::awaitApplied);
        return leads;
    }

    private List<JsonNode> walk(UUID org, String query) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = list(org, query + (cursor == null ? "" : "&cursor=" + cursor));
            page.path("items").forEach(items::add);
            cursor = page.path("next_cursor").isNull()
                    ? null
                    : page.path("next_cursor").asText();
            pages++;
            assertThat(pages).as("page count").isLessThan(100);
        } while (cursor != null);
        return items;
    }

    private JsonNode list(UUID org, String query) {
        String uri =
                UriComponentsBuilder.fromPath("/leads").query(query).build().toUriString();
        ResponseEntity<JsonNode> response = get(uri, org);
        assertThat(response.getStatusCode()).as(uri).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static List<UUID> ids(JsonNode page) {
        List<UUID> ids = new ArrayList<>();
        page.path("items")
                .forEach(item -> ids.add(UUID.fromString(item.path("id").asText())));
        return ids;
    }

    private static Comparator<JsonNode> comparatorFor(String sort) {
        Comparator<JsonNode> byId = Comparator.comparing(
                item -> UUID.fromString(item.path("id").asText()), LeadListIntegrationTest::compareAsPostgres);
        return switch (sort) {
            case "created_at_desc" ->
                Comparator.<JsonNode, Instant>comparing(
                                item -> Instant.parse(item.path("created_at").asText()))
                        .thenComparing(byId)
                        .reversed();
            case "created_at_asc" ->
                Comparator.<JsonNode, Instant>comparing(
                                item -> Instant.parse(item.path("created_at").asText()))
                        .thenComparing(byId);
            case "score_desc" ->
                Comparator.<JsonNode>comparingInt(
                                item -> item.path("lead_score").asInt())
                        .thenComparing(byId)
                        .reversed();
            case "name_asc" ->
                Comparator.<JsonNode, String>comparing(
                                item -> item.path("name").asText().toLowerCase())
                        .thenComparing(byId);
            default -> throw new IllegalArgumentException(sort);
        };
    }

    /** Orders UUIDs as PostgreSQL does: by their bytes, unsigned. */
    private static int compareAsPostgres(UUID left, UUID right) {
        int high = Long.compareUnsigned(left.getMostSignificantBits(), right.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(left.getLeastSignificantBits(), right.getLeastSignificantBits());
    }
}
