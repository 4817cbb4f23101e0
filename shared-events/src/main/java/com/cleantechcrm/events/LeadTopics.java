package com.cleantechcrm.events;

/** Names of the Kafka topics that carry lead events. */
public final class LeadTopics {

    /** Every stored lead event, keyed by lead id so that one lead's events stay in order. */
    public static final String LEAD_EVENTS = "crm.lead-events.v1";

    /** Records the query side could not read, with the reason in the record headers. */
    public static final String LEAD_EVENTS_DEAD_LETTER = "crm.lead-events.v1.dlt";

    private LeadTopics() {}
}
