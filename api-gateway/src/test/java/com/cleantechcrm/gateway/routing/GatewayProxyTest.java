package com.cleantechcrm.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.gateway.apikey.ApiScope;
import com.cleantechcrm.gateway.apikey.CreatedApiKey;
import com.cleantechcrm.gateway.support.FakeService.CannedResponse;
import com.cleantechcrm.gateway.support.FakeService.ReceivedRequest;
import com.cleantechcrm.gateway.support.GatewayIntegrationTest;
import com.cleantechcrm.support.security.InternalTokenProperties;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** Requests as the services receive them from the gateway, and responses as clients receive them back. */
class GatewayProxyTest extends GatewayIntegrationTest {

    @Autowired
    InternalTokenProperties tokenProperties;

    private Jwt decodeInternalToken(ReceivedRequest received) {
        String authorization = received.header("Authorization");
        assertThat(authorization).startsWith("Bearer ");
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(
                        new SecretKeySpec(tokenProperties.secretBytes(), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        return decoder.decode(authorization.substring("Bearer ".length()));
    }

    @Test
    void writeReachesCommandServiceWithInternalToken() {
        CreatedApiKey key = createKey(ApiScope.LEADS_WRITE, ApiScope.LEADS_READ);
        String body = "{\"name\":\"Ada\",\"company\":\"Grid Co\",\"nested\":{\"values\":[1,2,3]}}";

        HttpResponse<String> response =
                send(request("POST", "/leads", key.key(), body).header("X-Request-Id", "client-req.42"));

        assertThat(response.statusCode()).isEqualTo(200);
        ReceivedRequest received = COMMAND_SERVICE.takeRequest();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.uri().getPath()).isEqualTo("/leads");
        assertThat(received.bodyAsString()).isEqualTo(body);
        assertThat(received.header("Content-Type")).startsWith("application/json");
        assertThat(received.header("X-Request-Id")).isEqualTo("client-req.42");
        assertThat(received.header("Upgrade")).isNull();
        assertThat(received.header("Authorization")).doesNotContain(key.key());
        assertThat(received.headers().toString()).doesNotContain(key.key());

        Jwt token = decodeInternalToken(received);
        assertThat(token.getSubject()).isEqualTo(key.apiKey().id().toString());
        assertThat(token.getClaimAsString("org_id"))
                .isEqualTo(key.organization().id().toString());
        assertThat(token.getClaimAsString("scope")).isEqualTo("leads:read leads:write");
        assertThat(token.getClaimAsString("iss")).isEqualTo("crm-gateway");
        assertThat(token.getAudience()).containsExactly("crm-services");
        assertThat(token.getExpiresAt()).isBetween(Instant.now(), Instant.now().plusSeconds(61));
        assertThat(QUERY_SERVICE.hasReceivedAnything()).isFalse();
    }

    @Test
    void readReachesQueryServiceWithQueryString() {
        CreatedApiKey key = createKey(ApiScope.LEADS_READ);

        HttpResponse<String> response = send("GET", "/leads?limit=5&q=grid%20co&sort=created_at_desc", key.key(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        ReceivedRequest received = QUERY_SERVICE.takeRequest();
        assertThat(received.uri().getPath()).isEqualTo("/leads");
        assertThat(received.uri().getQuery()).contains("limit=5", "q=grid co", "sort=created_at_desc");
        assertThat(decodeInternalToken(received).getClaimAsString("org_id"))
                .isEqualTo(key.organization().id().toString());
        assertThat(COMMAND_SERVICE.hasReceivedAnything()).isFalse();
    }

    @Test
    void requestIdIsCreatedWhenMissing() {
        CreatedApiKey key = createKey(ApiScope.STATS_READ);

        HttpResponse<String> response = send("GET", "/leads/stats/growth?period_days=30", key.key(), null);

        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(UUID.fromString(requestId)).isNotNull();
        assertThat(QUERY_SERVICE.takeRequest().header("X-Request-Id")).isEqualTo(requestId);
    }

    @Test
    void invalidRequestIdIsReplaced() {
        CreatedApiKey key = createKey(ApiScope.LEADS_READ);

        HttpResponse<String> response =
                send(request("GET", "/leads", key.key(), null).header("X-Request-Id", "bad id with spaces"));

        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(requestId).isNotEqualTo("bad id with spaces");
        assertThat(QUERY_SERVICE.takeRequest().header("X-Request-Id")).isEqualTo(requestId);
    }

    @Test
    void errorResponsesCarryRequestId() {
        HttpResponse<String> response =
                send(request("GET", "/leads", null, null).header("X-Request-Id", "req-401"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("req-401");
    }

    @Test
    void downstreamResponsePassesThroughUnchanged() {
        CreatedApiKey key = createKey(ApiScope.LEADS_WRITE);
        String leadId = UUID.randomUUID().toString();
        String leadJson = "{\"id\":\"" + leadId + "\",\"name\":\"Ada\"}";
        COMMAND_SERVICE.respondWith(new CannedResponse(
                201,
                Map.of("Content-Type", "application/json", "Location", "/leads/" + leadId, "X-Service-Note", "kept"),
                leadJson,
                Duration.ZERO));

        HttpResponse<String> response = send("POST", "/leads/", key.key(), "{\"name\":\"Ada\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue("/leads/" + leadId);
        assertThat(response.headers().firstValue("X-Service-Note")).hasValue("kept");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo(leadJson);
    }

    @Test
    void serviceRequestIdIsNotDuplicated() {
        CreatedApiKey key = createKey(ApiScope.LEADS_READ);
        QUERY_SERVICE.respondWith(new CannedResponse(
                200,
                Map.of("Content-Type", "application/json", "X-Request-Id", "echoed-id"),
                "{\"items\":[],\"next_cursor\":null}",
                Duration.ZERO));

        HttpResponse<String> response =
                send(request("GET", "/leads", key.key(), null).header("X-Request-Id", "echoed-id"));

        assertThat(response.headers().allValues("X-Request-Id")).containsExactly("echoed-id");
    }

    @Test
    void serviceSecurityHeadersAreNotDuplicated() {
        CreatedApiKey key = createKey(ApiScope.LEADS_READ);
        Map<String, String> securityHeaders = Map.of(
                "Content-Type", "application/json",
                "X-Content-Type-Options", "nosniff",
                "X-XSS-Protection", "0",
                "Cache-Control", "no-cache, no-store, max-age=0, must-revalidate",
                "Pragma", "no-cache",
                "Expires", "0",
                "X-Frame-Options", "DENY");
        QUERY_SERVICE.respondWith(new CannedResponse(200, securityHeaders, "{}", Duration.ZERO));

        HttpResponse<String> response = send("GET", "/leads", key.key(), null);

        securityHeaders.forEach((header, value) ->
                assertThat(response.headers().allValues(header)).as(header).containsExactly(value));
    }

    @Test
    void downstreamErrorEnvelopePassesThroughUnchanged() {
        CreatedApiKey key = createKey(ApiScope.LEADS_WRITE);
        String envelope = "{\"error\":{\"code\":\"DUPLICATE_LEAD\",\"message\":\"A lead with this email exists.\","
                + "\"details\":{\"validation_errors\":[],\"system_errors\":[],\"existing_lead_id\":\"x\"}}}";
        COMMAND_SERVICE.respondWith(CannedResponse.json(409, envelope));

        HttpResponse<String> response = send("POST", "/leads", key.key(), "{\"email\":\"a@b.c\"}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).isEqualTo(envelope);
    }

    @Test
    void downstreamNotFoundPassesThrough() {
        CreatedApiKey key = createKey(ApiScope.LEADS_READ);
        String envelope = "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"No lead.\",\"details\":{}}}";
        QUERY_SERVICE.respondWith(CannedResponse.json(404, envelope));

        HttpResponse<String> response = send("GET", "/leads/not-a-uuid", key.key(), null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo(envelope);
        assertThat(QUERY_SERVICE.takeRequest().uri().getPath()).isEqualTo("/leads/not-a-uuid");
    }
}
