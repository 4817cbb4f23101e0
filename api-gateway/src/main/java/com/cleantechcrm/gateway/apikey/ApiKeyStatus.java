package com.cleantechcrm.gateway.apikey;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a key authenticates now. A revoked key counts as revoked even when it has also expired. */
public enum ApiKeyStatus {
    @JsonProperty("active")
    ACTIVE,
    @JsonProperty("expired")
    EXPIRED,
    @JsonProperty("revoked")
    REVOKED
}
