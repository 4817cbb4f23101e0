package com.cleantechcrm.gateway.ratelimit;

import com.cleantechcrm.gateway.ratelimit.LimitPolicy.LimitScope;
import com.cleantechcrm.gateway.ratelimit.RateLimitProperties.OrganizationOverride;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds the limits of an organisation: the configured defaults, replaced value by value by the override that names
 * the organisation. Overrides name organisations, and requests carry their ids, so the name of each organisation is
 * looked up once and kept: organisations cannot be renamed.
 */
public class LimitPolicies {

    private static final Duration MINUTE_WINDOW = Duration.ofMinutes(1);
    private static final Duration DAY_WINDOW = Duration.ofDays(1);

    private final RateLimitProperties properties;
    private final Map<String, OrganizationOverride> overridesByName;
    private final Function<UUID, Optional<String>> organizationNames;
    private final Map<UUID, OrganizationLimits> limitsByOrganization = new ConcurrentHashMap<>();

    /**
     * @param organizationNames finds an organisation's name by its id
     */
    public LimitPolicies(RateLimitProperties properties, Function<UUID, Optional<String>> organizationNames) {
        this.properties = properties;
        this.organizationNames = organizationNames;
        this.overridesByName = properties.overrides().stream()
                .collect(Collectors.toUnmodifiableMap(OrganizationOverride::organization, Function.identity()));
    }

    public OrganizationLimits limitsOf(UUID organizationId) {
        if (overridesByName.isEmpty()) {
            return limitsWith(null);
        }
        return limitsByOrganization.computeIfAbsent(
                organizationId,
                id -> limitsWith(
                        organizationNames.apply(id).map(overridesByName::get).orElse(null)));
    }

    private OrganizationLimits limitsWith(OrganizationOverride override) {
        long minute = properties.perKeyPerMinute();
        long burst = properties.perOrganizationBurst();
        long day = properties.perOrganizationPerDay();
        if (override != null) {
            minute = override.perKeyPerMinute() != null ? override.perKeyPerMinute() : minute;
            burst = override.perOrganizationBurst() != null ? override.perOrganizationBurst() : burst;
            day = override.perOrganizationPerDay() != null ? override.perOrganizationPerDay() : day;
        }
        return new OrganizationLimits(
                new LimitPolicy(LimitPolicy.MINUTE, LimitScope.API_KEY, minute, MINUTE_WINDOW),
                new LimitPolicy(LimitPolicy.BURST, LimitScope.ORGANIZATION, burst, properties.burstWindow()),
                new LimitPolicy(LimitPolicy.DAY, LimitScope.ORGANIZATION, day, DAY_WINDOW));
    }
}
