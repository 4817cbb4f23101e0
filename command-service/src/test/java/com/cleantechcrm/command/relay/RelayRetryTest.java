package com.cleantechcrm.command.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.command.support.CommandServiceIntegrationTest;
import com.cleantechcrm.events.LeadTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * Makes Kafka reject the relay's records for a while and checks that the relay retries the event instead of skipping
 * it. The topic's {@code max.message.bytes} is lowered below the size of any lead event, so the broker rejects every
 * send with a real error, and is restored afterwards.
 */
class RelayRetryTest extends CommandServiceIntegrationTest {

    /** Smaller than any lead event envelope, which carries ids, metadata and the event JSON. */
    private static final String TOO_SMALL_MAX_MESSAGE_BYTES = "64";

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration REJECTION_PERIOD = Duration.ofSeconds(3);

    @Value("${spring.embedded.kafka.brokers}")
    private String brokers;

    @Test
    void retriesRejectedEventUntilKafkaAccepts() throws Exception {
        UUID leadId;
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", brokers));
                RecordArrivals arrivals = RecordArrivals.start(brokers)) {
            setMaxMessageBytes(admin, TOO_SMALL_MAX_MESSAGE_BYTES);
            try {
                leadId = createLead(validLead(randomEmail()));

                // The broker rejects every send meanwhile, so the relay keeps failing on this event.
                Thread.sleep(REJECTION_PERIOD.toMillis());
                assertThat(arrivals.hasArrived(leadId, 0))
                        .as("event arrived while Kafka rejected it")
                        .isFalse();
            } finally {
                setMaxMessageBytes(admin, null);
            }

            // A relay that skipped the failed event would never send it again.
            arrivals.await(leadId, 0, TIMEOUT);
        }
    }

    @Test
    void resendsWholeBatchAfterRejectionWithoutLosingEvents() throws Exception {
        List<UUID> leadIds = new ArrayList<>();
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", brokers));
                RecordArrivals arrivals = RecordArrivals.start(brokers)) {
            setMaxMessageBytes(admin, TOO_SMALL_MAX_MESSAGE_BYTES);
            try {
                // Several events stored while Kafka rejects records end up in one or more relay batches.
                for (int i = 0; i < 5; i++) {
                    UUID leadId = createLead(validLead(randomEmail()));
                    assertThat(post("/leads/" + leadId + "/lifecycle", Map.of("stage", "MQL"))
                                    .statusCode())
                            .isEqualTo(200);
                    leadIds.add(leadId);
                }
                Thread.sleep(REJECTION_PERIOD.toMillis());
                for (UUID leadId : leadIds) {
                    assertThat(arrivals.hasArrived(leadId, 0))
                            .as("event of lead %s arrived while Kafka rejected it", leadId)
                            .isFalse();
                }
            } finally {
                setMaxMessageBytes(admin, null);
            }

            for (UUID leadId : leadIds) {
                arrivals.await(leadId, 0, TIMEOUT);
                arrivals.await(leadId, 1, TIMEOUT);
            }
        }
    }

    /** Sets the topic's {@code max.message.bytes}, or removes the override when {@code value} is null. */
    private static void setMaxMessageBytes(AdminClient admin, String value) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, LeadTopics.LEAD_EVENTS);
        AlterConfigOp operation = value == null
                ? new AlterConfigOp(
                        new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, ""), AlterConfigOp.OpType.DELETE)
                : new AlterConfigOp(
                        new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, value), AlterConfigOp.OpType.SET);
        admin.incrementalAlterConfigs(Map.of(topic, List.of(operation))).all().get();
    }
}
