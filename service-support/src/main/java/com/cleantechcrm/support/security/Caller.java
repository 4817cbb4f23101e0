package com.cleantechcrm.support.security;

import java.util.Set;
import java.util.UUID;

/**
 * The authenticated client behind a request: its organisation, the id of its API key (never the key) and the scopes
 * the key grants. Declare a {@code Caller} parameter on a controller method to receive it.
 */
public record Caller(UUID organizationId, String apiKeyId, Set<String> scopes) {

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
