package com.cleantechcrm.query.lead;

import com.cleantechcrm.support.web.TextRules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * The position after the last lead of a page: the sort order, that lead's sort key and its id. Clients get it as an
 * opaque string, the base64url form (without padding) of a small JSON object.
 */
record LeadCursor(LeadSort sort, String key, UUID leadId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    String encode() {
        ObjectNode node = JSON.createObjectNode()
                .put("sort", sort.parameterValue())
                .put("key", key)
                .put("id", leadId.toString());
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes a cursor that a previous page returned.
     *
     * @throws IllegalArgumentException when the text is not such a cursor
     */
    static LeadCursor decode(String text) {
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(text));
            LeadSort sort = LeadSort.fromParameter(node.path("sort").asText())
                    .orElseThrow(() -> new IllegalArgumentException("unknown sort"));
            String key = node.path("key").asText(null);
            UUID leadId = UUID.fromString(node.path("id").asText());
            if (key == null || TextRules.problemWith(key) != null) {
                throw new IllegalArgumentException("missing or invalid key");
            }
            sort.parseKey(key);
            return new LeadCursor(sort, key, leadId);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a cursor of this API", e);
        }
    }
}
