package com.cleantechcrm.command.lead.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.command.support.CommandServiceIntegrationTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DuplicateLeadTest extends CommandServiceIntegrationTest {

    @Test
    void rejectsSecondOpenLeadWithSameEmail() {
        String email = randomEmail();
        UUID first = createLead(validLead(email));
        long eventsBefore = storedEventCount();

        HttpResponse<String> response = post("/leads", validLead(email));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(bodyOf(response).at("/error/code").asText()).isEqualTo("DUPLICATE_LEAD");
        assertThat(bodyOf(response).at("/error/details/existing_lead_id").asText())
                .isEqualTo(first.toString());
        assertThat(storedEventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void comparesEmailsCaseInsensitively() {
        String email = randomEmail();
        UUID first = createLead(validLead(email));

        HttpResponse<String> response = post("/leads", validLead(email.toUpperCase()));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(bodyOf(response).at("/error/details/existing_lead_id").asText())
                .isEqualTo(first.toString());
    }

    @Test
    void allowsSameEmailInAnotherOrganisation() {
        String email = randomEmail();
        createLead(validLead(email));
        caller = newCaller();

        HttpResponse<String> response = post("/leads", validLead(email));

        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void allowsEmailAgainAfterLeadLost() {
        String email = randomEmail();
        UUID first = createLead(validLead(email));
        HttpResponse<String> lost = post("/leads/" + first + "/lifecycle", Map.of("stage", "LOST"));
        assertThat(lost.statusCode()).as(lost.body()).isEqualTo(200);

        HttpResponse<String> response = post("/leads", validLead(email));

        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void allowsEmailAgainAfterLeadWon() {
        String email = randomEmail();
        UUID first = createLead(validLead(email));
        assertThat(post("/leads/" + first + "/lifecycle", Map.of("stage", "WON"))
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> response = post("/leads", validLead(email));

        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void createsOneLeadForConcurrentDuplicates() throws Exception {
        String email = randomEmail();
        ObjectNode first = validLead(email);
        ObjectNode second = validLead(email.toUpperCase());
        long eventsBefore = storedEventCount();

        List<HttpResponse<String>> responses = postConcurrently(List.of(first, second), Map.of());

        List<Integer> statuses =
                responses.stream().map(HttpResponse::statusCode).sorted().toList();
        assertThat(statuses).containsExactly(201, 409);
        HttpResponse<String> created = responses.stream()
                .filter(response -> response.statusCode() == 201)
                .findFirst()
                .orElseThrow();
        HttpResponse<String> rejected = responses.stream()
                .filter(response -> response.statusCode() == 409)
                .findFirst()
                .orElseThrow();
        assertThat(bodyOf(rejected).at("/error/code").asText()).isEqualTo("DUPLICATE_LEAD");
        assertThat(bodyOf(rejected).at("/error/details/existing_lead_id").asText())
                .isEqualTo(bodyOf(created).get("id").asText());
        assertThat(storedEventCount()).isEqualTo(eventsBefore + 1);
    }
}
