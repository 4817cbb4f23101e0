package com.cleantechcrm.gateway.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiKeyStatusTest {

    private static final Instant NOW = Instant.parse("2027-06-01T12:00:00Z");

    private static ApiKey key(Instant expiresAt, Instant revokedAt, Instant previousSecretExpiresAt) {
        return new ApiKey(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "status",
                "abcdefgh",
                new byte[32],
                Set.of("leads:read"),
                NOW.minusSeconds(3600),
                null,
                expiresAt,
                revokedAt,
                previousSecretExpiresAt == null ? null : NOW.minusSeconds(60),
                previousSecretExpiresAt == null ? null : new byte[32],
                previousSecretExpiresAt);
    }

    @Test
    void statusFollowsExpiryAndRevocation() {
        assertThat(key(null, null, null).statusAt(NOW)).isEqualTo(ApiKeyStatus.ACTIVE);
        assertThat(key(NOW.plusSeconds(1), null, null).statusAt(NOW)).isEqualTo(ApiKeyStatus.ACTIVE);
        assertThat(key(NOW, null, null).statusAt(NOW)).isEqualTo(ApiKeyStatus.EXPIRED);
        assertThat(key(NOW.minusSeconds(1), NOW.minusSeconds(5), null).statusAt(NOW))
                .isEqualTo(ApiKeyStatus.REVOKED);
    }

    @Test
    void revocationTimeInFutureStillRevokes() {
        assertThat(key(null, NOW.plusSeconds(30), null).statusAt(NOW)).isEqualTo(ApiKeyStatus.REVOKED);
    }

    @Test
    void previousSecretAcceptedUntilGraceEnds() {
        assertThat(key(null, null, null).acceptsPreviousSecretAt(NOW)).isFalse();
        assertThat(key(null, null, NOW.plusSeconds(1)).acceptsPreviousSecretAt(NOW))
                .isTrue();
        assertThat(key(null, null, NOW).acceptsPreviousSecretAt(NOW)).isFalse();
    }

    @Test
    void toStringOmitsHashes() {
        assertThat(key(null, null, NOW).toString()).doesNotContain("secretHash", "[B@");
    }
}
