package com.cleantechcrm.gateway.ratelimit;

import com.cleantechcrm.gateway.web.GatewayFilterOrder;
import com.cleantechcrm.support.error.ErrorResponseWriter;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Rate limiting, on unless {@code crm.rate-limits.enabled=false}. The counters live in the gateway's database. A
 * {@code @Primary} bean of type {@link BucketRateLimiter} or {@link TimeMeter} replaces the one defined here, which
 * tests use to point the counters at another database or to set the time.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "crm.rate-limits", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(RateLimitProperties.class)
@EnableScheduling
class RateLimitConfiguration {

    @Bean
    TimeMeter rateLimitTimeMeter() {
        return new ClockTimeMeter(Clock.systemUTC());
    }

    @Bean
    BucketRateLimiter bucketRateLimiter(DataSource dataSource, TimeMeter rateLimitTimeMeter) {
        return new BucketRateLimiter(dataSource, rateLimitTimeMeter);
    }

    @Bean
    LimitPolicies limitPolicies(RateLimitProperties properties, JdbcClient jdbc) {
        return new LimitPolicies(
                properties,
                organizationId -> jdbc.sql("SELECT name FROM organization WHERE id = :id")
                        .param("id", organizationId)
                        .query(String.class)
                        .optional());
    }

    @Bean
    RateLimitRejections rateLimitRejections(MeterRegistry registry) {
        return new RateLimitRejections(registry);
    }

    @Bean
    ExpiredBucketCleaner expiredBucketCleaner(BucketRateLimiter limiter) {
        return new ExpiredBucketCleaner(limiter);
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(
            BucketRateLimiter limiter,
            LimitPolicies policies,
            RateLimitRejections rejections,
            ErrorResponseWriter errorWriter) {
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(limiter, policies, rejections, errorWriter));
        registration.setOrder(GatewayFilterOrder.RATE_LIMIT);
        return registration;
    }
}
