package com.cleantechcrm.gateway.apikey;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The kinds of change recorded in a key's audit trail. */
public enum ApiKeyEventType {
    @JsonProperty("created")
    CREATED,
    @JsonProperty("rotated")
    ROTATED,
    @JsonProperty("revoked")
    REVOKED,
    @JsonProperty("expiry_changed")
    EXPIRY_CHANGED
}
