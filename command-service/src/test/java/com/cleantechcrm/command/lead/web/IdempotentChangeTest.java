package com.cleantechcrm.command.lead.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.command.support.CommandServiceIntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdempotentChangeTest extends CommandServiceIntegrationTest {

    @Test
    void replaysFirstResponseForRetriedChange() {
        UUID leadId = createLead(validLead(randomEmail()));
        Map<String, String> key = Map.of("Idempotency-Key", "change-" + UUID.randomUUID());
        String body = "{\"deal_value\": 2500}";
        HttpResponse<String> first = change("PUT", "/leads/" + leadId + "/deal-value", body, key);
        long eventsAfterFirst = storedEventCount();

        HttpResponse<String> retry = change("PUT", "/leads/" + leadId + "/deal-value", body, key);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue(LeadController.REPLAYED_HEADER)).contains("false");
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.headers().firstValue(LeadController.REPLAYED_HEADER)).contains("true");
        assertThat(bodyOf(retry)).isEqualTo(bodyOf(first));
        assertThat(storedEventCount()).isEqualTo(eventsAfterFirst);
    }

    @Test
    void rejectsKeyReusedOnAnotherLead() {
        UUID first = createLead(validLead(randomEmail()));
        UUID second = createLead(validLead(randomEmail()));
        Map<String, String> key = Map.of("Idempotency-Key", "change-" + UUID.randomUUID());
        String body = "{\"stage\": \"MQL\"}";
        change("POST", "/leads/" + first + "/lifecycle", body, key);
        long eventsAfterFirst = storedEventCount();

        HttpResponse<String> reuse = change("POST", "/leads/" + second + "/lifecycle", body, key);

        assertThat(reuse.statusCode()).isEqualTo(409);
        assertThat(bodyOf(reuse).at("/error/code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(storedEventCount()).isEqualTo(eventsAfterFirst);
    }

    @Test
    void refusedChangeLeavesKeyFree() {
        UUID leadId = createLead(validLead(randomEmail()));
        Map<String, String> key = Map.of("Idempotency-Key", "change-" + UUID.randomUUID());
        String backwards = "{\"stage\": \"LEAD\"}";

        HttpResponse<String> refused = change("POST", "/leads/" + leadId + "/lifecycle", backwards, key);
        HttpResponse<String> retried = change("POST", "/leads/" + leadId + "/lifecycle", "{\"stage\": \"MQL\"}", key);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(bodyOf(refused).at("/error/code").asText()).isEqualTo("CONFLICT");
        assertThat(retried.statusCode()).isEqualTo(200);
    }

    @Test
    void rejectsInvalidKeyOnChange() {
        UUID leadId = createLead(validLead(randomEmail()));

        HttpResponse<String> response = change(
                "PUT", "/leads/" + leadId + "/deal-value", "{\"deal_value\": 1}", Map.of("Idempotency-Key", " "));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(bodyOf(response).at("/error/code").asText()).isEqualTo("VALIDATION_FAILED");
    }

    private HttpResponse<String> change(String method, String path, String body, Map<String, String> headers) {
        return send(method, path, "application/json", body, caller, headers);
    }
}
