package com.cleantechcrm.benchmark.load;

import com.cleantechcrm.benchmark.stats.EndpointSummary;
import com.cleantechcrm.benchmark.stats.LatencyRecorder;
import com.cleantechcrm.benchmark.stats.Medians;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The latency recorders of one run: one per endpoint and one for all calls together. */
public final class RunRecorders {

    public static final String ALL = Medians.TOTAL;

    private final Map<Endpoint, LatencyRecorder> byEndpoint = new EnumMap<>(Endpoint.class);
    private final LatencyRecorder all = new LatencyRecorder(ALL);

    public RunRecorders() {
        for (Endpoint endpoint : Endpoint.values()) {
            byEndpoint.put(endpoint, new LatencyRecorder(endpoint.label()));
        }
    }

    /** Records a response: any status but 2xx is an error, 429 included. */
    public void response(Endpoint endpoint, HttpResponse<String> response, long nanos) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            byEndpoint.get(endpoint).success(nanos);
            all.success(nanos);
        } else {
            failure(endpoint, "HTTP " + status, nanos);
        }
    }

    public void exception(Endpoint endpoint, Throwable error, long nanos) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause()
                : error;
        failure(
                endpoint,
                cause instanceof HttpTimeoutException
                        ? "timeout"
                        : cause.getClass().getSimpleName(),
                nanos);
    }

    public void failure(Endpoint endpoint, String reason, long nanos) {
        byEndpoint.get(endpoint).failure(nanos, reason);
        all.failure(nanos, reason);
    }

    /** Counts a call that was never sent as an error of its endpoint, without a latency. */
    public void notSent(Endpoint endpoint, String reason) {
        byEndpoint.get(endpoint).notSent(reason);
        all.notSent(reason);
    }

    /** Summarises each endpoint that was called, then all calls together, over {@code seconds}. */
    public List<EndpointSummary> summarise(double seconds) {
        List<EndpointSummary> summaries = new ArrayList<>();
        for (LatencyRecorder recorder : byEndpoint.values()) {
            EndpointSummary summary = recorder.summarise(seconds);
            if (summary.calls() > 0) {
                summaries.add(summary);
            }
        }
        summaries.add(all.summarise(seconds));
        return summaries;
    }
}
