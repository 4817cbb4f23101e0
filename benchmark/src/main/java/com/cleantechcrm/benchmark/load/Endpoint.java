package com.cleantechcrm.benchmark.load;

/** The public endpoints the benchmark calls, named as the report shows them. */
public enum Endpoint {
    CREATE_LEAD("POST /leads", true),
    UPDATE_COMPLIANCE("PUT /leads/{id}/compliance", true),
    MOVE_STAGE("POST /leads/{id}/lifecycle", true),
    APPLY_PLAYBOOK("POST /leads/{id}/playbook", true),
    GET_LEAD("GET /leads/{id}", false),
    LIST_LEADS("GET /leads", false),
    GROWTH_STATS("GET /leads/stats/growth", false);

    private final String label;
    private final boolean write;

    Endpoint(String label, boolean write) {
        this.label = label;
        this.write = write;
    }

    public String label() {
        return label;
    }

    public boolean isWrite() {
        return write;
    }
}
