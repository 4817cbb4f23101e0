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

    // Not final: the shutdown hook, registered first, reads them while the constructor may still be setting them.
    private volatile PrivatePostgres postgres;
    private volatile KafkaBrokerProcess broker;
    private volatile RunningSystem services;
    private ApiClient client;
    private ReadModelConsistency consistency;

    private FaultSystem() throws Exception {
        Path work = RunningSystem.projectRoot().resolve("system-tests/target/fault-system");
        // One hook stops the parts in order, services first, so that none of them logs the database's or the
        // broker's disappearance as an error on the way out.
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
        postgres = PrivatePostgres.create(work.resolve("postgres"), RunningSystem.freePort());
        postgres.createDatabase("faults");

        broker = KafkaBrokerProcess.create(work.resolve("kafka"), RunningSystem.freePort(), RunningSystem.freePort());

        RunningSystem.Backends backends = new RunningSystem.Backends(
                postgres.jdbcUrl("faults"), broker.bootstrapServers(), "fault", rateLimitOverrides());
        services = RunningSystem.start(backends);

        client = new ApiClient(
                services.gatewayUrl(), services.createKey(ORGANIZATION, "leads:read,leads:write,stats:read"));
        consistency = new ReadModelConsistency(backends, client);
    }

    /** Stops whatever part of the system has started: the services, then the broker, then PostgreSQL. */
    private void stop() {
        if (services != null) {
            services.stop();
        }
        if (broker != null) {
            broker.stop();
        }
        if (postgres != null) {
            postgres.stopQuietly();
        }
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
