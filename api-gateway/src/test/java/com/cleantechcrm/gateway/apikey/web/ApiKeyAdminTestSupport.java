package com.cleantechcrm.gateway.apikey.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.gateway.apikey.ApiScope;
import com.cleantechcrm.gateway.apikey.CreatedApiKey;
import com.cleantechcrm.gateway.support.GatewayIntegrationTest;
import com.cleantechcrm.gateway.support.MutableClock;
import com.cleantechcrm.gateway.support.MutableClockConfiguration;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The gateway with a clock that tests move forward, and helpers for calling {@code /admin/api-keys}. */
@Import(MutableClockConfiguration.class)
abstract class ApiKeyAdminTestSupport extends GatewayIntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MutableClock clock;

    /** Creates a key with the admin and leads:read scopes in a new organisation. */
    CreatedApiKey adminKey() {
        return createKey(ApiScope.ADMIN, ApiScope.LEADS_READ);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode error(HttpResponse<String> response) {
        return json(response).path("error");
    }

    static String errorCode(HttpResponse<String> response) {
        return error(response).path("code").asText();
    }

    /** Creates a key through the API and returns the 201 response body, which contains the key. */
    JsonNode createThroughApi(String adminKey, String body) {
        HttpResponse<String> response = send("POST", "/admin/api-keys", adminKey, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    /** Returns the status of {@code GET /leads} with the key: 200 when it authenticates, 401 when it does not. */
    int statusOfLeadsRead(String key) {
        return send("GET", "/leads", key, null).statusCode();
    }
}
