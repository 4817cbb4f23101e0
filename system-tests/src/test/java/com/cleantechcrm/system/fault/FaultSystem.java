package com.cleantechcrm.system.fault;

import com.cleantechcrm.system.ApiClient;
import com.cleantechcrm.system.RunningSystem;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The system the fault tests break: the three services on a private PostgreSQL cluster and a Kafka broker process,
 * both under {@code target/}, so that killing or restarting them affects no other test. It is started on first use
 * and stopped when the JVM exits. All fault tests act for one organisation.
 */
final class FaultSystem {

    static final String ORGANIZATION = "Fault Tests";

    private static FaultSystem instance;
    private static Exception startFailure;

    private final PrivatePostgres postgres;
    private final KafkaBrokerProcess broker;
    private final RunningSystem services;
    private final ApiClient client;
    private final ReadModelConsistency consistency;

    private FaultSystem() throws Exception {
        Path work = RunningSystem.projectRoot().resolve("system-tests/target/fault-system");
        postgres = PrivatePostgres.create(work.resolve("postgres"), RunningSystem.freePort());
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::stopQuietly));
        postgres.createDatabase("faults");

        broker = KafkaBrokerProcess.create(work.resolve("kafka"), RunningSystem.freePort(), RunningSystem.freePort());
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop));

        RunningSystem.Backends backends = new RunningSystem.Backends(
                postgres.jdbcUrl("faults"), broker.bootstrapServers(), "fault", rateLimitOverrides());
        services = RunningSystem.start(backends);
        Runtime.getRuntime().addShutdownHook(new Thread(services::stop));

        client = new ApiClient(
                services.gatewayUrl(), services.createKey(ORGANIZATION, "leads:read,leads:write,stats:read"));
        consistency = new ReadModelConsistency(backends, client);
    }

    /** Returns the system, started on first use. A failed start fails every later call at once instead of retrying. */
    static synchronized FaultSystem get() throws Exception {
        if (startFailure != null) {
            throw new IllegalStateException("The fault system failed to start before.", startFailure);
        }
        if (instance == null) {
            try {
                instance = new FaultSystem();
            } catch (Exception e) {
                startFailure = e;
                throw e;
            }
        }
        return instance;
    }

    /**
     * Lifts the gateway's rate limits for the fault tests' organisation, which sends thousands of requests a minute.
     * These are the only rate limit settings of the fault tests.
     */
    // NOTE: the gateway has no rate limits yet, so these names of its per-organisation overrides
    // (crm.rate-limits.overrides[i].*) are assumed; rename them here to the ones the gateway reads.
    private static Map<String, String> rateLimitOverrides() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("CRM_RATE_LIMITS_OVERRIDES_0_ORGANIZATION", ORGANIZATION);
        environment.put("CRM_RATE_LIMITS_OVERRIDES_0_PER_KEY_PER_MINUTE", "1000000");
        environment.put("CRM_RATE_LIMITS_OVERRIDES_0_PER_ORGANIZATION_BURST", "1000000");
        environment.put("CRM_RATE_LIMITS_OVERRIDES_0_PER_ORGANIZATION_PER_DAY", "100000000");
        return environment;
    }

    PrivatePostgres postgres() {
        return postgres;
    }

    KafkaBrokerProcess broker() {
        return broker;
    }

    RunningSystem services() {
        return services;
    }

    ApiClient client() {
        return client;
    }

    ReadModelConsistency consistency() {
        return consistency;
    }
}
