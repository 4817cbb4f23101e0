package com.cleantechcrm.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a lead stands with its regulatory requirements. */
public enum ComplianceStatus {
    @JsonProperty("pending")
    PENDING,
    @JsonProperty("approved")
    APPROVED,
    @JsonProperty("rejected")
    REJECTED
}
