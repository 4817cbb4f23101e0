package com.cleantechcrm.gateway.apikey.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.gateway.ApiGatewayApplication;
import com.cleantechcrm.gateway.apikey.CreatedApiKey;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A key revoked through one gateway instance is rejected by a second instance on the same database within one
 * second.
 */
class ApiKeyRevocationAcrossInstancesTest extends ApiKeyAdminTestSupport {

    private static ConfigurableApplicationContext secondInstance;

    @Value("${spring.datasource.url}")
    String datasourceUrl;

    @BeforeAll
    static void noSecondInstanceYet() {
        secondInstance = null;
    }

    @AfterAll
    static void stopSecondInstance() {
        if (secondInstance != null) {
            secondInstance.close();
        }
    }

    private int secondInstancePort() {
        if (secondInstance == null) {
            secondInstance = new SpringApplicationBuilder(ApiGatewayApplication.class)
                    .profiles("test")
                    .run(
                            "--server.port=0",
                            "--spring.datasource.url=" + datasourceUrl,
                            "--crm.gateway.command-service-url=" + COMMAND_SERVICE.baseUrl(),
                            "--crm.gateway.query-service-url=" + QUERY_SERVICE.baseUrl());
        }
        return ((WebServerApplicationContext) secondInstance).getWebServer().getPort();
    }

    private int statusOnSecondInstance(String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + secondInstancePort() + "/leads"))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + key)
                .GET();
        return send(request).statusCode();
    }

    @Test
    void secondInstanceRejectsRevokedKeyWithinOneSecond() {
        CreatedApiKey admin = adminKey();
        JsonNode created = createThroughApi(admin.key(), "{\"name\":\"shared\",\"scopes\":[\"leads:read\"]}");
        String key = created.path("key").asText();
        assertThat(statusOnSecondInstance(key)).isEqualTo(200);

        HttpResponse<String> revoked =
                send("POST", "/admin/api-keys/" + created.path("id").asText() + "/revoke", admin.key(), null);
        long revokedAtNanos = System.nanoTime();
        int status = statusOnSecondInstance(key);
        while (status != 401
                && System.nanoTime() - revokedAtNanos < Duration.ofSeconds(1).toNanos()) {
            status = statusOnSecondInstance(key);
        }

        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(status)
                .as("status on the second instance within one second of the revocation")
                .isEqualTo(401);
    }
}
