package com.cleantechcrm.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.gateway.apikey.ApiKeyRepository;
import com.cleantechcrm.gateway.apikey.ApiScope;
import com.cleantechcrm.gateway.apikey.CreatedApiKey;
import com.cleantechcrm.gateway.support.FakeService;
import com.cleantechcrm.gateway.support.GatewayIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Authentication, scopes, unknown paths and wrong methods at the gateway. */
class GatewayAccessTest extends GatewayIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ApiKeyRepository apiKeys;

    static Stream<GatewayRoute> routes() {
        return RouteTable.ROUTES.stream();
    }

    static Stream<GatewayRoute> forwardedRoutes() {
        return routes().filter(route -> route.target().isForwarded());
    }

    static Stream<GatewayRoute> gatewayRoutes() {
        return routes().filter(route -> !route.target().isForwarded());
    }

    private static String concretePath(GatewayRoute route) {
        return route.pattern().replace("{id}", UUID.randomUUID().toString());
    }

    private static String bodyFor(GatewayRoute route) {
        return route.method().name().equals("GET") ? null : "{\"probe\":true}";
    }

    private static FakeService serviceFor(GatewayRoute route) {
        return route.target() == DownstreamService.COMMAND ? COMMAND_SERVICE : QUERY_SERVICE;
    }

    private static JsonNode error(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).path("error");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forwardedRoutes")
    void keyWithRouteScopeIsForwarded(GatewayRoute route) {
        CreatedApiKey key = createKey(route.scope());
        String path = concretePath(route);

        HttpResponse<String> response = send(route.method().name(), path, key.key(), bodyFor(route));

        assertThat(response.statusCode()).isEqualTo(200);
        FakeService.ReceivedRequest received = serviceFor(route).takeRequest();
        assertThat(received.method()).isEqualTo(route.method().name());
        assertThat(received.uri().getPath()).isEqualTo(path);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void keyWithoutRouteScopeIsForbidden(GatewayRoute route) throws Exception {
        ApiScope[] otherScopes = Arrays.stream(ApiScope.values())
                .filter(scope -> scope != route.scope())
                .toArray(ApiScope[]::new);
        CreatedApiKey key = createKey(otherScopes);

        HttpResponse<String> response = send(route.method().name(), concretePath(route), key.key(), bodyFor(route));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(error(response).path("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(error(response).path("message").asText())
                .contains(route.scope().value());
        assertThat(COMMAND_SERVICE.hasReceivedAnything()).isFalse();
        assertThat(QUERY_SERVICE.hasReceivedAnything()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forwardedRoutes")
    void trailingSlashFindsSameRoute(GatewayRoute route) {
        CreatedApiKey key = createKey(route.scope());
        String path = concretePath(route);

        HttpResponse<String> response = send(route.method().name(), path + "/", key.key(), bodyFor(route));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(serviceFor(route).takeRequest().uri().getPath()).isEqualTo(path);
    }

    /**
     * A gateway endpoint that the key may use is served by the gateway's own controller: the probe body reaches the
     * controller's binder, which rejects its unknown field, and nothing is forwarded.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("gatewayRoutes")
    void keyWithRouteScopeReachesGatewayController(GatewayRoute route) throws Exception {
        CreatedApiKey key = createKey(route.scope());
        String path = route.pattern().replace("{id}", key.apiKey().id().toString());

        for (String variant : new String[] {path, path + "/"}) {
            HttpResponse<String> response = send(route.method().name(), variant, key.key(), bodyFor(route));

            if (bodyFor(route) == null) {
                assertThat(response.statusCode())
                        .as("status of %s %s", route.method(), variant)
                        .isEqualTo(200);
            } else {
                assertThat(response.statusCode())
                        .as("status of %s %s", route.method(), variant)
                        .isEqualTo(400);
                assertThat(error(response).path("code").asText()).isEqualTo("VALIDATION_FAILED");
                assertThat(error(response)
                                .path("details")
                                .path("validation_errors")
                                .toString())
                        .contains("probe: unknown field");
            }
        }
        assertThat(COMMAND_SERVICE.hasReceivedAnything()).isFalse();
        assertThat(QUERY_SERVICE.hasReceivedAnything()).isFalse();
    }

    @Test
    void missingKeyIsUnauthorized() throws Exception {
        HttpResponse<String> response = send("GET", "/leads", null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(error(response).path("code").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(error(response).path("details").path("validation_errors").isArray())
                .isTrue();
        assertThat(QUERY_SERVICE.hasReceivedAnything()).isFalse();
    }

    @Test
    void invalidKeysAreUnauthorized() throws Exception {
        CreatedApiKey revoked = createKey(ApiScope.LEADS_READ);
        apiKeys.revoke(revoked.apiKey().id(), Instant.now().minusSeconds(1));
        CreatedApiKey expired = createKey(Instant.now().minus(1, ChronoUnit.HOURS), ApiScope.LEADS_READ);
        CreatedApiKey valid = createKey(ApiScope.LEADS_READ);
        String wrongSecret = valid.key().substring(0, 13) + "A".repeat(43);
        String unknownPrefix = "ctk_00000000" + valid.key().substring(12);

        for (String key : new String[] {"not-a-key", wrongSecret, unknownPrefix, revoked.key(), expired.key()}) {
            HttpResponse<String> response = send("GET", "/leads", key, null);

            assertThat(response.statusCode()).as("status for a rejected key").isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                    .startsWith("Bearer");
            assertThat(error(response).path("code").asText()).isEqualTo("UNAUTHORIZED");
            assertThat(response.body()).doesNotContain(key);
        }
        assertThat(QUERY_SERVICE.hasReceivedAnything()).isFalse();
    }

    @Test
    void nonBearerSchemeIsUnauthorized() throws Exception {
        CreatedApiKey key = createKey(ApiScope.LEADS_READ);

        HttpResponse<String> response =
                send(request("GET", "/leads", null, null).header("Authorization", "Basic " + key.key()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(error(response).path("code").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void bearerSchemeIsCaseInsensitive() {
        CreatedApiKey key = createKey(ApiScope.LEADS_READ);

        HttpResponse<String> response =
                send(request("GET", "/leads", null, null).header("Authorization", "bearer " + key.key()));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void unknownPathIsNotFoundForAuthenticatedCaller() throws Exception {
        CreatedApiKey key = createKey(ApiScope.values());

        for (String path : new String[] {"/nothing", "/leads/a/b/c", "/admin/read-models", "/leads/123/notes"}) {
            HttpResponse<String> response = send("POST", path, key.key(), "{}");

            assertThat(response.statusCode()).as("status of POST %s", path).isEqualTo(404);
        }
        HttpResponse<String> response = send("GET", "/nothing/here", key.key(), null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(error(response).path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(COMMAND_SERVICE.hasReceivedAnything()).isFalse();
        assertThat(QUERY_SERVICE.hasReceivedAnything()).isFalse();
    }

    @Test
    void unknownPathIsUnauthorizedWithoutKey() throws Exception {
        HttpResponse<String> response = send("GET", "/nothing/here", null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(error(response).path("code").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void wrongMethodIsMethodNotAllowedWithAllow() throws Exception {
        CreatedApiKey key = createKey(ApiScope.values());
        String id = UUID.randomUUID().toString();

        HttpResponse<String> onLeads = send("DELETE", "/leads", key.key(), null);
        HttpResponse<String> onLead = send("PUT", "/leads/" + id, key.key(), "{}");
        HttpResponse<String> onCompliance = send("POST", "/leads/" + id + "/compliance/", key.key(), "{}");
        HttpResponse<String> onRebuild = send("GET", "/admin/read-models/rebuild", key.key(), null);
        HttpResponse<String> onApiKey = send("DELETE", "/admin/api-keys/" + id, key.key(), null);

        assertThat(onLeads.statusCode()).isEqualTo(405);
        assertThat(error(onLeads).path("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(onLeads.headers().firstValue("Allow")).hasValue("POST, GET");
        assertThat(onLead.statusCode()).isEqualTo(405);
        assertThat(onLead.headers().firstValue("Allow")).hasValue("GET");
        assertThat(onCompliance.statusCode()).isEqualTo(405);
        assertThat(onCompliance.headers().firstValue("Allow")).hasValue("PUT");
        assertThat(onRebuild.statusCode()).isEqualTo(405);
        assertThat(onRebuild.headers().firstValue("Allow")).hasValue("POST");
        assertThat(onApiKey.statusCode()).isEqualTo(405);
        assertThat(onApiKey.headers().firstValue("Allow")).hasValue("GET");
        assertThat(COMMAND_SERVICE.hasReceivedAnything()).isFalse();
        assertThat(QUERY_SERVICE.hasReceivedAnything()).isFalse();
    }

    @Test
    void healthAndPrometheusAreOpen() {
        assertThat(send("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/health/liveness", null, null).statusCode())
                .isEqualTo(200);
        assertThat(send("GET", "/actuator/health/readiness", null, null).statusCode())
                .isEqualTo(200);
        HttpResponse<String> prometheus = send("GET", "/actuator/prometheus", null, null);
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("crm_gateway_api_key_rejections");
    }
}
