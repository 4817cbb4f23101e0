package com.cleantechcrm.system;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OpenAPI document that the gateway serves, and the validation of real requests and responses against it with
 * Atlassian's swagger-request-validator.
 */
final class OpenApiContract {

    /** One operation of the document; {@code planned} operations are described but not served yet. */
    record DocumentedOperation(String method, String pathTemplate, String requiredScope, boolean planned) {

        String name() {
            return method + " " + pathTemplate;
        }
    }

    /** A request as the test sends it: {@code path} may carry a query string, and {@code body} may be null. */
    record Call(ApiClient client, String method, String path, String contentType, byte[] body, String... headers) {}

    private final String text;
    private final OpenAPI api;
    private final OpenApiInteractionValidator validator;
    private final SchemaValidator schemaValidator;

    private OpenApiContract(String text, OpenAPI api) {
        this.text = text;
        this.api = api;
        this.validator = OpenApiInteractionValidator.createFor(api)
                .withStrictOperationPathMatching()
                .build();
        this.schemaValidator = new SchemaValidator(api, new MessageResolver());
    }

    /**
     * Parses the document, failing on any problem the parser reports, so that an invalid document fails the test
     * rather than weakening the validation.
     */
    static OpenApiContract parse(String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
        if (result.getOpenAPI() == null || !result.getMessages().isEmpty()) {
            throw new IllegalStateException("The OpenAPI document is invalid: " + result.getMessages());
        }
        return new OpenApiContract(text, result.getOpenAPI());
    }

    String text() {
        return text;
    }

    List<DocumentedOperation> operations() {
        List<DocumentedOperation> operations = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    path.getValue().readOperationsMap().entrySet()) {
                Map<String, Object> extensions = entry.getValue().getExtensions() == null
                        ? Map.of()
                        : entry.getValue().getExtensions();
                operations.add(new DocumentedOperation(
                        entry.getKey().name(),
                        path.getKey(),
                        String.valueOf(extensions.get("x-required-scope")),
                        Boolean.TRUE.equals(extensions.get("x-planned"))));
            }
        }
        return operations;
    }

    /** Validates a request that the server accepted: the document must accept it too. */
    ValidationReport validateRequest(Call call) {
        URI uri = URI.create(call.path());
        SimpleRequest.Builder request = new SimpleRequest.Builder(call.method(), uri.getPath());
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                request.withQueryParam(name, value);
            }
        }
        if (call.client().key() != null) {
            request.withAuthorization("Bearer " + call.client().key());
        }
        if (call.contentType() != null) {
            request.withContentType(call.contentType());
        }
        if (call.body() != null) {
            request.withBody(call.body());
        }
        for (int i = 0; i + 1 < call.headers().length; i += 2) {
            request.withHeader(call.headers()[i], call.headers()[i + 1]);
        }
        return validator.validateRequest(request.build());
    }

    /** Validates status, headers and body of a response to an operation of the document. */
    ValidationReport validateResponse(String method, String path, ApiClient.Response response) {
        String pathOnly = URI.create(path).getPath();
        return validator.validateResponse(
                pathOnly, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), toValidatorResponse(response));
    }

    /**
     * Validates a response to a request that matches no operation, such as a wrong method or an unknown path, against
     * the document's {@code ErrorResponse} schema.
     */
    ValidationReport validateErrorBody(ApiClient.Response response) {
        return schemaValidator.validate(
                response.raw().body(), api.getComponents().getSchemas().get("ErrorResponse"), "response.body");
    }

    private static SimpleResponse toValidatorResponse(ApiClient.Response response) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.status());
        response.raw().headers().map().forEach(builder::withHeader);
        response.raw().headers().firstValue("Content-Type").ifPresent(builder::withContentType);
        String body = response.raw().body();
        if (body != null && !body.isEmpty()) {
            builder.withBody(body);
        }
        return builder.build();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
