package com.cleantechcrm.support.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the token the gateway signs for the services.
 *
 * @param secret the HMAC-SHA256 key shared by the gateway and the services, at least 32 bytes of UTF-8
 * @param issuer the {@code iss} claim the gateway writes and the services require
 * @param audience the {@code aud} claim the gateway writes and the services require
 * @param ttl how long a token is accepted after it was issued
 * @param verify whether this application verifies tokens on its own endpoints; the gateway turns it off
 */
@ConfigurationProperties("crm.internal-token")
public record InternalTokenProperties(String secret, String issuer, String audience, Duration ttl, Boolean verify) {

    /** A development-only default, so that a fresh checkout runs without configuration. */
    public static final String DEVELOPMENT_SECRET = "development-only-internal-token-secret-change-me";

    public InternalTokenProperties {
        secret = secret == null || secret.isBlank() ? DEVELOPMENT_SECRET : secret;
        issuer = issuer == null ? "crm-gateway" : issuer;
        audience = audience == null ? "crm-services" : audience;
        ttl = ttl == null ? Duration.ofSeconds(60) : ttl;
        verify = verify == null || verify;
        if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("crm.internal-token.secret must be at least 32 bytes long for HS256.");
        }
    }

    public byte[] secretBytes() {
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    public boolean usesDevelopmentSecret() {
        return DEVELOPMENT_SECRET.equals(secret);
    }
}
