package com.cleantechcrm.benchmark.load;

import com.cleantechcrm.benchmark.stats.EndpointSummary;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixed number of clients, each sending its next request as soon as the previous one was answered. It shows the
 * throughput the system reaches at that concurrency; latencies are per request, from send to response.
 */
public final class ClosedLoopRun {

    private final GatewayClient gateway;
    private final Calls calls;

    public ClosedLoopRun(GatewayClient gateway, Calls calls) {
        this.gateway = gateway;
        this.calls = calls;
    }

    public List<EndpointSummary> run(Workload workload, int clients, Duration duration) throws InterruptedException {
        RunRecorders recorders = new RunRecorders();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> loop(workload, recorders, end), "closed-loop-client-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return recorders.summarise((System.nanoTime() - start) / 1e9);
    }

    private void loop(Workload workload, RunRecorders recorders, long end) {
        while (System.nanoTime() < end) {
            Call call = calls.prepare(workload.pick());
            long sent = System.nanoTime();
            try {
                HttpResponse<String> response = gateway.send(call.request());
                recorders.response(call.endpoint(), response, System.nanoTime() - sent);
                call.onResponse().accept(response);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                recorders.exception(call.endpoint(), e, System.nanoTime() - sent);
            }
        }
    }
}
