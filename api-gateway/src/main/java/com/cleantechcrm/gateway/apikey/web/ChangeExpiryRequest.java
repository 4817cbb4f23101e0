package com.cleantechcrm.gateway.apikey.web;

/**
 * Body of {@code PUT /admin/api-keys/{id}/expiry}. The field must be present: null makes the key never expire.
 */
record ChangeExpiryRequest(@FutureTimestamp String expiresAt) {

    static final String FIELD = "expires_at";
}
