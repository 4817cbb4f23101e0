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
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenAPI document that the gateway serves, and the validation of real requests and responses against it with
 * Atlassian's swagger-request-validator.
 */
final class OpenApiContract {

    /** One operation of the document. */
    record DocumentedOperation(String method, String pathTemplate, String requiredScope) {

        String name() {
            return method + " " + pathTemplate;
        }
    }

    /** A request as the test sends it: {@code path} may carry a query string, and {@code body} may be null. */
    record Call(ApiClient client, String method, String path, String contentType, byte[] body, String... headers) {}

    /** The headers that the gateway's rate limits add to a response. */
    static final List<String> RATE_LIMIT_HEADERS =
            List.of("RateLimit-Policy", "RateLimit", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset");

    private final OpenAPI api;
    private final OpenApiInteractionValidator validator;
    private final SchemaValidator schemaValidator;

    private OpenApiContract(OpenAPI api) {
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
        return new OpenApiContract(result.getOpenAPI());
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
                        entry.getKey().name(), path.getKey(), String.valueOf(extensions.get("x-required-scope"))));
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
        return validateResponse(
                method,
                path,
                response.status(),
                response.raw().headers().map(),
                response.raw().body());
    }

    /**
     * Validates a response given by its parts. The validator library checks the status, content type and body, and
     * this class the headers too, because the library (2.44.1) does not report a missing required response header.
     * A rate-limit header that the documented response does not list is reported as well, so that the document
     * states where the gateway leaves them out.
     *
     * @param path the request path, which may carry a query string
     * @param body the body text, or null or empty for none
     */
    ValidationReport validateResponse(
            String method, String path, int status, Map<String, List<String>> headers, String body) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(status);
        headers.forEach(builder::withHeader);
        firstHeader(headers, "Content-Type").ifPresent(builder::withContentType);
        if (body != null && !body.isEmpty()) {
            builder.withBody(body);
        }
        String pathOnly = URI.create(path).getPath();
        ValidationReport report = validator.validateResponse(
                pathOnly, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), builder.build());
        return report.merge(validateHeaders(method, pathOnly, status, headers));
    }

    /**
     * Returns the path template of the operation that a request matches. Of several, the one with the fewest path
     * parameters wins, so a literal path wins over a template that also matches it.
     */
    Optional<String> templateOf(String method, String path) {
        String pathOnly = URI.create(path).getPath();
        return operations().stream()
                .filter(operation -> operation.method().equalsIgnoreCase(method))
                .map(DocumentedOperation::pathTemplate)
                .filter(template -> pathOnly.matches(template.replaceAll("\\{[^/]+}", "[^/]+")))
                .min(Comparator.comparingLong(
                        template -> template.chars().filter(c -> c == '{').count()));
    }

    private ValidationReport validateHeaders(
            String method, String path, int status, Map<String, List<String>> headers) {
        Optional<String> template = templateOf(method, path);
        if (template.isEmpty()) {
            return ValidationReport.empty();
        }
        Operation operation = api.getPaths()
                .get(template.get())
                .readOperationsMap()
                .get(PathItem.HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)));
        ApiResponse response = operation.getResponses().get(String.valueOf(status));
        if (response == null) {
            return ValidationReport.empty();
        }
        response = resolve(response);
        List<ValidationReport.Message> problems = new ArrayList<>();
        Map<String, Header> documented = response.getHeaders() == null ? Map.of() : response.getHeaders();
        for (Map.Entry<String, Header> entry : documented.entrySet()) {
            Header header = resolve(entry.getValue());
            Optional<String> value = firstHeader(headers, entry.getKey());
            if (value.isEmpty()) {
                if (Boolean.TRUE.equals(header.getRequired())) {
                    problems.add(ValidationReport.Message.create(
                                    "response.header.missing", "Header " + entry.getKey() + " is required.")
                            .build());
                }
                continue;
            }
            problems.addAll(
                    schemaValidator.validate(value.get(), header.getSchema(), "response.header").getMessages().stream()
                            .map(message -> message.withAdditionalInfo("header " + entry.getKey()))
                            .toList());
        }
        for (String name : RATE_LIMIT_HEADERS) {
            boolean listed = documented.keySet().stream().anyMatch(key -> key.equalsIgnoreCase(name));
            if (!listed && firstHeader(headers, name).isPresent()) {
                problems.add(ValidationReport.Message.create(
                                "response.header.undocumented",
                                "Header " + name + " is sent but the response does not document it.")
                        .build());
            }
        }
        return ValidationReport.from(problems);
    }

    private ApiResponse resolve(ApiResponse response) {
        String ref = response.get$ref();
        return ref == null ? response : api.getComponents().getResponses().get(refName(ref));
    }

    private Header resolve(Header header) {
        String ref = header.get$ref();
        return ref == null ? header : api.getComponents().getHeaders().get(refName(ref));
    }

    private static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static Optional<String> firstHeader(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .flatMap(header -> header.getValue().stream())
                .findFirst();
    }

    /**
     * Validates a response to a request that matches no operation, such as a wrong method or an unknown path, against
     * the document's {@code ErrorResponse} schema.
     */
    ValidationReport validateErrorBody(String body) {
        return schemaValidator.validate(body, api.getComponents().getSchemas().get("ErrorResponse"), "response.body");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
