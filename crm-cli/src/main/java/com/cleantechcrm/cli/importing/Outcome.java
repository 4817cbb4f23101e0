package com.cleantechcrm.cli.importing;

/** The outcome of one row of an import file. */
public enum Outcome {
    CREATED("created"),
    ALREADY_IMPORTED("already imported"),
    DUPLICATE("duplicate"),
    INVALID("invalid"),
    APPLIED("applied"),
    ALREADY_APPLIED("already applied"),
    FAILED("failed");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
