package com.cleantechcrm.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.gateway.apikey.ApiScope;
import com.cleantechcrm.gateway.apikey.CreatedApiKey;
import com.cleantechcrm.gateway.support.GatewayIntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bodies over {@code crm.http.max-body-bytes} (1 MiB) get 413 and never reach a service. */
class GatewayBodyLimitTest extends GatewayIntegrationTest {

    private static final int LIMIT = 1024 * 1024;

    private static byte[] jsonOfSize(int size) {
        StringBuilder json = new StringBuilder(size);
        json.append("{\"padding\":\"");
        while (json.length() < size - 2) {
            json.append('x');
        }
        json.append("\"}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void bodyOverLimitWithContentLengthIsRejected() {
        CreatedApiKey key = createKey(ApiScope.LEADS_WRITE);

        HttpResponse<String> response = send(request("POST", "/leads", key.key(), null)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(jsonOfSize(LIMIT + 1))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
        assertThat(COMMAND_SERVICE.hasReceivedAnything()).isFalse();
    }

    @Test
    void bodyOfTwoMebibytesIsRejected() {
        CreatedApiKey key = createKey(ApiScope.LEADS_WRITE);

        for (int attempt = 0; attempt < 5; attempt++) {
            HttpResponse<String> response = send(request("POST", "/leads", key.key(), null)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(jsonOfSize(2 * LIMIT + 12))));

            assertThat(response.statusCode()).isEqualTo(413);
        }
        assertThat(COMMAND_SERVICE.hasReceivedAnything()).isFalse();
    }

    @Test
    void chunkedBodyOverLimitIsRejectedBeforeForwarding() {
        CreatedApiKey key = createKey(ApiScope.LEADS_WRITE);
        byte[] body = jsonOfSize(LIMIT + 1);

        HttpResponse<String> response = send(request("POST", "/leads", key.key(), null)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
        assertThat(COMMAND_SERVICE.hasReceivedAnything()).isFalse();
    }

    @Test
    void bodyAtLimitIsForwardedWhole() {
        CreatedApiKey key = createKey(ApiScope.LEADS_WRITE);
        byte[] body = jsonOfSize(LIMIT);

        HttpResponse<String> response = send(request("POST", "/leads", key.key(), null)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(COMMAND_SERVICE.takeRequest().body()).isEqualTo(body);
    }
}
