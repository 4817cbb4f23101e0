package com.cleantechcrm.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cleantechcrm.gateway.ratelimit.RateLimitProperties.OrganizationOverride;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Binding of {@code crm.rate-limits.*} from environment variables, as operators and benchmarks set them. */
class RateLimitPropertiesTest {

    private static RateLimitProperties bindEnvironment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("crm.rate-limits", RateLimitProperties.class);
    }

    @Test
    void defaultsArePublishedLimits() {
        RateLimitProperties properties = bindEnvironment(Map.of());

        assertThat(properties.enabled()).isTrue();
        assertThat(properties.perKeyPerMinute()).isEqualTo(100);
        assertThat(properties.perOrganizationBurst()).isEqualTo(200);
        assertThat(properties.burstWindow()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.perOrganizationPerDay()).isEqualTo(10_000);
        assertThat(properties.overrides()).isEmpty();
    }

    @Test
    void overridesBindFromEnvironmentVariables() {
        RateLimitProperties properties = bindEnvironment(Map.of(
                "CRM_RATE_LIMITS_PER_KEY_PER_MINUTE", "120",
                "CRM_RATE_LIMITS_OVERRIDES_0_ORGANIZATION", "Development",
                "CRM_RATE_LIMITS_OVERRIDES_0_PER_KEY_PER_MINUTE", "100000",
                "CRM_RATE_LIMITS_OVERRIDES_0_PER_ORGANIZATION_BURST", "200000",
                "CRM_RATE_LIMITS_OVERRIDES_0_PER_ORGANIZATION_PER_DAY", "10000000",
                "CRM_RATE_LIMITS_OVERRIDES_1_ORGANIZATION", "Acme Solar GmbH",
                "CRM_RATE_LIMITS_OVERRIDES_1_PER_ORGANIZATION_PER_DAY", "50000"));

        assertThat(properties.perKeyPerMinute()).isEqualTo(120);
        assertThat(properties.overrides())
                .containsExactly(
                        new OrganizationOverride("Development", 100_000L, 200_000L, 10_000_000L),
                        new OrganizationOverride("Acme Solar GmbH", null, null, 50_000L));
    }

    @Test
    void overrideKeepsDefaultsItDoesNotSet() {
        RateLimitProperties properties = bindEnvironment(Map.of(
                "CRM_RATE_LIMITS_OVERRIDES_0_ORGANIZATION", "Acme",
                "CRM_RATE_LIMITS_OVERRIDES_0_PER_ORGANIZATION_BURST", "7"));
        UUID acme = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        LimitPolicies policies = new LimitPolicies(properties, id -> Optional.of(id.equals(acme) ? "Acme" : "Other"));

        OrganizationLimits acmeLimits = policies.limitsOf(acme);
        OrganizationLimits otherLimits = policies.limitsOf(other);

        assertThat(acmeLimits.burst().quota()).isEqualTo(7);
        assertThat(acmeLimits.minute().quota()).isEqualTo(100);
        assertThat(acmeLimits.day().quota()).isEqualTo(10_000);
        assertThat(otherLimits.burst().quota()).isEqualTo(200);
    }

    @Test
    void duplicateOverrideIsRejected() {
        assertThatThrownBy(() -> bindEnvironment(Map.of(
                        "CRM_RATE_LIMITS_OVERRIDES_0_ORGANIZATION", "Acme",
                        "CRM_RATE_LIMITS_OVERRIDES_1_ORGANIZATION", "Acme")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("'Acme' more than once");
    }

    @Test
    void burstWindowMustBeWholeSeconds() {
        assertThatThrownBy(() -> bindEnvironment(Map.of("CRM_RATE_LIMITS_BURST_WINDOW", "1500ms")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("whole seconds");
    }
}
