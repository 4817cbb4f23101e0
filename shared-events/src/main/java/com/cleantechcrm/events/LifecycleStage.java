package com.cleantechcrm.events;

/**
 * The funnel stage of a lead. Open stages move forward only, in declaration order; {@code WON} and {@code LOST} are
 * closed.
 */
public enum LifecycleStage {
    LEAD,
    MQL,
    SQL,
    WON,
    LOST;

    public boolean isOpen() {
        return this == LEAD || this == MQL || this == SQL;
    }
}
