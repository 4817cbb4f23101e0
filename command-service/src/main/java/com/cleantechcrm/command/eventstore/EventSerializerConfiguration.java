package com.cleantechcrm.command.eventstore;

import com.cleantechcrm.events.EventJson;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Serializes events, messages, tokens and snapshots as JSON with the shared event mapper, so that the stored payload
 * is the same JSON the Kafka envelope carries. The bean names and qualifiers are the ones Axon's Spring Boot
 * auto-configuration looks for before it creates its own XStream serializers. Default typing stays off: the payload
 * type is stored in its own column, never inside the JSON.
 */
@Configuration(proxyBeanMethods = false)
class EventSerializerConfiguration {

    @Bean
    @Primary
    Serializer serializer() {
        return newJsonSerializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return newJsonSerializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return newJsonSerializer();
    }

    private static Serializer newJsonSerializer() {
        return JacksonSerializer.builder()
                .objectMapper(EventJson.newObjectMapper())
                .revisionResolver(new AnnotationRevisionResolver())
                .build();
    }
}
