package com.cleantechcrm.gateway.apikey.web;

/**
 * Body of {@code POST /admin/api-keys/{id}/rotate}, which may also be empty.
 *
 * @param gracePeriodSeconds how long the replaced key keeps working; null for {@code crm.api-keys.rotation-grace-period}
 */
record RotateApiKeyRequest(@GracePeriodSeconds Long gracePeriodSeconds) {}
