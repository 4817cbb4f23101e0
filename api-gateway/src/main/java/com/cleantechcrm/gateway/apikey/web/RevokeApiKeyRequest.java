package com.cleantechcrm.gateway.apikey.web;

import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /admin/api-keys/{id}/revoke}, which may also be empty.
 *
 * @param reason why the key is revoked, kept in the audit trail; trimmed, null when not given
 */
record RevokeApiKeyRequest(
        @Size(max = 500) @ContainsNoApiKey String reason) {

    RevokeApiKeyRequest {
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }
}
