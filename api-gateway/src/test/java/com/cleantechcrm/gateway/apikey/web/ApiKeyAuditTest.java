package com.cleantechcrm.gateway.apikey.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.gateway.apikey.CreatedApiKey;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit trail of key changes, and that no key appears in it, in a log line or in an error. */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyAuditTest extends ApiKeyAdminTestSupport {

    private static final String PRODUCT_LOGGER = "com.cleantechcrm";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LoggingSystem loggingSystem;

    private static List<JsonNode> items(HttpResponse<String> response) {
        List<JsonNode> items = new ArrayList<>();
        json(response).path("items").forEach(items::add);
        return items;
    }

    @Test
    void everyChangeIsRecordedNewestFirst() {
        CreatedApiKey admin = adminKey();
        String actor = admin.apiKey().id().toString();
        HttpResponse<String> createResponse =
                send("POST", "/admin/api-keys", admin.key(), "{\"name\":\"audited\",\"scopes\":[\"stats:read\"]}");
        String id = json(createResponse).path("id").asText();
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> rotateResponse =
                send("POST", "/admin/api-keys/" + id + "/rotate", admin.key(), "{\"grace_period_seconds\":10}");
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> expiryResponse = send(
                "PUT", "/admin/api-keys/" + id + "/expiry", admin.key(), "{\"expires_at\":\"2099-01-01T00:00:00Z\"}");
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> revokeResponse =
                send("POST", "/admin/api-keys/" + id + "/revoke", admin.key(), "{\"reason\":\"no longer used\"}");
        send("POST", "/admin/api-keys/" + id + "/revoke", admin.key(), null);

        HttpResponse<String> response = send("GET", "/admin/api-keys/events?key_id=" + id, admin.key(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> events = items(response);
        assertThat(events)
                .extracting(event -> event.path("type").asText())
                .containsExactly("revoked", "expiry_changed", "rotated", "created");
        for (JsonNode event : events) {
            assertThat(event.path("api_key_id").asText()).isEqualTo(id);
            assertThat(event.path("actor").path("type").asText()).isEqualTo("api_key");
            assertThat(event.path("actor").path("api_key_id").asText()).isEqualTo(actor);
        }
        assertThat(events.get(0).path("request_id").asText())
                .isEqualTo(revokeResponse.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(events.get(1).path("request_id").asText())
                .isEqualTo(expiryResponse.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(events.get(2).path("request_id").asText())
                .isEqualTo(rotateResponse.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(events.get(3).path("request_id").asText())
                .isEqualTo(createResponse.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(events.get(0).path("details").path("reason").asText()).isEqualTo("no longer used");
        assertThat(events.get(1).path("details").path("expires_at").asText()).isEqualTo("2099-01-01T00:00:00Z");
        assertThat(events.get(1).path("details").path("previous_expires_at").isNull())
                .isTrue();
        assertThat(events.get(2).path("details").path("grace_period_seconds").asLong())
                .isEqualTo(10);
        assertThat(events.get(3).path("details").path("scopes").toString()).isEqualTo("[\"stats:read\"]");
        assertThat(events.get(0).path("occurred_at").asText())
                .isEqualTo(clock.instant().toString());
    }

    @Test
    void eventsArePagedByCursor() {
        CreatedApiKey admin = adminKey();
        for (int i = 0; i < 4; i++) {
            createThroughApi(admin.key(), "{\"name\":\"page " + i + "\",\"scopes\":[\"leads:read\"]}");
        }
        CreatedApiKey otherOrganization = adminKey();
        createThroughApi(otherOrganization.key(), "{\"name\":\"elsewhere\",\"scopes\":[\"leads:read\"]}");

        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String query = "/admin/api-keys/events?limit=2" + (cursor == null ? "" : "&cursor=" + cursor);
            HttpResponse<String> response = send("GET", query, admin.key(), null);
            assertThat(response.statusCode()).isEqualTo(200);
            items(response)
                    .forEach(event ->
                            names.add(event.path("details").path("name").asText()));
            cursor = json(response).path("next_cursor").isNull()
                    ? null
                    : json(response).path("next_cursor").asText();
            pages++;
        } while (cursor != null);

        // The admin key itself was created through the operator path, so its CREATED event is the oldest.
        assertThat(names).containsExactly("page 3", "page 2", "page 1", "page 0", "test key");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void operatorCreationRecordsCommandLineActor() {
        CreatedApiKey admin = adminKey();

        HttpResponse<String> response =
                send("GET", "/admin/api-keys/events?key_id=" + admin.apiKey().id(), admin.key(), null);

        List<JsonNode> events = items(response);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("type").asText()).isEqualTo("created");
        assertThat(events.get(0).path("actor").path("type").asText()).isEqualTo("command_line");
        assertThat(events.get(0).path("actor").path("api_key_id").isNull()).isTrue();
        assertThat(events.get(0).path("actor").path("name").asText()).isEqualTo(System.getProperty("user.name"));
        assertThat(events.get(0).path("request_id").isNull()).isTrue();
    }

    /** Logs the product's debug lines too, such as each rejected key, while the test runs. */
    @BeforeEach
    void logDebugLines() {
        loggingSystem.setLogLevel(PRODUCT_LOGGER, LogLevel.DEBUG);
    }

    @AfterEach
    void restoreLogLevel() {
        loggingSystem.setLogLevel(PRODUCT_LOGGER, null);
    }

    @Test
    void keysNeverAppearInLogsEventsOrErrors(CapturedOutput output) {
        CreatedApiKey admin = adminKey();
        JsonNode created = createThroughApi(admin.key(), "{\"name\":\"secret check\",\"scopes\":[\"leads:read\"]}");
        String id = created.path("id").asText();
        String firstKey = created.path("key").asText();
        JsonNode rotated =
                json(send("POST", "/admin/api-keys/" + id + "/rotate", admin.key(), "{\"grace_period_seconds\":1}"));
        String secondKey = rotated.path("key").asText();
        clock.advance(Duration.ofSeconds(2));
        HttpResponse<String> replaced = send("GET", "/leads", firstKey, null);
        HttpResponse<String> tampered =
                send("GET", "/leads", secondKey.substring(0, secondKey.length() - 1) + "x", null);
        send("PUT", "/admin/api-keys/" + id + "/expiry", admin.key(), "{\"expires_at\":\"" + secondKey + "\"}");
        HttpResponse<String> pastedReason = send(
                "POST", "/admin/api-keys/" + id + "/revoke", admin.key(), "{\"reason\":\"leaked " + secondKey + "\"}");
        send("POST", "/admin/api-keys", admin.key(), "{\"name\":\"" + firstKey + "\",\"scopes\":[\"admin\"]}");
        send("POST", "/admin/api-keys/" + id + "/revoke", admin.key(), null);
        HttpResponse<String> revoked = send("GET", "/leads", secondKey, null);

        List<String> secrets = List.of(admin.key(), firstKey, secondKey);
        List<String> stored = jdbc.sql(
                        "SELECT details::text FROM api_key_event WHERE organization_id = :organizationId")
                .param("organizationId", admin.organization().id())
                .query(String.class)
                .list();
        String storedHash = jdbc.sql("SELECT encode(secret_hash, 'hex') FROM api_key WHERE id = :id")
                .param("id", java.util.UUID.fromString(id))
                .query(String.class)
                .single();
        String events = send("GET", "/admin/api-keys/events", admin.key(), null).body();

        assertThat(replaced.statusCode()).isEqualTo(401);
        assertThat(tampered.statusCode()).isEqualTo(401);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(pastedReason.statusCode()).isEqualTo(400);
        assertThat(pastedReason.body()).contains("reason: must not contain an API key");
        assertThat(output.getAll()).contains("Rotated API key " + id);
        assertThat(output.getAll()).contains("Rejected API key " + id);
        for (String secret : secrets) {
            String secretPart = secret.substring(secret.lastIndexOf('_') + 1);
            assertThat(output.getAll()).as("log output").doesNotContain(secretPart);
            assertThat(String.join("\n", stored)).as("stored events").doesNotContain(secretPart);
            assertThat(events).as("events response").doesNotContain(secretPart);
            for (HttpResponse<String> error : List.of(replaced, tampered, revoked, pastedReason)) {
                assertThat(error.body()).as("error body").doesNotContain(secretPart);
            }
        }
        assertThat(String.join("\n", stored)).doesNotContain(storedHash);
        assertThat(storedHash).isNotEqualTo(HexFormat.of().formatHex(new byte[32]));
    }
}
