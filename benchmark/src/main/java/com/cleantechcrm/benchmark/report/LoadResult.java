package com.cleantechcrm.benchmark.report;

import com.cleantechcrm.benchmark.stats.EndpointSummary;
import java.util.List;

/**
 * The medians of one load setting over its repetitions.
 *
 * @param level "8 clients" for a closed loop, "1500 req/s" for an open loop
 * @param lag the projection lag measured meanwhile, or null when no probe ran
 * @param totalThroughputs the throughput of all calls in each repetition, to show the spread
 */
public record LoadResult(
        String workload,
        boolean openLoop,
        int clients,
        double rate,
        String loadAverageBefore,
        List<EndpointSummary> endpoints,
        EndpointSummary lag,
        List<Double> totalThroughputs) {

    public String level() {
        return openLoop ? String.format("%.0f req/s", rate) : clients + (clients == 1 ? " client" : " clients");
    }

    public EndpointSummary total() {
        return endpoint(com.cleantechcrm.benchmark.load.RunRecorders.ALL);
    }

    public EndpointSummary endpoint(String label) {
        return endpoints.stream()
                .filter(e -> e.endpoint().equals(label))
                .findFirst()
                .orElse(null);
    }
}
