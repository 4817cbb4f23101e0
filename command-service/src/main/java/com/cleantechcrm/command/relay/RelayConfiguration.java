package com.cleantechcrm.command.relay;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The relay's settings, error handling and lag metrics. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RelayProperties.class)
class RelayConfiguration {

    /**
     * Replaces Axon's default handler for the relay, which logs a failed event and moves on, with one that rethrows,
     * so the processor retries the event instead of advancing its token past it.
     */
    @Bean
    ConfigurerModule relayErrorHandling() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(
                        LeadEventRelay.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }

    /** Registers the relay's lag gauges; the token store stores tokens with the primary serializer. */
    @Bean
    RelayLagMetrics relayLagMetrics(JdbcTemplate jdbc, Serializer serializer, MeterRegistry registry) {
        RelayLagMetrics metrics = new RelayLagMetrics(jdbc, serializer, Clock.systemUTC());
        metrics.register(registry);
        return metrics;
    }
}
