package com.cleantechcrm.gateway.apikey.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The response to creating or rotating a key: its fields and, this once, the key itself in {@code key}. */
record ApiKeyWithSecretResponse(@JsonUnwrapped ApiKeyResponse apiKey, String key) {

    @Override
    public String toString() {
        return "ApiKeyWithSecretResponse[id=" + apiKey.id() + "]";
    }
}
