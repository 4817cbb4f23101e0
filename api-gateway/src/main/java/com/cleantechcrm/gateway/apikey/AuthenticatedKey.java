package com.cleantechcrm.gateway.apikey;

import java.util.Set;
import java.util.UUID;

/** The identity behind a valid API key: the key's id, its organisation and its scopes. */
public record AuthenticatedKey(UUID keyId, UUID organizationId, Set<String> scopes) {

    public boolean hasScope(ApiScope scope) {
        return scopes.contains(scope.value());
    }
}
