package com.cleantechcrm.benchmark.load;

import com.cleantechcrm.benchmark.stats.EndpointSummary;
import com.cleantechcrm.benchmark.stats.LatencyRecorder;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Measures projection lag while a load runs: the time from a write's acknowledgement until the read side shows it.
 * Each probe thread writes (a lead creation, then compliance changes of that lead), and as soon as the write is
 * acknowledged it reads the lead with {@code X-Min-Position: <version>}, which the query service answers once it has
 * applied that version (it checks every 25 ms, for at most 5 s). The lag is the time from the write's response to the
 * read's response, so it is an upper bound that includes up to 25 ms of the query service's polling and one read
 * round trip. A read that comes back with an older version counts as an error ("not visible within 5 s").
 */
public final class LagProbe implements AutoCloseable {

    private static final long PAUSE_MILLIS = 50;
    private static final int CHANGES_PER_LEAD = 5;

    private final GatewayClient gateway;
    private final Calls calls;
    private final LatencyRecorder lag = new LatencyRecorder("projection lag");
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    public LagProbe(GatewayClient gateway, Calls calls, int threadCount) {
        this.gateway = gateway;
        this.calls = calls;
        for (int i = 0; i < threadCount; i++) {
            Thread thread = new Thread(this::probe, "lag-probe-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void probe() {
        UUID lead = null;
        long version = 0;
        while (running) {
            try {
                HttpResponse<String> write;
                boolean creating = lead == null || version >= CHANGES_PER_LEAD;
                if (creating) {
                    write = gateway.send(calls.createLead().request());
                } else {
                    write = gateway.send(calls.complianceOf(lead));
                }
                long acknowledged = System.nanoTime();
                int status = write.statusCode();
                if (status != 200 && status != 201) {
                    lag.notSent("write HTTP " + status);
                    lead = null;
                    continue;
                }
                if (creating) {
                    lead = calls.idOf(write);
                }
                version = calls.field(write, "version").asLong(0);
                HttpResponse<String> read = gateway.send(calls.readAtLeast(lead, version));
                long shown = System.nanoTime();
                if (read.statusCode() == 404) {
                    // The query service waited its maximum for the lead and still had not applied its creation.
                    lag.failure(shown - acknowledged, "not visible within 5 s");
                } else if (read.statusCode() != 200) {
                    lag.failure(shown - acknowledged, "read HTTP " + read.statusCode());
                } else if (calls.field(read, "version").asLong(-1) < version) {
                    lag.failure(shown - acknowledged, "not visible within 5 s");
                } else {
                    lag.success(shown - acknowledged);
                }
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                lag.notSent(e.getClass().getSimpleName());
                lead = null;
            }
        }
    }

    /** Stops the probes and summarises the lag over {@code seconds}; throughput is samples per second. */
    public EndpointSummary stop(double seconds) throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        return lag.summarise(seconds);
    }

    @Override
    public void close() {
        running = false;
    }
}
