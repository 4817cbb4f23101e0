package com.cleantechcrm.gateway.apidoc;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.gateway.apikey.ApiScope;
import com.cleantechcrm.gateway.support.GatewayIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The OpenAPI document and Swagger UI are served without an API key, and no generated document is reachable. */
class ApiDocumentationTest extends GatewayIntegrationTest {

    @Test
    void documentIsServedWithoutKey() throws Exception {
        HttpResponse<String> response = send("GET", "/openapi.yaml", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
        JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(response.body());
        assertThat(document.path("openapi").asText()).startsWith("3.");
        assertThat(document.path("paths").has("/leads")).isTrue();
    }

    @Test
    void swaggerUiIsServedWithoutKey() {
        HttpResponse<String> redirect = send("GET", "/swagger-ui.html", null, null);
        HttpResponse<String> page = send("GET", "/swagger-ui/index.html", null, null);

        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/swagger-ui/index.html"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
    }

    @Test
    void swaggerUiShowsServedDocument() throws Exception {
        HttpResponse<String> response = send("GET", "/v3/api-docs/swagger-config", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(response.body()).path("url").asText())
                .isEqualTo("/openapi.yaml");
    }

    @Test
    void generatedDocumentIsNotServed() {
        String adminKey = createKey(ApiScope.values()).key();

        HttpResponse<String> withoutKey = send("GET", "/v3/api-docs", null, null);
        HttpResponse<String> withKey = send("GET", "/v3/api-docs", adminKey, null);

        assertThat(withoutKey.statusCode()).isEqualTo(401);
        assertThat(withKey.statusCode()).isEqualTo(404);
    }
}
