package com.cleantechcrm.gateway.apikey.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.gateway.apikey.CreatedApiKey;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invalid bodies and parameters of the key endpoints: 400 with every invalid field at once, nothing stored. */
class ApiKeyValidationTest extends ApiKeyAdminTestSupport {

    private static List<String> validationErrors(HttpResponse<String> response) {
        List<String> errors = new ArrayList<>();
        error(response).path("details").path("validation_errors").forEach(error -> errors.add(error.asText()));
        return errors;
    }

    private int keyCount(String adminKey) {
        return json(send("GET", "/admin/api-keys", adminKey, null))
                .path("items")
                .size();
    }

    @Test
    void createReportsEveryInvalidField() {
        CreatedApiKey admin = adminKey();

        HttpResponse<String> response = send(
                "POST",
                "/admin/api-keys",
                admin.key(),
                "{\"name\":\"  \",\"scopes\":[\"leads:read\",\"everything\",\"leads:read\"],"
                        + "\"expires_at\":\"yesterday\",\"owner\":\"me\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorCode(response)).isEqualTo("VALIDATION_FAILED");
        assertThat(validationErrors(response))
                .containsExactlyInAnyOrder(
                        "owner: unknown field",
                        "scopes[1]: must be one of leads:read, leads:write, stats:read, admin",
                        "name: must not be blank",
                        "scopes: must only contain unique elements",
                        "expires_at: must be an ISO-8601 timestamp with a time zone offset, such as"
                                + " 2027-01-01T00:00:00Z");
        assertThat(error(response).path("message").asText()).isEqualTo("The request body has 5 invalid fields.");
        assertThat(keyCount(admin.key())).isEqualTo(1);
    }

    @Test
    void createRejectsWrongTypes() {
        CreatedApiKey admin = adminKey();

        HttpResponse<String> response = send(
                "POST", "/admin/api-keys", admin.key(), "{\"name\":5,\"scopes\":\"admin\",\"expires_at\":20270101}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(validationErrors(response))
                .containsExactlyInAnyOrder(
                        "name: must be a string", "scopes: must be an array", "expires_at: must be a string");
    }

    @Test
    void createRejectsMissingAndEmptyScopes() {
        CreatedApiKey admin = adminKey();

        HttpResponse<String> missing = send("POST", "/admin/api-keys", admin.key(), "{\"name\":\"no scopes\"}");
        HttpResponse<String> empty =
                send("POST", "/admin/api-keys", admin.key(), "{\"name\":\"no scopes\",\"scopes\":[]}");
        HttpResponse<String> nullScope =
                send("POST", "/admin/api-keys", admin.key(), "{\"name\":\"null scope\",\"scopes\":[null]}");
        HttpResponse<String> nothing = send("POST", "/admin/api-keys", admin.key(), "{}");

        assertThat(validationErrors(missing)).containsExactly("scopes: must not be empty");
        assertThat(validationErrors(empty)).containsExactly("scopes: must not be empty");
        assertThat(validationErrors(nullScope)).containsExactly("scopes[0]: must not be null");
        assertThat(validationErrors(nothing))
                .containsExactlyInAnyOrder("name: must not be blank", "scopes: must not be empty");
        assertThat(keyCount(admin.key())).isEqualTo(1);
    }

    @Test
    void createRejectsBadNames() {
        CreatedApiKey admin = adminKey();
        String[] names = {
            "\"" + "n".repeat(201) + "\"",
            "\"line\\nbreak\"",
            "\"tab\\there\"",
            "\"nul\\u0000\"",
            "\"right-to-left \\u202e override\"",
            "\"broken \\ud800 surrogate\"",
            "null"
        };

        for (String name : names) {
            HttpResponse<String> response =
                    send("POST", "/admin/api-keys", admin.key(), "{\"name\":" + name + ",\"scopes\":[\"leads:read\"]}");

            assertThat(response.statusCode()).as("status for name %s", name).isEqualTo(400);
            assertThat(validationErrors(response))
                    .as("errors for name %s", name)
                    .hasSize(1);
            assertThat(validationErrors(response).get(0)).startsWith("name: ");
        }
        assertThat(keyCount(admin.key())).isEqualTo(1);
    }

    @Test
    void createAcceptsUnicodeName() {
        CreatedApiKey admin = adminKey();

        HttpResponse<String> response = send(
                "POST",
                "/admin/api-keys",
                admin.key(),
                "{\"name\":\"Énergie 太陽 \\ud83c\\udf1e\",\"scopes\":[\"leads:read\"]}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(json(response).path("name").asText()).isEqualTo("Énergie 太陽 \uD83C\uDF1E");
    }

    @Test
    void createRejectsBadTimestamps() {
        CreatedApiKey admin = adminKey();
        String past = clock.instant().minusSeconds(1).toString();
        String now = clock.instant().toString();
        String[] timestamps = {
            "2099-01-01", "2099-01-01T00:00:00", "2099-13-01T00:00:00Z", past, now, "+10000-01-01T00:00:00Z", ""
        };

        for (String timestamp : timestamps) {
            HttpResponse<String> response = send(
                    "POST",
                    "/admin/api-keys",
                    admin.key(),
                    "{\"name\":\"dated\",\"scopes\":[\"leads:read\"],\"expires_at\":\"" + timestamp + "\"}");

            assertThat(response.statusCode()).as("status for %s", timestamp).isEqualTo(400);
            assertThat(validationErrors(response))
                    .as("errors for %s", timestamp)
                    .hasSize(1);
            assertThat(validationErrors(response).get(0)).startsWith("expires_at: ");
        }
        assertThat(keyCount(admin.key())).isEqualTo(1);
    }

    @Test
    void malformedJsonIsMalformedRequest() {
        CreatedApiKey admin = adminKey();

        HttpResponse<String> notJson = send("POST", "/admin/api-keys", admin.key(), "{\"name\":");
        HttpResponse<String> array = send("POST", "/admin/api-keys", admin.key(), "[]");
        HttpResponse<String> duplicate =
                send("POST", "/admin/api-keys", admin.key(), "{\"name\":\"a\",\"name\":\"b\",\"scopes\":[\"admin\"]}");

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(errorCode(notJson)).isEqualTo("MALFORMED_REQUEST");
        assertThat(errorCode(array)).isEqualTo("MALFORMED_REQUEST");
        assertThat(errorCode(duplicate)).isEqualTo("MALFORMED_REQUEST");
        assertThat(keyCount(admin.key())).isEqualTo(1);
    }

    @Test
    void rotateRejectsBadGracePeriods() {
        CreatedApiKey admin = adminKey();
        String path = "/admin/api-keys/" + admin.apiKey().id() + "/rotate";
        long max = java.time.Duration.ofDays(7).toSeconds();

        HttpResponse<String> negative = send("POST", path, admin.key(), "{\"grace_period_seconds\":-1}");
        HttpResponse<String> tooLong = send("POST", path, admin.key(), "{\"grace_period_seconds\":" + (max + 1) + "}");
        HttpResponse<String> text = send("POST", path, admin.key(), "{\"grace_period_seconds\":\"60\"}");
        HttpResponse<String> fraction = send("POST", path, admin.key(), "{\"grace_period_seconds\":1.5}");
        HttpResponse<String> unknown = send("POST", path, admin.key(), "{\"grace\":60,\"grace_period_seconds\":-5}");

        assertThat(validationErrors(negative)).containsExactly("grace_period_seconds: must be between 0 and " + max);
        assertThat(validationErrors(tooLong)).containsExactly("grace_period_seconds: must be between 0 and " + max);
        assertThat(validationErrors(text)).containsExactly("grace_period_seconds: must be an integer");
        assertThat(validationErrors(fraction)).containsExactly("grace_period_seconds: must be an integer");
        assertThat(validationErrors(unknown))
                .containsExactlyInAnyOrder(
                        "grace: unknown field", "grace_period_seconds: must be between 0 and " + max);
        HttpResponse<String> unchanged =
                send("GET", "/admin/api-keys/" + admin.apiKey().id(), admin.key(), null);
        assertThat(json(unchanged).path("last_rotated_at").isNull()).isTrue();
    }

    @Test
    void expiryRequiresFieldAndFutureTime() {
        CreatedApiKey admin = adminKey();
        String path = "/admin/api-keys/" + admin.apiKey().id() + "/expiry";

        HttpResponse<String> missing = send("PUT", path, admin.key(), "{}");
        HttpResponse<String> misspelt = send("PUT", path, admin.key(), "{\"expire_at\":\"2099-01-01T00:00:00Z\"}");
        HttpResponse<String> past = send("PUT", path, admin.key(), "{\"expires_at\":\"2001-01-01T00:00:00Z\"}");

        assertThat(validationErrors(missing))
                .containsExactly("expires_at: must be present; send null to remove the value");
        assertThat(validationErrors(misspelt))
                .containsExactlyInAnyOrder(
                        "expires_at: must be present; send null to remove the value", "expire_at: unknown field");
        assertThat(validationErrors(past)).containsExactly("expires_at: must be in the future");
        HttpResponse<String> unchanged =
                send("GET", "/admin/api-keys/" + admin.apiKey().id(), admin.key(), null);
        assertThat(json(unchanged).path("expires_at").isNull()).isTrue();
    }

    @Test
    void revokeRejectsLongReason() {
        CreatedApiKey admin = adminKey();
        String path = "/admin/api-keys/" + admin.apiKey().id() + "/revoke";

        HttpResponse<String> response = send("POST", path, admin.key(), "{\"reason\":\"" + "r".repeat(501) + "\"}");

        assertThat(validationErrors(response)).containsExactly("reason: size must be between 0 and 500");
        assertThat(statusOfLeadsRead(admin.key())).isEqualTo(200);
    }

    @Test
    void eventsRejectBadParameters() {
        CreatedApiKey admin = adminKey();

        HttpResponse<String> response =
                send("GET", "/admin/api-keys/events?key_id=abc&limit=101&cursor=%21%21", admin.key(), null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(validationErrors(response))
                .containsExactly(
                        "key_id: must be a UUID",
                        "limit: must be an integer between 1 and 100",
                        "cursor: is not a next_cursor value of this API");
    }
}
