package com.cleantechcrm.gateway.security;

import com.cleantechcrm.gateway.apikey.AuthenticatedKey;
import com.cleantechcrm.support.security.Caller;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by an API key. Its authorities are the key's scopes as {@code SCOPE_<scope>}. */
public class ApiKeyAuthenticationToken extends AbstractAuthenticationToken {

    private final AuthenticatedKey key;

    public ApiKeyAuthenticationToken(AuthenticatedKey key) {
        super(key.scopes().stream()
                .map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope))
                .toList());
        this.key = key;
        setAuthenticated(true);
    }

    public AuthenticatedKey key() {
        return key;
    }

    public Caller toCaller() {
        return new Caller(key.organizationId(), key.keyId().toString(), key.scopes());
    }

    /** Returns null: the key itself is not kept after it was checked. */
    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return key;
    }

    @Override
    public String getName() {
        return key.keyId().toString();
    }
}
