package com.cleantechcrm.query.consumer;

import com.cleantechcrm.events.LeadEventEnvelope;
import com.cleantechcrm.events.LeadEventTypes;
import com.cleantechcrm.events.LeadTopics;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Error handling of the lead-event consumer. A record that cannot be read or contradicts the lead's events goes to
 * the dead-letter topic at once, with the exception in the record headers. A database that is down or busy is
 * retried with exponential backoff until it is reachable again, because skipping the record would lose the event from
 * the read models. Any other failure is retried twice and then dead-lettered, so one bad record cannot stop the
 * partition.
 */
@Configuration(proxyBeanMethods = false)
class LeadEventConsumerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LeadEventConsumerConfiguration.class);

    /** Creates the admin client that the health check and the rebuild share. Spring closes it on shutdown. */
    @Bean(destroyMethod = "close")
    Admin kafkaAdminClient(KafkaAdmin kafkaAdmin) {
        return Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    /**
     * Creates the producer of dead letters. A record whose bytes could not be deserialized is republished as the
     * original bytes. A record that was read but rejected is republished as its envelope.
     */
    @Bean
    KafkaTemplate<Object, Object> deadLetterKafkaTemplate(KafkaProperties properties) {
        Map<Class<?>, Serializer<?>> serializers = new LinkedHashMap<>();
        serializers.put(byte[].class, new ByteArraySerializer());
        serializers.put(String.class, new StringSerializer());
        serializers.put(LeadEventEnvelope.class, new LeadEventEnvelopeSerializer());
        DefaultKafkaProducerFactory<Object, Object> factory = new DefaultKafkaProducerFactory<>(
                properties.buildProducerProperties(null),
                new DelegatingByTypeSerializer(serializers),
                new DelegatingByTypeSerializer(serializers));
        return new KafkaTemplate<>(factory);
    }

    @Bean
    CommonErrorHandler leadEventErrorHandler(
            KafkaTemplate<Object, Object> deadLetterKafkaTemplate, EventOutcomeMetrics metrics) {
        // A negative partition lets the producer choose, so the dead-letter topic needs no particular partition count.
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(
                deadLetterKafkaTemplate,
                (record, exception) -> new TopicPartition(LeadTopics.LEAD_EVENTS_DEAD_LETTER, -1));
        ConsumerRecordRecoverer recoverer = (record, exception) -> {
            publisher.accept(record, exception);
            metrics.recordDeadLettered();
            log.error(
                    "Sent the record at offset {} of partition {} with key {} to the dead-letter topic {} because it failed: {}",
                    record.offset(),
                    record.partition(),
                    record.key(),
                    LeadTopics.LEAD_EVENTS_DEAD_LETTER,
                    rootMessage(exception));
        };

        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(1_000L, 2));
        handler.addNotRetryableExceptions(LeadEventTypes.UnreadableEventException.class, RejectedEventException.class);
        handler.setBackOffFunction(LeadEventConsumerConfiguration::backOffFor);
        return handler;
    }

    /** Retries database outages without limit. Returns null for every other failure, which selects the default backoff. */
    private static BackOff backOffFor(ConsumerRecord<?, ?> record, Exception exception) {
        if (!isTransientDatabaseFailure(exception)) {
            return null;
        }
        ExponentialBackOff backOff = new ExponentialBackOff(500L, 2.0);
        backOff.setMaxInterval(30_000L);
        return backOff;
    }

    static boolean isTransientDatabaseFailure(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
