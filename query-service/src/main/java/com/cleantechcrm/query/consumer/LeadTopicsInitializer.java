package com.cleantechcrm.query.consumer;

import com.cleantechcrm.events.LeadTopics;
import com.cleantechcrm.support.kafka.KafkaTopicCreator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates the lead-event topic and its dead-letter topic when they are missing, before the listener starts. When
 * Kafka is unreachable the service still starts, and the consumer waits for the topic.
 */
@Component
class LeadTopicsInitializer implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(LeadTopicsInitializer.class);

    private final KafkaTopicCreator topicCreator;

    LeadTopicsInitializer(KafkaTopicCreator topicCreator) {
        this.topicCreator = topicCreator;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!topicCreator.createMissing(List.of(LeadTopics.LEAD_EVENTS, LeadTopics.LEAD_EVENTS_DEAD_LETTER))) {
            log.warn("The lead-event topics could not be checked or created, so the consumer waits until they exist.");
        }
    }
}
