package com.cleantechcrm.benchmark.rebuild;

import com.cleantechcrm.events.LeadTopics;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** Counts the records a replay of the lead-event topic reads: the end offset minus the start offset of each partition. */
public final class TopicSize {

    private TopicSize() {}

    public static long events(String bootstrapServers)
            throws ExecutionException, InterruptedException, TimeoutException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            int partitions = admin.describeTopics(java.util.List.of(LeadTopics.LEAD_EVENTS))
                    .allTopicNames()
                    .get(10, TimeUnit.SECONDS)
                    .get(LeadTopics.LEAD_EVENTS)
                    .partitions()
                    .size();
            return offsets(admin, partitions, OffsetSpec.latest()) - offsets(admin, partitions, OffsetSpec.earliest());
        }
    }

    private static long offsets(Admin admin, int partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(LeadTopics.LEAD_EVENTS, p), spec);
        }
        return admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).values().stream()
                .mapToLong(info -> info.offset())
                .sum();
    }
}
