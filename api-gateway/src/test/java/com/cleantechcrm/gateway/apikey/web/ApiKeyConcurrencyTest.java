package com.cleantechcrm.gateway.apikey.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.gateway.apikey.CreatedApiKey;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Changes of one key sent at the same moment leave a row and an audit trail that agree with the responses. */
class ApiKeyConcurrencyTest extends ApiKeyAdminTestSupport {

    private static final int ROUNDS = 5;

    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    /** Sends both requests at once, released together by a latch. */
    private List<HttpResponse<String>> sendTogether(
            Supplier<HttpResponse<String>> first, Supplier<HttpResponse<String>> second) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
        for (Supplier<HttpResponse<String>> request : List.of(first, second)) {
            futures.add(CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return request.get();
                    },
                    executor));
        }
        start.countDown();
        return futures.stream().map(CompletableFuture::join).toList();
    }

    private List<String> eventTypes(String adminKey, String keyId) {
        List<String> types = new ArrayList<>();
        json(send("GET", "/admin/api-keys/events?key_id=" + keyId, adminKey, null))
                .path("items")
                .forEach(event -> types.add(event.path("type").asText()));
        return types;
    }

    @Test
    void concurrentRotationsRotateOnce() {
        CreatedApiKey admin = adminKey();
        for (int round = 0; round < ROUNDS; round++) {
            JsonNode created = createThroughApi(admin.key(), "{\"name\":\"raced\",\"scopes\":[\"leads:read\"]}");
            String path = "/admin/api-keys/" + created.path("id").asText() + "/rotate";

            List<HttpResponse<String>> responses = sendTogether(
                    () -> send("POST", path, admin.key(), null), () -> send("POST", path, admin.key(), null));

            List<Integer> statuses =
                    responses.stream().map(HttpResponse::statusCode).sorted().toList();
            assertThat(statuses).as("round %d", round).containsExactly(200, 409);
            HttpResponse<String> winner = responses.stream()
                    .filter(response -> response.statusCode() == 200)
                    .findFirst()
                    .orElseThrow();
            assertThat(statusOfLeadsRead(json(winner).path("key").asText())).isEqualTo(200);
            assertThat(statusOfLeadsRead(created.path("key").asText())).isEqualTo(200);
            assertThat(eventTypes(admin.key(), created.path("id").asText())).containsExactly("rotated", "created");
        }
    }

    @Test
    void revokeDuringRotationLeavesKeyRevoked() {
        CreatedApiKey admin = adminKey();
        for (int round = 0; round < ROUNDS; round++) {
            JsonNode created = createThroughApi(admin.key(), "{\"name\":\"raced\",\"scopes\":[\"leads:read\"]}");
            String id = created.path("id").asText();

            List<HttpResponse<String>> responses = sendTogether(
                    () -> send("POST", "/admin/api-keys/" + id + "/rotate", admin.key(), null),
                    () -> send("POST", "/admin/api-keys/" + id + "/revoke", admin.key(), null));

            HttpResponse<String> rotation = responses.get(0);
            HttpResponse<String> revocation = responses.get(1);
            assertThat(revocation.statusCode()).as("round %d", round).isEqualTo(200);
            assertThat(rotation.statusCode()).as("round %d", round).isIn(200, 409);
            JsonNode stored = json(send("GET", "/admin/api-keys/" + id, admin.key(), null));
            assertThat(stored.path("status").asText()).isEqualTo("revoked");
            assertThat(statusOfLeadsRead(created.path("key").asText())).isEqualTo(401);
            List<String> types = eventTypes(admin.key(), id);
            if (rotation.statusCode() == 200) {
                assertThat(statusOfLeadsRead(json(rotation).path("key").asText()))
                        .isEqualTo(401);
                assertThat(types).containsExactly("revoked", "rotated", "created");
            } else {
                assertThat(error(rotation).path("message").asText()).contains("revoked");
                assertThat(types).containsExactly("revoked", "created");
            }
        }
    }
}
