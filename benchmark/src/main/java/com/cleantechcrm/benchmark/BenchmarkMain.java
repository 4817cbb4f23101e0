package com.cleantechcrm.benchmark;

import com.cleantechcrm.benchmark.ceiling.CeilingResult;
import com.cleantechcrm.benchmark.ceiling.KafkaProducerCeiling;
import com.cleantechcrm.benchmark.ceiling.PgBenchCeiling;
import com.cleantechcrm.benchmark.load.Calls;
import com.cleantechcrm.benchmark.load.ClosedLoopRun;
import com.cleantechcrm.benchmark.load.GatewayClient;
import com.cleantechcrm.benchmark.load.LagProbe;
import com.cleantechcrm.benchmark.load.LeadPool;
import com.cleantechcrm.benchmark.load.OpenLoopRun;
import com.cleantechcrm.benchmark.load.Workload;
import com.cleantechcrm.benchmark.machine.Machine;
import com.cleantechcrm.benchmark.machine.ResidentMemory;
import com.cleantechcrm.benchmark.rebuild.RebuildTimer;
import com.cleantechcrm.benchmark.rebuild.TopicSeeder;
import com.cleantechcrm.benchmark.rebuild.TopicSize;
import com.cleantechcrm.benchmark.report.LoadResult;
import com.cleantechcrm.benchmark.report.MarkdownReport;
import com.cleantechcrm.benchmark.report.Results;
import com.cleantechcrm.benchmark.stats.EndpointSummary;
import com.cleantechcrm.benchmark.stats.Medians;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives the running system through the gateway and writes the report. The order: a warm-up that also creates the
 * leads later calls use, the closed-loop runs, the open-loop runs, memory, the infrastructure ceilings, and last the
 * rebuild, which empties the read models.
 */
public final class BenchmarkMain {

    private final Settings settings;
    private final Plan plan;
    private final Results results = new Results();

    private BenchmarkMain(Settings settings) {
        this.settings = settings;
        this.plan = settings.plan();
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.from(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("benchmark: " + e.getMessage());
            System.exit(2);
            return;
        }
        new BenchmarkMain(settings).run();
        System.exit(0);
    }

    private void run() throws Exception {
        long start = System.nanoTime();
        results.machine = Machine.describe();
        results.planName = plan.name();
        results.repetitions = plan.repetitions();
        results.maxInFlight = plan.maxInFlight();
        results.drainSeconds = plan.openLoopDrain().toSeconds();
        results.command = settings.command();
        results.startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        log("Machine: " + results.machine);

        String runId = Long.toString(System.currentTimeMillis(), 36);
        try (GatewayClient gateway = new GatewayClient(settings.gateway(), settings.apiKey())) {
            Calls calls = new Calls(gateway, new LeadPool(), runId);
            ClosedLoopRun closed = new ClosedLoopRun(gateway, calls);
            OpenLoopRun open = new OpenLoopRun(gateway, calls, plan.maxInFlight(), plan.openLoopDrain());

            log("Warm-up: mixed load, 8 clients, " + plan.closedLoopDuration().toSeconds() + " s");
            closed.run(Workload.MIXED, 8, plan.closedLoopDuration());

            for (Workload workload : List.of(Workload.MIXED, Workload.WRITES, Workload.READS)) {
                for (int clients : plan.concurrencies()) {
                    boolean probe = workload != Workload.READS;
                    results.loads.add(repeat(
                            workload,
                            false,
                            clients,
                            0,
                            probe,
                            gateway,
                            calls,
                            () -> closed.run(workload, clients, plan.closedLoopDuration())));
                }
            }
            record OpenRun(Workload workload, double rate, boolean probe) {}
            for (OpenRun run : List.of(
                    new OpenRun(Workload.CREATES, plan.writeRate(), true),
                    new OpenRun(Workload.GROWTH, plan.growthRate(), false),
                    new OpenRun(Workload.MIXED, plan.mixedRate(), true))) {
                results.loads.add(repeat(
                        run.workload(),
                        true,
                        0,
                        run.rate(),
                        run.probe(),
                        gateway,
                        calls,
                        () -> open.run(run.workload(), run.rate(), plan.openLoopDuration())));
            }

            results.loadAverageAtMemory = Machine.loadAverage();
            results.residentMiB.putAll(
                    ResidentMemory.of(settings.stateDirectory().resolve("run")));
            log("Resident memory at the end of the load: " + results.residentMiB);

            attempt("pgbench ceiling", this::measurePgbench);
            attempt("Kafka producer ceiling", this::measureKafka);
            attempt("rebuild", () -> measureRebuild(gateway));
        }
        results.minutes = (System.nanoTime() - start) / 60e9;
        Files.createDirectories(settings.output().toAbsolutePath().getParent());
        Files.writeString(settings.output(), new MarkdownReport(results).render());
        log("Wrote " + settings.output() + " after " + String.format("%.1f", results.minutes) + " minutes.");
    }

    private interface Measurement {
        List<EndpointSummary> run() throws Exception;
    }

    private interface Step {
        void run() throws Exception;
    }

    private LoadResult repeat(
            Workload workload,
            boolean openLoop,
            int clients,
            double rate,
            boolean probe,
            GatewayClient gateway,
            Calls calls,
            Measurement measurement)
            throws Exception {
        String loadBefore = Machine.loadAverage();
        List<List<EndpointSummary>> repetitions = new ArrayList<>();
        List<List<EndpointSummary>> lags = new ArrayList<>();
        List<Double> totals = new ArrayList<>();
        for (int i = 1; i <= plan.repetitions(); i++) {
            log(String.format(
                    "%s, %s loop, %s, repetition %d of %d (load %s)",
                    workload.name(),
                    openLoop ? "open" : "closed",
                    openLoop ? rate + " req/s" : clients + " clients",
                    i,
                    plan.repetitions(),
                    Machine.loadAverage()));
            LagProbe lagProbe = probe ? new LagProbe(gateway, calls, plan.lagProbes()) : null;
            long started = System.nanoTime();
            List<EndpointSummary> summaries = measurement.run();
            if (lagProbe != null) {
                lags.add(List.of(lagProbe.stop((System.nanoTime() - started) / 1e9)));
            }
            repetitions.add(summaries);
            totals.add(summaries.get(summaries.size() - 1).throughputPerSecond());
            log("  all calls: " + describe(summaries.get(summaries.size() - 1)));
        }
        EndpointSummary lag = lags.isEmpty() ? null : Medians.combine(lags).get(0);
        return new LoadResult(
                workload.name(), openLoop, clients, rate, loadBefore, Medians.combine(repetitions), lag, totals);
    }

    private void measurePgbench() throws Exception {
        PgBenchCeiling pgbench =
                new PgBenchCeiling(settings.databaseHost(), settings.databasePort(), settings.databaseUser());
        EventSamples sample = EventSamples.leadCreated();
        results.eventPayloadBytes = sample.payload().length();
        results.envelopeBytes = sample.envelopeBytes();
        Path work = Files.createTempDirectory("crm-benchmark");
        Path script = pgbench.prepare(sample.payload(), sample.metadata(), work);
        for (int clients : List.of(1, 8, 32)) {
            List<CeilingResult> runs = new ArrayList<>();
            for (int i = 0; i < plan.repetitions(); i++) {
                log("pgbench, " + clients + " clients, repetition " + (i + 1));
                runs.add(pgbench.run(script, clients, plan.pgbenchSeconds()));
            }
            results.pgbench.put(clients, medianOf(runs));
        }
    }

    private void measureKafka() throws Exception {
        KafkaProducerCeiling kafka =
                new KafkaProducerCeiling(settings.kafkaToolsLibs(), settings.kafkaBootstrapServers());
        int recordBytes = results.envelopeBytes > 0
                ? results.envelopeBytes
                : EventSamples.leadCreated().envelopeBytes();
        List<CeilingResult> runs = new ArrayList<>();
        for (int i = 0; i < plan.repetitions(); i++) {
            log("Kafka ProducerPerformance, repetition " + (i + 1));
            runs.add(kafka.run(plan.kafkaRecords(), recordBytes));
        }
        results.kafka = medianOf(runs);
    }

    private void measureRebuild(GatewayClient gateway) throws Exception {
        long inTopic = TopicSize.events(settings.kafkaBootstrapServers());
        if (inTopic < plan.rebuildEvents()) {
            log("Seeding " + (plan.rebuildEvents() - inTopic) + " events into the topic (it holds " + inTopic + ")");
            long started = System.nanoTime();
            results.seededEvents =
                    new TopicSeeder(settings.kafkaBootstrapServers()).produce(plan.rebuildEvents() - inTopic);
            results.seedSeconds = (System.nanoTime() - started) / 1e9;
            inTopic = TopicSize.events(settings.kafkaBootstrapServers());
        }
        log("Rebuilding the read models from " + inTopic + " events (limit "
                + plan.rebuildLimit().toSeconds() + " s)");
        results.rebuild = new RebuildTimer(gateway).run(inTopic, plan.rebuildLimit());
        log("Rebuild: " + results.rebuild);
    }

    private void attempt(String name, Step step) {
        try {
            step.run();
        } catch (Exception e) {
            results.problems.add(name + " failed: " + e.getMessage());
            log(name + " failed: " + e);
        }
    }

    private static CeilingResult medianOf(List<CeilingResult> runs) {
        return new CeilingResult(
                runs.get(0).name(),
                Medians.median(runs.stream().map(CeilingResult::perSecond).toList()),
                Medians.median(runs.stream().map(CeilingResult::averageMillis).toList()),
                Medians.median(runs.stream().map(CeilingResult::p99Millis).toList()));
    }

    private static String describe(EndpointSummary s) {
        return String.format(
                "%.0f/s, p50 %.1f ms, p99 %.1f ms, errors %d %s",
                s.throughputPerSecond(), s.p50Millis(), s.p99Millis(), s.errors(), s.errorsByReason());
    }

    private static void log(String message) {
        System.out.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + message);
    }
}
