package com.cleantechcrm.command.lead.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.command.support.CommandServiceIntegrationTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdempotentCreateTest extends CommandServiceIntegrationTest {

    @Test
    void replaysFirstResponseForRetry() {
        ObjectNode body = validLead(randomEmail());
        Map<String, String> key = Map.of("Idempotency-Key", "retry-" + UUID.randomUUID());
        HttpResponse<String> first = postWithHeaders(body, key);
        long eventsAfterFirst = storedEventCount();

        HttpResponse<String> retry = postWithHeaders(body, key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
        assertThat(storedEventCount()).isEqualTo(eventsAfterFirst);
    }

    @Test
    void treatsReorderedKeysAsTheSameBody() {
        ObjectNode body = validLead(randomEmail());
        ObjectNode reordered = json.createObjectNode();
        List.of("source", "deal_value", "procurement_cycle", "regulatory_compliance", "sustainability_score")
                .forEach(field -> reordered.set(field, body.get(field)));
        List.of("organization_type", "company", "email", "name")
                .forEach(field -> reordered.set(field, body.get(field)));
        Map<String, String> key = Map.of("Idempotency-Key", "order-" + UUID.randomUUID());

        HttpResponse<String> first = postWithHeaders(body, key);
        HttpResponse<String> retry = postWithHeaders(reordered, key);

        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
    }

    @Test
    void rejectsSameKeyWithDifferentBody() {
        Map<String, String> key = Map.of("Idempotency-Key", "reuse-" + UUID.randomUUID());
        HttpResponse<String> first = postWithHeaders(validLead(randomEmail()), key);
        long eventsAfterFirst = storedEventCount();

        HttpResponse<String> reuse = postWithHeaders(validLead(randomEmail()), key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(reuse.statusCode()).isEqualTo(409);
        assertThat(bodyOf(reuse).at("/error/code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(storedEventCount()).isEqualTo(eventsAfterFirst);
    }

    @Test
    void scopesKeysToTheOrganisation() {
        String keyValue = "shared-" + UUID.randomUUID();
        HttpResponse<String> first = postWithHeaders(validLead(randomEmail()), Map.of("Idempotency-Key", keyValue));
        caller = newCaller();

        HttpResponse<String> other = postWithHeaders(validLead(randomEmail()), Map.of("Idempotency-Key", keyValue));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(other.statusCode()).isEqualTo(201);
        assertThat(bodyOf(other).get("id")).isNotEqualTo(bodyOf(first).get("id"));
    }

    @Test
    void rejectsInvalidKeys() {
        for (String invalid : List.of("x".repeat(201), "", "tab\there")) {
            long eventsBefore = storedEventCount();

            HttpResponse<String> response =
                    postWithHeaders(validLead(randomEmail()), Map.of("Idempotency-Key", invalid));

            assertThat(response.statusCode()).as(invalid).isEqualTo(400);
            assertThat(bodyOf(response).at("/error/code").asText()).isEqualTo("VALIDATION_FAILED");
            assertThat(storedEventCount()).isEqualTo(eventsBefore);
        }
    }

    @Test
    void createsOneLeadForConcurrentRetries() throws Exception {
        ObjectNode body = validLead(randomEmail());
        Map<String, String> key = Map.of("Idempotency-Key", "race-" + UUID.randomUUID());
        long eventsBefore = storedEventCount();

        List<HttpResponse<String>> responses = postConcurrently(List.of(body, body), key);

        assertThat(responses.get(0).statusCode()).as(responses.get(0).body()).isEqualTo(201);
        assertThat(responses.get(1).statusCode()).as(responses.get(1).body()).isEqualTo(201);
        assertThat(responses.get(1).body()).isEqualTo(responses.get(0).body());
        assertThat(storedEventCount()).isEqualTo(eventsBefore + 1);
    }

    private HttpResponse<String> postWithHeaders(ObjectNode body, Map<String, String> headers) {
        return send("POST", "/leads", "application/json", toJson(body), caller, headers);
    }
}
