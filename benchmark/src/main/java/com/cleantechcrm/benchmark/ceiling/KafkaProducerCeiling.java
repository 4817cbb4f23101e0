package com.cleantechcrm.benchmark.ceiling;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many records per second the local broker takes: Kafka's own {@code ProducerPerformance} tool, from the broker
 * jars {@code ./crm} runs, with {@code acks=all} and records the size of a lead-event envelope, to a topic of its own.
 */
public final class KafkaProducerCeiling {

    public static final String TOPIC = "bench.producer-performance";

    // "200000 records sent, 41000.1 records/sec (31.2 MB/sec), 350.2 ms avg latency, 900.0 ms max latency,
    //  310 ms 50th, 800 ms 95th, 880 ms 99th, 899 ms 99.9th."
    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([0-9.]+) records/sec \\(([0-9.]+) MB/sec\\), ([0-9.]+) ms avg latency,"
                    + " ([0-9.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");

    private final Path kafkaLibs;
    private final String bootstrapServers;

    public KafkaProducerCeiling(Path kafkaLibs, String bootstrapServers) {
        this.kafkaLibs = kafkaLibs;
        this.bootstrapServers = bootstrapServers;
    }

    public CeilingResult run(long records, int recordBytes) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String output = Processes.run(
                List.of(
                        java,
                        "-Xmx512m",
                        "-cp",
                        kafkaLibs.resolve("*").toString(),
                        "org.apache.kafka.tools.ProducerPerformance",
                        "--topic",
                        TOPIC,
                        "--num-records",
                        Long.toString(records),
                        "--record-size",
                        Integer.toString(recordBytes),
                        "--throughput",
                        "-1",
                        "--producer-props",
                        "bootstrap.servers=" + bootstrapServers,
                        "acks=all"),
                600);
        // Only the final line carries percentiles, so it is the one that matches.
        Matcher last = SUMMARY.matcher(output);
        if (!last.find()) {
            throw new IllegalStateException("ProducerPerformance printed no summary:\n" + output);
        }
        return new CeilingResult(
                "Kafka ProducerPerformance, acks=all, " + recordBytes + " B records",
                Double.parseDouble(last.group(2)),
                Double.parseDouble(last.group(4)),
                Double.parseDouble(last.group(8)));
    }
}
