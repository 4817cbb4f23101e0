package com.cleantechcrm.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The kind of growth playbook applied to a lead. */
public enum StrategyType {
    @JsonProperty("Customer Acquisition")
    CUSTOMER_ACQUISITION,
    @JsonProperty("Channel Launch")
    CHANNEL_LAUNCH,
    @JsonProperty("Channel Optimization")
    CHANNEL_OPTIMIZATION
}
