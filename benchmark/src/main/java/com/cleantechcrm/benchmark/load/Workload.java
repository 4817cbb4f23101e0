package com.cleantechcrm.benchmark.load;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** A weighted mix of endpoints; each call picks one at random by weight. */
public record Workload(String name, Map<Endpoint, Integer> weights) {

    /** What a busy sales team's clients do: mostly reads, a steady stream of new leads and changes. */
    public static final Workload MIXED = new Workload(
            "mixed",
            weights(
                    Endpoint.CREATE_LEAD, 20,
                    Endpoint.UPDATE_COMPLIANCE, 8,
                    Endpoint.MOVE_STAGE, 8,
                    Endpoint.APPLY_PLAYBOOK, 4,
                    Endpoint.GET_LEAD, 25,
                    Endpoint.LIST_LEADS, 20,
                    Endpoint.GROWTH_STATS, 15));

    public static final Workload WRITES = new Workload(
            "writes only",
            weights(
                    Endpoint.CREATE_LEAD, 60,
                    Endpoint.UPDATE_COMPLIANCE, 15,
                    Endpoint.MOVE_STAGE, 15,
                    Endpoint.APPLY_PLAYBOOK, 10));

    public static final Workload READS = new Workload(
            "reads only", weights(Endpoint.GET_LEAD, 40, Endpoint.LIST_LEADS, 30, Endpoint.GROWTH_STATS, 30));

    public static final Workload CREATES = new Workload("lead creates", weights(Endpoint.CREATE_LEAD, 1));

    public static final Workload GROWTH = new Workload("growth statistics", weights(Endpoint.GROWTH_STATS, 1));

    public Endpoint pick() {
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        int ticket = ThreadLocalRandom.current().nextInt(total);
        for (Map.Entry<Endpoint, Integer> weight : weights.entrySet()) {
            ticket -= weight.getValue();
            if (ticket < 0) {
                return weight.getKey();
            }
        }
        throw new IllegalStateException("the weights of " + name + " are empty");
    }

    private static Map<Endpoint, Integer> weights(Object... endpointAndWeight) {
        Map<Endpoint, Integer> weights = new EnumMap<>(Endpoint.class);
        for (int i = 0; i < endpointAndWeight.length; i += 2) {
            weights.put((Endpoint) endpointAndWeight[i], (Integer) endpointAndWeight[i + 1]);
        }
        return Map.copyOf(weights);
    }
}
