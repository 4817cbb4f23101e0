package com.cleantechcrm.gateway.apikey.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.gateway.apikey.CreatedApiKey;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Creating, listing, rotating, revoking and expiring keys through the gateway's HTTP port. */
class ApiKeyLifecycleTest extends ApiKeyAdminTestSupport {

    @Test
    void createReturnsKeyOnce() {
        CreatedApiKey admin = adminKey();

        HttpResponse<String> response = send(
                "POST",
                "/admin/api-keys",
                admin.key(),
                "{\"name\":\" crm sync \",\"scopes\":[\"leads:read\",\"stats:read\"],"
                        + "\"expires_at\":\"2099-01-01T02:00:00+02:00\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode created = json(response);
        String id = created.path("id").asText();
        String key = created.path("key").asText();
        assertThat(key).matches("ctk_[a-z0-9]{8}_[A-Za-z0-9_-]{43}");
        assertThat(key).startsWith("ctk_" + created.path("prefix").asText() + "_");
        assertThat(response.headers().firstValue("Location")).hasValue("/admin/api-keys/" + id);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(created.path("name").asText()).isEqualTo("crm sync");
        assertThat(created.path("scopes").toString()).isEqualTo("[\"leads:read\",\"stats:read\"]");
        assertThat(created.path("status").asText()).isEqualTo("active");
        assertThat(created.path("expires_at").asText()).isEqualTo("2099-01-01T00:00:00Z");
        assertThat(created.path("created_at").asText())
                .isEqualTo(clock.instant().toString());
        assertThat(statusOfLeadsRead(key)).isEqualTo(200);

        HttpResponse<String> found = send("GET", "/admin/api-keys/" + id, admin.key(), null);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(json(found).has("key")).isFalse();
        assertThat(found.body()).doesNotContain(key);
        assertThat(json(found).path("prefix").asText())
                .isEqualTo(created.path("prefix").asText());
        assertThat(json(found).path("last_used_at").isNull()).isFalse();
    }

    @Test
    void listShowsOrganizationKeysWithoutSecrets() {
        CreatedApiKey admin = adminKey();
        clock.advance(Duration.ofSeconds(1));
        JsonNode first = createThroughApi(admin.key(), "{\"name\":\"first\",\"scopes\":[\"leads:read\"]}");
        clock.advance(Duration.ofSeconds(1));
        JsonNode second = createThroughApi(admin.key(), "{\"name\":\"second\",\"scopes\":[\"admin\"]}");
        CreatedApiKey otherOrganization = adminKey();

        HttpResponse<String> response = send("GET", "/admin/api-keys/", admin.key(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json(response).path("items").forEach(item -> ids.add(item.path("id").asText()));
        assertThat(ids)
                .containsExactly(
                        second.path("id").asText(),
                        first.path("id").asText(),
                        admin.apiKey().id().toString());
        assertThat(ids).doesNotContain(otherOrganization.apiKey().id().toString());
        JsonNode item = json(response).path("items").get(0);
        assertThat(item.has("key")).isFalse();
        assertThat(item.has("secret_hash")).isFalse();
        assertThat(item.path("status").asText()).isEqualTo("active");
        assertThat(item.path("last_rotated_at").isNull()).isTrue();
        assertThat(item.path("previous_key_expires_at").isNull()).isTrue();
        assertThat(response.body())
                .doesNotContain(first.path("key").asText(), second.path("key").asText(), admin.key());
    }

    @Test
    void rotatedKeyWorksDuringGraceOnly() {
        CreatedApiKey admin = adminKey();
        JsonNode created = createThroughApi(admin.key(), "{\"name\":\"rotating\",\"scopes\":[\"leads:read\"]}");
        String id = created.path("id").asText();
        String oldKey = created.path("key").asText();

        HttpResponse<String> response =
                send("POST", "/admin/api-keys/" + id + "/rotate", admin.key(), "{\"grace_period_seconds\":60}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode rotated = json(response);
        String newKey = rotated.path("key").asText();
        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(rotated.path("id").asText()).isEqualTo(id);
        assertThat(newKey).startsWith("ctk_" + created.path("prefix").asText() + "_");
        assertThat(rotated.path("last_rotated_at").asText())
                .isEqualTo(clock.instant().toString());
        assertThat(rotated.path("previous_key_expires_at").asText())
                .isEqualTo(clock.instant().plusSeconds(60).toString());
        assertThat(statusOfLeadsRead(oldKey)).isEqualTo(200);
        assertThat(statusOfLeadsRead(newKey)).isEqualTo(200);

        clock.advance(Duration.ofSeconds(59));
        assertThat(statusOfLeadsRead(oldKey))
                .as("one second before the grace period ends")
                .isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        assertThat(statusOfLeadsRead(oldKey)).as("when the grace period ends").isEqualTo(401);
        assertThat(statusOfLeadsRead(newKey)).isEqualTo(200);
        HttpResponse<String> after = send("GET", "/admin/api-keys/" + id, admin.key(), null);
        assertThat(json(after).path("previous_key_expires_at").isNull()).isTrue();
    }

    @Test
    void rotationUsesConfiguredGracePeriod() {
        CreatedApiKey admin = adminKey();
        JsonNode created = createThroughApi(admin.key(), "{\"name\":\"default grace\",\"scopes\":[\"leads:read\"]}");
        String id = created.path("id").asText();
        String oldKey = created.path("key").asText();

        HttpResponse<String> response = send("POST", "/admin/api-keys/" + id + "/rotate", admin.key(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        Instant graceEnd = clock.instant().plus(Duration.ofHours(24));
        assertThat(json(response).path("previous_key_expires_at").asText()).isEqualTo(graceEnd.toString());
        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(statusOfLeadsRead(oldKey)).isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        assertThat(statusOfLeadsRead(oldKey)).isEqualTo(401);
    }

    @Test
    void secondRotationDuringGraceConflicts() {
        CreatedApiKey admin = adminKey();
        JsonNode created = createThroughApi(admin.key(), "{\"name\":\"twice\",\"scopes\":[\"leads:read\"]}");
        String id = created.path("id").asText();
        String rotatePath = "/admin/api-keys/" + id + "/rotate";
        JsonNode firstRotation = json(send("POST", rotatePath, admin.key(), "{\"grace_period_seconds\":30}"));

        HttpResponse<String> during = send("POST", rotatePath, admin.key(), "{}");

        assertThat(during.statusCode()).isEqualTo(409);
        assertThat(errorCode(during)).isEqualTo("CONFLICT");
        assertThat(error(during).path("message").asText()).contains("grace period");
        assertThat(statusOfLeadsRead(created.path("key").asText())).isEqualTo(200);
        assertThat(statusOfLeadsRead(firstRotation.path("key").asText())).isEqualTo(200);

        clock.advance(Duration.ofSeconds(30));
        HttpResponse<String> after = send("POST", rotatePath, admin.key(), "{\"grace_period_seconds\":0}");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(statusOfLeadsRead(firstRotation.path("key").asText()))
                .as("a grace period of 0 stops the replaced key at once")
                .isEqualTo(401);
        assertThat(statusOfLeadsRead(json(after).path("key").asText())).isEqualTo(200);
    }

    @Test
    void revokedKeyIsRejectedAndRevokeIsIdempotent() {
        CreatedApiKey admin = adminKey();
        JsonNode created = createThroughApi(admin.key(), "{\"name\":\"leaked\",\"scopes\":[\"leads:read\"]}");
        String id = created.path("id").asText();
        String key = created.path("key").asText();
        assertThat(statusOfLeadsRead(key)).isEqualTo(200);

        HttpResponse<String> first =
                send("POST", "/admin/api-keys/" + id + "/revoke", admin.key(), "{\"reason\":\"found in a log\"}");
        clock.advance(Duration.ofSeconds(5));
        HttpResponse<String> second = send("POST", "/admin/api-keys/" + id + "/revoke/", admin.key(), null);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json(first).path("status").asText()).isEqualTo("revoked");
        assertThat(statusOfLeadsRead(key)).isEqualTo(401);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second).path("revoked_at").asText())
                .isEqualTo(json(first).path("revoked_at").asText());
        HttpResponse<String> rotate = send("POST", "/admin/api-keys/" + id + "/rotate", admin.key(), null);
        assertThat(rotate.statusCode()).isEqualTo(409);
        assertThat(error(rotate).path("message").asText()).contains("revoked");
        HttpResponse<String> expiry =
                send("PUT", "/admin/api-keys/" + id + "/expiry", admin.key(), "{\"expires_at\":null}");
        assertThat(expiry.statusCode()).isEqualTo(409);
    }

    @Test
    void revokeDuringGraceStopsBothKeys() {
        CreatedApiKey admin = adminKey();
        JsonNode created = createThroughApi(admin.key(), "{\"name\":\"both\",\"scopes\":[\"leads:read\"]}");
        String id = created.path("id").asText();
        JsonNode rotated = json(send("POST", "/admin/api-keys/" + id + "/rotate", admin.key(), null));

        send("POST", "/admin/api-keys/" + id + "/revoke", admin.key(), null);

        assertThat(statusOfLeadsRead(created.path("key").asText())).isEqualTo(401);
        assertThat(statusOfLeadsRead(rotated.path("key").asText())).isEqualTo(401);
    }

    @Test
    void adminKeyCanRevokeItself() {
        CreatedApiKey admin = adminKey();

        HttpResponse<String> revoked =
                send("POST", "/admin/api-keys/" + admin.apiKey().id() + "/revoke", admin.key(), null);

        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(send("GET", "/admin/api-keys", admin.key(), null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void expirySetClearedAndEnforced() {
        CreatedApiKey admin = adminKey();
        JsonNode created = createThroughApi(admin.key(), "{\"name\":\"temporary\",\"scopes\":[\"leads:read\"]}");
        String path = "/admin/api-keys/" + created.path("id").asText() + "/expiry";
        String key = created.path("key").asText();
        Instant expiresAt = clock.instant().plus(Duration.ofHours(1));

        HttpResponse<String> set = send("PUT", path, admin.key(), "{\"expires_at\":\"" + expiresAt + "\"}");

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(json(set).path("expires_at").asText()).isEqualTo(expiresAt.toString());
        assertThat(statusOfLeadsRead(key)).isEqualTo(200);
        clock.advance(Duration.ofHours(1));
        assertThat(statusOfLeadsRead(key)).isEqualTo(401);
        HttpResponse<String> expired =
                send("GET", "/admin/api-keys/" + created.path("id").asText(), admin.key(), null);
        assertThat(json(expired).path("status").asText()).isEqualTo("expired");
        HttpResponse<String> rotate =
                send("POST", "/admin/api-keys/" + created.path("id").asText() + "/rotate", admin.key(), null);
        assertThat(rotate.statusCode()).isEqualTo(409);

        HttpResponse<String> cleared = send("PUT", path, admin.key(), "{\"expires_at\":null}");
        assertThat(cleared.statusCode()).isEqualTo(200);
        assertThat(json(cleared).path("expires_at").isNull()).isTrue();
        assertThat(json(cleared).path("status").asText()).isEqualTo("active");
        assertThat(statusOfLeadsRead(key)).isEqualTo(200);
    }

    @Test
    void otherOrganizationKeyIsNotFound() {
        CreatedApiKey owner = adminKey();
        JsonNode created = createThroughApi(owner.key(), "{\"name\":\"private\",\"scopes\":[\"leads:read\"]}");
        String id = created.path("id").asText();
        CreatedApiKey stranger = adminKey();
        String unknownId = UUID.randomUUID().toString();

        for (String keyId : new String[] {id, unknownId}) {
            List<HttpResponse<String>> responses = List.of(
                    send("GET", "/admin/api-keys/" + keyId, stranger.key(), null),
                    send("POST", "/admin/api-keys/" + keyId + "/rotate", stranger.key(), null),
                    send("POST", "/admin/api-keys/" + keyId + "/revoke", stranger.key(), null),
                    send("PUT", "/admin/api-keys/" + keyId + "/expiry", stranger.key(), "{\"expires_at\":null}"));
            for (HttpResponse<String> response : responses) {
                assertThat(response.statusCode())
                        .as(response.request().toString())
                        .isEqualTo(404);
                assertThat(errorCode(response)).isEqualTo("NOT_FOUND");
                assertThat(error(response).path("message").asText())
                        .isEqualTo("No API key with id " + keyId + " exists.");
            }
        }
        HttpResponse<String> events = send("GET", "/admin/api-keys/events?key_id=" + id, stranger.key(), null);
        assertThat(json(events).path("items").size()).isZero();
        assertThat(statusOfLeadsRead(created.path("key").asText())).isEqualTo(200);
        JsonNode stillActive = json(send("GET", "/admin/api-keys/" + id, owner.key(), null));
        assertThat(stillActive.path("status").asText()).isEqualTo("active");
        assertThat(stillActive.path("last_rotated_at").isNull()).isTrue();
    }

    @Test
    void malformedIdIsNotFound() {
        CreatedApiKey admin = adminKey();

        HttpResponse<String> response = send("GET", "/admin/api-keys/not-a-uuid", admin.key(), null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(errorCode(response)).isEqualTo("NOT_FOUND");
    }
}
