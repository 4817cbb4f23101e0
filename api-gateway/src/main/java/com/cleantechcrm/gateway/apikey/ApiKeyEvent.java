package com.cleantechcrm.gateway.apikey;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One recorded change of a key.
 *
 * @param id the event's position in the audit trail; a later event has a larger id
 * @param requestId the API request that made the change, or null for the command line
 * @param details what changed, such as the new expiry; never a key or a hash
 */
public record ApiKeyEvent(
        long id,
        UUID organizationId,
        UUID apiKeyId,
        ApiKeyEventType type,
        ApiKeyActor actor,
        Instant occurredAt,
        String requestId,
        JsonNode details) {}
