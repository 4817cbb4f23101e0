package com.cleantechcrm.benchmark.report;

import com.cleantechcrm.benchmark.load.Endpoint;
import com.cleantechcrm.benchmark.stats.EndpointSummary;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Renders the results as BENCHMARKS.md: targets first, then every figure with the machine it came from. */
public final class MarkdownReport {

    private static final double WRITE_TARGET = 1500;
    private static final double WRITE_P99_TARGET = 50;
    private static final double LAG_P99_TARGET = 250;
    private static final double GROWTH_P99_TARGET = 10;
    private static final double GROWTH_RATE_TARGET = 2000;
    private static final double REBUILD_TARGET = 20_000;
    private static final double RSS_TARGET = 256;

    private final Results r;
    private final StringBuilder out = new StringBuilder();

    public MarkdownReport(Results results) {
        this.r = results;
    }

    public String render() {
        line("# Benchmarks");
        line("");
        line("Produced by `" + r.command + "` (" + r.planName + " plan, " + r.repetitions
                + " repetition(s) of each setting, medians shown) on " + r.startedAt + ", in "
                + f1(r.minutes) + " minutes. The load generator runs on the same machine as the system, and the "
                + "machine is shared with other work, so every figure depends on what else ran; the load average "
                + "before each part is printed beside it.");
        line("");
        line("Machine: " + r.machine.processors() + " CPUs (`nproc`), " + r.machine.cpu() + ", "
                + r.machine.memoryMebibytes() + " MiB memory, " + r.machine.javaVersion()
                + ". Load average (1/5/15 min) "
                + "before the run: " + r.machine.loadAverageBefore() + ".");
        line("");
        targets();
        closedLoops();
        openLoops();
        lag();
        ceilings();
        rebuild();
        memory();
        method();
        if (!r.problems.isEmpty()) {
            line("## Parts that failed");
            line("");
            r.problems.forEach(p -> line("- " + p));
            line("");
        }
        return out.toString();
    }

    private void targets() {
        line("## Targets");
        line("");
        line("| target | measured | verdict |");
        line("| --- | --- | --- |");
        LoadResult writes = open("lead creates");
        if (writes != null) {
            EndpointSummary w = writes.total();
            boolean met = w.throughputPerSecond() >= WRITE_TARGET * 0.99 && w.p99Millis() <= WRITE_P99_TARGET;
            line("| lead writes through the gateway ≥ 1,500/s with p99 ≤ 50 ms (open loop at " + writes.level()
                    + ") | " + f0(w.throughputPerSecond()) + " successful/s, p99 " + f1(w.p99Millis())
                    + " ms from the scheduled time, " + w.errors() + " errors | " + verdict(met) + " |");
        }
        LoadResult bestWrites = r.loads.stream()
                .filter(l -> !l.openLoop() && l.workload().equals("writes only"))
                .max(Comparator.comparingDouble(l -> l.total().throughputPerSecond()))
                .orElse(null);
        if (bestWrites != null) {
            EndpointSummary w = bestWrites.total();
            line("| the same, closed loop (best concurrency) | " + f0(w.throughputPerSecond()) + " writes/s at "
                    + bestWrites.level() + ", p99 " + f1(w.p99Millis()) + " ms | "
                    + verdict(w.throughputPerSecond() >= WRITE_TARGET && w.p99Millis() <= WRITE_P99_TARGET) + " |");
        }
        if (writes != null && writes.lag() != null) {
            EndpointSummary lag = writes.lag();
            line("| projection lag at that load p99 ≤ 250 ms | p99 " + f1(lag.p99Millis()) + " ms (p50 "
                    + f1(lag.p50Millis()) + " ms, " + lag.calls() + " samples, " + lag.errors() + " errors) | "
                    + verdict(lag.p99Millis() <= LAG_P99_TARGET && lag.errors() == 0 && lag.calls() > 0) + " |");
        }
        LoadResult growth = open("growth statistics");
        if (growth != null) {
            EndpointSummary g = growth.total();
            boolean met = growth.rate() >= GROWTH_RATE_TARGET
                    && g.throughputPerSecond() >= GROWTH_RATE_TARGET * 0.99
                    && g.p99Millis() <= GROWTH_P99_TARGET;
            line("| `GET /leads/stats/growth` p99 ≤ 10 ms at 2,000 requests/s (open loop at " + growth.level()
                    + ") | " + f0(g.throughputPerSecond()) + " successful/s, p99 " + f1(g.p99Millis()) + " ms, "
                    + g.errors() + " errors | " + verdict(met) + " |");
        }
        if (r.rebuild != null) {
            line("| rebuild ≥ 20,000 events/s | " + f0(r.rebuild.eventsPerSecond()) + " events/s ("
                    + r.rebuild.state().toLowerCase(Locale.ROOT) + ") | "
                    + verdict(r.rebuild.eventsPerSecond() >= REBUILD_TARGET) + " |");
        }
        r.residentMiB.forEach((service, mib) -> {
            if (!service.equals("kafka")) {
                line("| resident memory of " + service + " at load ≤ 256 MiB | " + f0(mib) + " MiB | "
                        + verdict(mib <= RSS_TARGET) + " |");
            }
        });
        line("");
        long missed =
                out.toString().lines().filter(l -> l.endsWith("| **missed** |")).count();
        line(missed == 0 ? "Every target measured here is met." : missed + " of the figures above miss their target.");
        line("");
    }

    private void closedLoops() {
        line("## Closed loop");
        line("");
        line("Each client sends its next request as soon as the previous one is answered; latency is from send to "
                + "response.");
        line("");
        r.loads.stream().filter(l -> !l.openLoop()).forEach(this::loadTable);
    }

    private void openLoops() {
        line("## Open loop");
        line("");
        line("Requests start on a fixed timetable whatever the answers; latency is measured from the scheduled "
                + "start, so time spent waiting behind a slow system counts. At most " + r.maxInFlight
                + " requests are in flight: a request that would exceed that is an error (`not sent: in-flight "
                + "limit`) and is left out of the percentiles. A request still unanswered " + r.drainSeconds
                + " s after the last was scheduled is an error too (`no answer within the drain time`), with its "
                + "latency so far. Throughput is successful answers over the time from the first scheduled request "
                + "to the last answer.");
        line("");
        r.loads.stream().filter(LoadResult::openLoop).forEach(this::loadTable);
    }

    private void loadTable(LoadResult load) {
        line("### " + load.workload() + ", " + load.level());
        line("");
        line("Load average before: " + load.loadAverageBefore() + ". Throughput of all calls in each repetition: "
                + load.totalThroughputs().stream().map(MarkdownReport::f0).collect(Collectors.joining(", "))
                + " per second.");
        line("");
        line("| endpoint | calls | successful/s | p50 ms | p95 ms | p99 ms | max ms | errors |");
        line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        for (EndpointSummary e : load.endpoints()) {
            line("| " + e.endpoint() + " | " + e.calls() + " | " + f0(e.throughputPerSecond()) + " | "
                    + f1(e.p50Millis()) + " | " + f1(e.p95Millis()) + " | " + f1(e.p99Millis()) + " | "
                    + f1(e.maxMillis()) + " | " + errors(e) + " |");
        }
        line("");
    }

    private void lag() {
        line("## Projection lag");
        line("");
        line("Time from a write's acknowledgement until a read of the lead shows it, sampled by probe clients "
                + "while the load runs (see Method).");
        line("");
        line("| load | samples | p50 ms | p95 ms | p99 ms | max ms | not visible / errors |");
        line("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
        r.loads.stream().filter(l -> l.lag() != null).forEach(l -> {
            EndpointSummary lag = l.lag();
            line("| " + l.workload() + ", " + (l.openLoop() ? "open loop " : "closed loop ") + l.level()
                    + " | " + lag.calls() + " | " + f1(lag.p50Millis()) + " | " + f1(lag.p95Millis()) + " | "
                    + f1(lag.p99Millis()) + " | " + f1(lag.maxMillis()) + " | " + errors(lag) + " |");
        });
        line("");
    }

    private void ceilings() {
        line("## Ceilings: the infrastructure alone");
        line("");
        line("`pgbench` inserts one row per transaction of the shape of Axon's `domain_event_entry` (same columns, "
                + "sequence and unique keys; a " + r.eventPayloadBytes + "-byte JSON payload of a lead creation and "
                + "its metadata) into database `bench_pgbench`, with the server's default durability, as the services "
                + "use it. Kafka's `ProducerPerformance` (from the broker jars `./crm` runs) sends "
                + r.envelopeBytes + "-byte records, the size of a lead-creation envelope, with `acks=all`.");
        line("");
        line("| ceiling | per second | average ms | p99 ms | product at the same concurrency | product / ceiling |");
        line("| --- | ---: | ---: | ---: | --- | ---: |");
        r.pgbench.forEach((clients, c) -> {
            LoadResult writes = r.loads.stream()
                    .filter(l -> !l.openLoop() && l.workload().equals("writes only") && l.clients() == clients)
                    .findFirst()
                    .orElse(null);
            String product = writes == null
                    ? "not measured"
                    : f0(writes.total().throughputPerSecond()) + " writes/s through the gateway (writes only, "
                            + writes.level() + ")";
            String ratio = writes == null ? "" : pct(writes.total().throughputPerSecond() / c.perSecond());
            line("| " + c.name() + " | " + f0(c.perSecond()) + " | " + f2(c.averageMillis()) + " | n/a | " + product
                    + " | " + ratio + " |");
        });
        if (r.kafka != null) {
            LoadResult best = r.loads.stream()
                    .filter(l -> !l.openLoop() && l.workload().equals("writes only"))
                    .max(Comparator.comparingDouble(l -> l.total().throughputPerSecond()))
                    .orElse(null);
            String product = best == null
                    ? "not measured"
                    : f0(best.total().throughputPerSecond())
                            + " events/s stored and relayed (best writes-only run, one event per write)";
            String ratio = best == null ? "" : pct(best.total().throughputPerSecond() / r.kafka.perSecond());
            line("| " + r.kafka.name() + " | " + f0(r.kafka.perSecond()) + " | " + f1(r.kafka.averageMillis()) + " | "
                    + f1(r.kafka.p99Millis()) + " | " + product + " | " + ratio + " |");
        }
        line("");
    }

    private void rebuild() {
        line("## Rebuild");
        line("");
        if (r.rebuild == null) {
            line("Not measured (see Parts that failed).");
            line("");
            return;
        }
        if (r.seededEvents > 0) {
            line("Producing a million events through the API would take too long on this machine, so "
                    + r.seededEvents + " valid lead events (a creation and two to five follow-ups per lead, in the "
                    + "relay's envelope, keyed by lead id, for an organisation of their own) were written straight "
                    + "to the topic with a Kafka producer, in " + f1(r.seedSeconds) + " s. The topic also holds the "
                    + "events of the load above and of earlier runs.");
        } else {
            line("The topic already held enough events from earlier runs (seeded straight into the topic with a Kafka "
                    + "producer, plus the events of the load runs), so none were added.");
        }
        line("");
        line("| events in topic | consumed | applied | dead-lettered | seconds | state | events/s |");
        line("| ---: | ---: | ---: | ---: | ---: | --- | ---: |");
        line("| " + r.rebuild.eventsInTopic() + " | " + r.rebuild.eventsConsumed() + " | " + r.rebuild.eventsApplied()
                + " | " + r.rebuild.eventsDeadLettered() + " | " + f1(r.rebuild.seconds()) + " | "
                + r.rebuild.state() + " | " + f0(r.rebuild.eventsPerSecond()) + " |");
        line("");
        if (!r.rebuild.state().equals("COMPLETED")) {
            line("The rebuild had not finished when the benchmark's time limit ran out; the rate is over the part it "
                    + "did, and the rebuild goes on in the query service.");
            line("");
        }
    }

    private void memory() {
        line("## Memory");
        line("");
        line("Resident set size (`VmRSS` from `/proc/<pid>/status`) right after the last load run (load average "
                + r.loadAverageAtMemory + "):");
        line("");
        line("| component | MiB |");
        line("| --- | ---: |");
        r.residentMiB.forEach((component, mib) -> line("| " + component + " | " + f0(mib) + " |"));
        line("");
    }

    private void method() {
        line("## Method");
        line("");
        line("- The driver (`benchmark/`, Java, JDK `HttpClient` over HTTP/1.1 with kept-alive connections) calls the "
                + "gateway with its own organisation `benchmark` and key, as a client would. Latencies go into "
                + "HdrHistogram (1 µs to 5 min, 3 significant digits). Any status but 2xx is an error, 429 included.");
        line("- Mixed load: " + weights(com.cleantechcrm.benchmark.load.Workload.MIXED.weights()) + ". Writes only: "
                + weights(com.cleantechcrm.benchmark.load.Workload.WRITES.weights()) + ". Reads only: "
                + weights(com.cleantechcrm.benchmark.load.Workload.READS.weights()) + ". A change or read picks a "
                + "lead the benchmark created; stage moves go `LEAD → MQL → SQL`, one move per lead at a time.");
        line("- Projection lag: probe clients (2 in the full plan) each write (a creation, then five compliance "
                + "changes of that lead), and right after the acknowledgement read the lead with "
                + "`X-Min-Position: <version>`. The query service answers once it has applied that version, checking "
                + "every 25 ms, so a sample is an upper bound of the lag with a resolution of about 25 ms plus one "
                + "read round trip. Probes pause 50 ms between samples; their writes are not in the load tables.");
        line("- Repetitions: each setting runs " + r.repetitions + " time(s); the tables show the median of each "
                + "figure over the repetitions (so the columns of one row may come from different repetitions).");
        line("- The ceilings run after the load on the same machine, while the services are idle.");
        line("");
    }

    private LoadResult open(String workload) {
        return r.loads.stream()
                .filter(l -> l.openLoop() && l.workload().equals(workload))
                .findFirst()
                .orElse(null);
    }

    private static String weights(Map<Endpoint, Integer> weights) {
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        return weights.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> "`" + e.getKey().label() + "` " + Math.round(100.0 * e.getValue() / total) + " %")
                .collect(Collectors.joining(", "));
    }

    private static String errors(EndpointSummary e) {
        if (e.errors() == 0) {
            return "0";
        }
        return e.errors() + " ("
                + e.errorsByReason().entrySet().stream()
                        .filter(x -> x.getValue() > 0)
                        .map(x -> x.getKey() + ": " + x.getValue())
                        .collect(Collectors.joining(", "))
                + ")";
    }

    private static String verdict(boolean met) {
        return met ? "met" : "**missed**";
    }

    private static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * ratio);
    }

    private static String f0(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String f1(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String f2(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private void line(String text) {
        out.append(Objects.requireNonNull(text)).append('\n');
    }
}
