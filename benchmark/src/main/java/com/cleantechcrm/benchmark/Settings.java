package com.cleantechcrm.benchmark;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/** The addresses of the running system and the report file, from the command line and the environment. */
record Settings(
        Plan plan,
        URI gateway,
        String apiKey,
        String kafkaBootstrapServers,
        String databaseHost,
        String databasePort,
        String databaseUser,
        Path stateDirectory,
        Path kafkaToolsLibs,
        Path output,
        String command) {

    static Settings from(String[] args, Map<String, String> env) {
        Plan plan = Plan.FULL;
        Path output = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> plan = Plan.QUICK;
                case "--output" -> output = Path.of(args[++i]);
                default ->
                    throw new IllegalArgumentException(
                            "unknown argument " + args[i] + " (use --quick and --output FILE)");
            }
        }
        String apiKey = env.get("CRM_BENCH_API_KEY");
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException(
                    "CRM_BENCH_API_KEY is not set. Start the benchmark with ./benchmark/run, which sets it.");
        }
        Path state = Path.of(env.getOrDefault("CRM_STATE_DIR", ".crm"));
        return new Settings(
                plan,
                URI.create(env.getOrDefault("CRM_BENCH_GATEWAY_URL", "http://127.0.0.1:8080")),
                apiKey,
                env.getOrDefault("CRM_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
                env.getOrDefault("CRM_DB_HOST", "127.0.0.1"),
                env.getOrDefault("CRM_DB_PORT", "5432"),
                env.getOrDefault("CRM_DB_USER", "postgres"),
                state,
                Path.of(env.getOrDefault(
                        "CRM_BENCH_KAFKA_LIBS",
                        state.resolve("benchmark/kafka-libs").toString())),
                output != null
                        ? output
                        : Path.of(plan == Plan.QUICK ? "benchmark/target/BENCHMARKS-quick.md" : "BENCHMARKS.md"),
                env.getOrDefault("CRM_BENCH_COMMAND", "./benchmark/run" + (plan == Plan.QUICK ? " --quick" : "")));
    }
}
