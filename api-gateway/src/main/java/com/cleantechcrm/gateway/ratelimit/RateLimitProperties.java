package com.cleantechcrm.gateway.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The published rate limits ({@code crm.rate-limits.*}) and their overrides per organisation. Environment variables
 * bind as usual, for example {@code CRM_RATE_LIMITS_PER_KEY_PER_MINUTE=100} or
 * {@code CRM_RATE_LIMITS_OVERRIDES_0_ORGANIZATION=Development}.
 *
 * @param enabled false turns rate limiting off: no counting, no headers, no 429
 * @param perKeyPerMinute requests per calendar minute (UTC) per API key
 * @param perOrganizationBurst requests per burst window per organisation, over all of its keys
 * @param burstWindow length of the burst window, whole seconds from 1 s to 1 h; windows start at multiples of it since
 *     the Unix epoch
 * @param perOrganizationPerDay requests per calendar day (UTC, from midnight to midnight) per organisation
 * @param cleanupInterval how often a gateway deletes counters that are full again and so carry no information
 * @param overrides limits of single organisations, by name; a missing value keeps the default
 */
@Validated
@ConfigurationProperties("crm.rate-limits")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("100") @Positive long perKeyPerMinute,
        @DefaultValue("200") @Positive long perOrganizationBurst,
        @DefaultValue("10s") Duration burstWindow,
        @DefaultValue("10000") @Positive long perOrganizationPerDay,
        @DefaultValue("10m") Duration cleanupInterval,
        @Valid List<OrganizationOverride> overrides) {

    private static final Duration MAX_BURST_WINDOW = Duration.ofHours(1);

    public RateLimitProperties {
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
        if (burstWindow.toMillis() % 1000 != 0
                || burstWindow.compareTo(Duration.ofSeconds(1)) < 0
                || burstWindow.compareTo(MAX_BURST_WINDOW) > 0) {
            throw new IllegalArgumentException(
                    "crm.rate-limits.burst-window must be whole seconds from 1s to 1h, not " + burstWindow);
        }
        if (cleanupInterval.isNegative() || cleanupInterval.isZero()) {
            throw new IllegalArgumentException(
                    "crm.rate-limits.cleanup-interval must be positive, not " + cleanupInterval);
        }
        Set<String> names = new HashSet<>();
        for (OrganizationOverride override : overrides) {
            if (override.organization() != null && !names.add(override.organization())) {
                throw new IllegalArgumentException("crm.rate-limits.overrides names organization '"
                        + override.organization() + "' more than once");
            }
        }
    }

    /**
     * The limits of one organisation, found by its exact name. A null value keeps the default.
     *
     * @param organization the organisation's name, as given to {@code key create --org}
     */
    public record OrganizationOverride(
            @NotBlank String organization,
            @Positive Long perKeyPerMinute,
            @Positive Long perOrganizationBurst,
            @Positive Long perOrganizationPerDay) {}
}
