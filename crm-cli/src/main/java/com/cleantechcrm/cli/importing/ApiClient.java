package com.cleantechcrm.cli.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * Calls the public API with an API key, as any client would. Every thread shares one client.
 *
 * <p>A {@code 429} response pauses all threads for its {@code Retry-After} and then repeats the request. {@code 502},
 * {@code 503}, {@code 504} and refused connections are retried a few times with backoff. Other I/O failures are
 * retried only for requests that are safe to repeat: {@code GET}, {@code PUT} and a {@code POST} with an
 * idempotency key.
 */
public class ApiClient {

    static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    /** A {@code Retry-After} longer than this is not waited for, and the request fails as rate limited. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

    private static final int MAX_ATTEMPTS = 4;
    private static final int MAX_RATE_LIMITED_ATTEMPTS = 50;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Set<Integer> RETRIED_STATUSES = Set.of(502, 503, 504);
    private static final int TOO_MANY_REQUESTS = 429;

    private final URI baseUrl;
    private final String apiKey;
    private final HttpClient http;
    private final ObjectMapper mapper = ImportJson.newObjectMapper();
    private final Clock clock;
    private final Object pauseLock = new Object();
    private Instant pausedUntil = Instant.MIN;

    public ApiClient(URI baseUrl, String apiKey) {
        this(baseUrl, apiKey, Clock.systemUTC());
    }

    ApiClient(URI baseUrl, String apiKey, Clock clock) {
        String url = baseUrl.toString();
        this.baseUrl = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        this.apiKey = apiKey;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public ApiResponse get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, null);
    }

    /**
     * Sends one request and returns the final response after the retries described on the class.
     *
     * @param body the JSON body, sent in its canonical form, or {@code null} for none
     * @param idempotencyKey the {@code Idempotency-Key} header, or {@code null} for none
     * @throws ApiUnreachableException when the API cannot be reached after the retries
     */
    public ApiResponse send(String method, String pathAndQuery, JsonNode body, String idempotencyKey) {
        HttpRequest request = buildRequest(method, pathAndQuery, body, idempotencyKey);
        boolean repeatable = !method.equals("POST") || idempotencyKey != null;
        Duration backoff = FIRST_BACKOFF;
        int rateLimited = 0;

        for (int attempt = 1; ; attempt++) {
            waitWhilePaused();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                boolean neverSent = e instanceof ConnectException;
                if (attempt >= MAX_ATTEMPTS || !(neverSent || repeatable)) {
                    throw new ApiUnreachableException(
                            method + " " + baseUrl + pathAndQuery + " failed: " + describe(e), e);
                }
                sleep(backoff);
                backoff = backoff.multipliedBy(2);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiUnreachableException(method + " " + pathAndQuery + " was interrupted", e);
            }

            if (response.statusCode() == TOO_MANY_REQUESTS) {
                Optional<Duration> retryAfter = retryAfter(response);
                boolean waitable = retryAfter.isPresent() && retryAfter.get().compareTo(MAX_RETRY_AFTER) <= 0;
                if (waitable && ++rateLimited < MAX_RATE_LIMITED_ATTEMPTS) {
                    pauseFor(retryAfter.get());
                    attempt--;
                    continue;
                }
            }
            if (RETRIED_STATUSES.contains(response.statusCode()) && attempt < MAX_ATTEMPTS) {
                sleep(backoff);
                backoff = backoff.multipliedBy(2);
                continue;
            }
            return toApiResponse(response);
        }
    }

    private HttpRequest buildRequest(String method, String pathAndQuery, JsonNode body, String idempotencyKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json");
        if (idempotencyKey != null) {
            builder.header(IDEMPOTENCY_KEY_HEADER, idempotencyKey);
        }
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(ImportJson.canonical(body), StandardCharsets.UTF_8))
                .build();
    }

    private ApiResponse toApiResponse(HttpResponse<String> response) {
        JsonNode body = MissingNode.getInstance();
        String text = response.body();
        if (text != null && !text.isBlank()) {
            try {
                body = mapper.readTree(text);
            } catch (IOException e) {
                body = MissingNode.getInstance();
            }
        }
        return new ApiResponse(response.statusCode(), response.headers(), body);
    }

    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> parseRetryAfter(value, clock.instant()));
    }

    /**
     * Reads a {@code Retry-After} value as delay seconds or as an HTTP date (RFC 9110, section 10.2.3). A date in
     * the past gives a zero delay, and a value in neither form gives none.
     */
    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        String trimmed = value.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration delay = Duration.between(now, at);
                return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private void pauseFor(Duration delay) {
        synchronized (pauseLock) {
            Instant until = clock.instant().plus(delay);
            if (until.isAfter(pausedUntil)) {
                pausedUntil = until;
            }
        }
    }

    private void waitWhilePaused() {
        while (true) {
            Duration remaining;
            synchronized (pauseLock) {
                remaining = Duration.between(clock.instant(), pausedUntil);
            }
            if (remaining.isNegative() || remaining.isZero()) {
                return;
            }
            sleep(remaining);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiUnreachableException("Interrupted while waiting to retry", e);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
