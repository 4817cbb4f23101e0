package com.cleantechcrm.gateway.apikey;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A permission that an API key carries. {@link #value()} is the name clients and operators use, also in JSON.
 */
public enum ApiScope {
    @JsonProperty("leads:read")
    LEADS_READ("leads:read"),
    @JsonProperty("leads:write")
    LEADS_WRITE("leads:write"),
    @JsonProperty("stats:read")
    STATS_READ("stats:read"),
    @JsonProperty("admin")
    ADMIN("admin");

    private final String value;

    ApiScope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<ApiScope> fromValue(String value) {
        return Arrays.stream(values())
                .filter(scope -> scope.value.equals(value))
                .findFirst();
    }

    public static List<String> allValues() {
        return Arrays.stream(values()).map(ApiScope::value).toList();
    }
}
