package com.cleantechcrm.command.relay;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The relay's settings and error handling. */
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
}
