package com.cleantechcrm.command.eventstore;

import com.cleantechcrm.events.EventMetadata;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Copies the request id, API key id and organisation id from each command's metadata to the events it causes. */
@Configuration(proxyBeanMethods = false)
class CorrelationConfiguration {

    @Bean
    CorrelationDataProvider requestCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(
                EventMetadata.REQUEST_ID, EventMetadata.API_KEY_ID, EventMetadata.ORGANIZATION_ID);
    }

    /** Keeps the correlation and trace ids that Axon adds when no other provider is declared. */
    @Bean
    CorrelationDataProvider originCorrelationDataProvider() {
        return new MessageOriginProvider();
    }
}
