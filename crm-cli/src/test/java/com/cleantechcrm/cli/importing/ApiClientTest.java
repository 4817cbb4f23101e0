package com.cleantechcrm.cli.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiClientTest {

    private static final Instant NOW = Instant.parse("2026-12-04T16:00:00Z");

    @Test
    void retryAfterInSeconds() {
        assertThat(ApiClient.parseRetryAfter(" 7 ", NOW)).contains(Duration.ofSeconds(7));
        assertThat(ApiClient.parseRetryAfter("-3", NOW)).contains(Duration.ZERO);
    }

    @Test
    void retryAfterAsHttpDate() {
        assertThat(ApiClient.parseRetryAfter("Fri, 04 Dec 2026 16:00:30 GMT", NOW))
                .contains(Duration.ofSeconds(30));
        assertThat(ApiClient.parseRetryAfter("Fri, 04 Dec 2026 15:59:00 GMT", NOW))
                .contains(Duration.ZERO);
    }

    @Test
    void retryAfterUnreadable() {
        assertThat(ApiClient.parseRetryAfter("soon", NOW)).isEmpty();
    }
}
