package com.cleantechcrm.gateway.apikey;

import com.cleantechcrm.gateway.organization.Organization;

/** A key just created: the stored record, its organisation, and the key itself, which is shown only this once. */
public record CreatedApiKey(ApiKey apiKey, Organization organization, String key) {

    @Override
    public String toString() {
        return "CreatedApiKey[id=" + apiKey.id() + ", organization=" + organization.id() + "]";
    }
}
