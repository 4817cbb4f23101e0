package com.cleantechcrm.gateway.apikey;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of API-key management.
 *
 * @param rotationGracePeriod how long the secret replaced by a rotation keeps working when the request names no
 *     grace period
 * @param maxRotationGracePeriod the longest grace period a rotation request may ask for
 */
@ConfigurationProperties("crm.api-keys")
public record ApiKeyProperties(
        @DefaultValue("24h") Duration rotationGracePeriod,
        @DefaultValue("7d") Duration maxRotationGracePeriod) {

    public ApiKeyProperties {
        if (rotationGracePeriod.isNegative() || maxRotationGracePeriod.isNegative()) {
            throw new IllegalArgumentException("crm.api-keys grace periods must not be negative");
        }
        if (rotationGracePeriod.compareTo(maxRotationGracePeriod) > 0) {
            throw new IllegalArgumentException("crm.api-keys.rotation-grace-period (" + rotationGracePeriod
                    + ") must not exceed crm.api-keys.max-rotation-grace-period (" + maxRotationGracePeriod + ")");
        }
    }
}
