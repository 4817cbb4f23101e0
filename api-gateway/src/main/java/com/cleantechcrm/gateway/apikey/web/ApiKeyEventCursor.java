package com.cleantechcrm.gateway.apikey.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The position after the last event of a page. Clients get it as an opaque string: the base64url form, without
 * padding, of {@code event:<id>}.
 */
record ApiKeyEventCursor(long lastEventId) {

    private static final String MARKER = "event:";

    String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((MARKER + lastEventId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes a cursor that a previous page returned.
     *
     * @throws IllegalArgumentException when the text is not such a cursor
     */
    static ApiKeyEventCursor decode(String text) {
        String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        if (!decoded.startsWith(MARKER)) {
            throw new IllegalArgumentException("not a cursor of this API");
        }
        long id = Long.parseLong(decoded.substring(MARKER.length()));
        if (id <= 0) {
            throw new IllegalArgumentException("not a cursor of this API");
        }
        return new ApiKeyEventCursor(id);
    }
}
