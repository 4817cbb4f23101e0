package com.cleantechcrm.query.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.events.LeadTopics;
import com.cleantechcrm.query.support.QueryServiceIntegrationTest;
import java.util.List;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class LeadTopicsIntegrationTest extends QueryServiceIntegrationTest {

    @Test
    void leadEventTopicKeepsEventsForever() throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, LeadTopics.LEAD_EVENTS);

        Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
        int partitions = admin.describeTopics(List.of(LeadTopics.LEAD_EVENTS))
                .allTopicNames()
                .get()
                .get(LeadTopics.LEAD_EVENTS)
                .partitions()
                .size();

        assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
        assertThat(partitions).isEqualTo(3);
    }
}
