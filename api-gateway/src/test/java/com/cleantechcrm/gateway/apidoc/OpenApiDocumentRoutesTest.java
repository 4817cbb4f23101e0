package com.cleantechcrm.gateway.apidoc;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.gateway.routing.GatewayRoute;
import com.cleantechcrm.gateway.routing.RouteTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Keeps the OpenAPI document and the {@link RouteTable} in step: every route has an operation with the route's scope,
 * and every operation is a route.
 */
class OpenApiDocumentRoutesTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static JsonNode paths;

    @BeforeAll
    static void readDocument() throws IOException {
        try (InputStream in = new ClassPathResource("openapi/openapi.yaml").getInputStream()) {
            paths = new ObjectMapper(new YAMLFactory()).readTree(in).path("paths");
        }
    }

    private static JsonNode operationOf(GatewayRoute route) {
        return paths.path(route.pattern()).path(route.method().name().toLowerCase(Locale.ROOT));
    }

    private static List<String> documentedOperations() {
        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (HTTP_METHODS.contains(operation.getKey())) {
                    operations.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    private static Set<String> routeNames() {
        return RouteTable.ROUTES.stream()
                .map(route -> route.method().name() + " " + route.pattern())
                .collect(Collectors.toSet());
    }

    @Test
    void everyRouteHasOperation() {
        assertThat(RouteTable.ROUTES)
                .allSatisfy(route -> assertThat(operationOf(route).isObject())
                        .as("operation %s %s in openapi.yaml", route.method(), route.pattern())
                        .isTrue());
    }

    @Test
    void operationScopesMatchRoutes() {
        assertThat(RouteTable.ROUTES)
                .allSatisfy(route -> assertThat(
                                operationOf(route).path("x-required-scope").asText())
                        .as("x-required-scope of %s %s", route.method(), route.pattern())
                        .isEqualTo(route.scope().value()));
    }

    @Test
    void everyOperationIsRoute() {
        Set<String> routes = routeNames();

        assertThat(documentedOperations())
                .allSatisfy(operation -> assertThat(routes)
                        .as("route of the documented operation %s", operation)
                        .contains(operation));
    }
}
