package com.cleantechcrm.gateway.apidoc;

import java.util.List;

/**
 * The paths of the OpenAPI document and of Swagger UI. The gateway serves them to anyone, without an API key, like
 * the health checks, and they are not routes of the {@link com.cleantechcrm.gateway.routing.RouteTable}.
 */
public final class ApiDocumentationPaths {

    /** The OpenAPI 3 document of the whole public API, in YAML. */
    public static final String DOCUMENT = "/openapi.yaml";

    /** Swagger UI's entry page, which redirects to {@code /swagger-ui/index.html}. */
    public static final String SWAGGER_UI = "/swagger-ui.html";

    private static final String SWAGGER_UI_RESOURCES = "/swagger-ui/";

    /** The configuration Swagger UI loads at start, which points it at {@link #DOCUMENT}. */
    private static final String SWAGGER_UI_CONFIG = "/v3/api-docs/swagger-config";

    /** The same paths as Spring Security request matcher patterns. */
    public static final List<String> PATTERNS =
            List.of(DOCUMENT, SWAGGER_UI, SWAGGER_UI_RESOURCES + "**", SWAGGER_UI_CONFIG);

    private ApiDocumentationPaths() {}

    public static boolean isDocumentationPath(String path) {
        return path.equals(DOCUMENT)
                || path.equals(SWAGGER_UI)
                || path.startsWith(SWAGGER_UI_RESOURCES)
                || path.equals(SWAGGER_UI_CONFIG);
    }
}
