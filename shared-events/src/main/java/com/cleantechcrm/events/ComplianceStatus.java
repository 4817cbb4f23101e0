package com.cleantechcrm.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The state of a lead's regulatory requirements. */
public enum ComplianceStatus {
    @JsonProperty("pending")
    PENDING,
    @JsonProperty("approved")
    APPROVED,
    @JsonProperty("rejected")
    REJECTED
}
