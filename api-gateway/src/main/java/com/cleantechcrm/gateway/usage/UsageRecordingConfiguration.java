package com.cleantechcrm.gateway.usage;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Usage recording and retention. Only the web server records usage, so the {@code key create} command, which runs
 * without it, starts no writer thread and no cleanup.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(UsageProperties.class)
@EnableScheduling
class UsageRecordingConfiguration {

    @Bean
    UsageRepository usageRepository(JdbcTemplate jdbcTemplate) {
        return new UsageRepository(jdbcTemplate);
    }

    @Bean
    UsageBuffer usageBuffer(UsageProperties properties, MeterRegistry meterRegistry) {
        return new UsageBuffer(properties.bufferCapacity(), meterRegistry);
    }

    @Bean
    UsageBatchWriter usageBatchWriter(
            UsageProperties properties, UsageBuffer buffer, UsageRepository repository, MeterRegistry meterRegistry) {
        return new UsageBatchWriter(
                buffer, repository, properties.batchSize(), properties.flushInterval(), meterRegistry);
    }

    @Bean
    UsageRecorder usageRecorder(UsageProperties properties, UsageBuffer buffer, UsageBatchWriter writer, Clock clock) {
        return new UsageRecorder(buffer, writer, properties.batchSize(), clock);
    }

    @Bean
    UsageRetention usageRetention(UsageProperties properties, UsageRepository repository, Clock clock) {
        return new UsageRetention(repository, properties.retention(), properties.cleanupInterval(), clock);
    }
}
