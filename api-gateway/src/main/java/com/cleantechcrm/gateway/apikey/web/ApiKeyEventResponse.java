package com.cleantechcrm.gateway.apikey.web;

import com.cleantechcrm.gateway.apikey.ApiKeyActor;
import com.cleantechcrm.gateway.apikey.ApiKeyEvent;
import com.cleantechcrm.gateway.apikey.ApiKeyEventType;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** One change of a key in {@code GET /admin/api-keys/events}. */
record ApiKeyEventResponse(
        long id,
        UUID apiKeyId,
        ApiKeyEventType type,
        Actor actor,
        Instant occurredAt,
        String requestId,
        JsonNode details) {

    /**
     * Who made the change.
     *
     * @param type {@code api_key} or {@code command_line}
     * @param apiKeyId the acting key, for {@code api_key}
     * @param name the operating-system user, for {@code command_line}
     */
    record Actor(String type, UUID apiKeyId, String name) {

        static Actor of(ApiKeyActor actor) {
            return new Actor(actor.type().name().toLowerCase(), actor.apiKeyId(), actor.name());
        }
    }

    static ApiKeyEventResponse of(ApiKeyEvent event) {
        return new ApiKeyEventResponse(
                event.id(),
                event.apiKeyId(),
                event.type(),
                Actor.of(event.actor()),
                event.occurredAt(),
                event.requestId(),
                event.details());
    }
}
