package com.cleantechcrm.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The kind of buyer behind a lead. The JSON names are the API's spelling. */
public enum OrganizationType {
    @JsonProperty("Investor")
    INVESTOR,
    @JsonProperty("Government")
    GOVERNMENT,
    @JsonProperty("Corporate")
    CORPORATE,
    @JsonProperty("NGO")
    NGO
}
