package com.cleantechcrm.gateway.apikey.web;

import com.cleantechcrm.support.error.ApiException;
import com.cleantechcrm.support.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A validated {@code GET /admin/api-keys/events} request.
 *
 * @param keyId only events of this key, or null for every key of the organisation
 * @param cursor the position after which the page starts, or null for the first page
 */
record ApiKeyEventQuery(UUID keyId, int limit, ApiKeyEventCursor cursor) {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    /**
     * Validates the raw query parameters, each of which may be null when absent.
     *
     * @throws ApiException VALIDATION_FAILED listing every invalid parameter
     */
    static ApiKeyEventQuery parse(String keyId, String limit, String cursor) {
        List<String> errors = new ArrayList<>();

        UUID parsedKeyId = null;
        if (keyId != null) {
            try {
                parsedKeyId = UUID.fromString(keyId);
                if (keyId.length() != 36) {
                    throw new IllegalArgumentException("not in the canonical form");
                }
            } catch (IllegalArgumentException e) {
                errors.add("key_id: must be a UUID");
            }
        }

        int parsedLimit = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                parsedLimit = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                parsedLimit = -1;
            }
            if (parsedLimit < 1 || parsedLimit > MAX_LIMIT) {
                errors.add("limit: must be an integer between 1 and " + MAX_LIMIT);
            }
        }

        ApiKeyEventCursor parsedCursor = null;
        if (cursor != null) {
            try {
                parsedCursor = ApiKeyEventCursor.decode(cursor);
            } catch (IllegalArgumentException e) {
                errors.add("cursor: is not a next_cursor value of this API");
            }
        }

        if (!errors.isEmpty()) {
            throw new ApiException(
                            ErrorCode.VALIDATION_FAILED,
                            "The request has " + errors.size() + " invalid query parameter"
                                    + (errors.size() == 1 ? "." : "s."))
                    .withValidationErrors(errors);
        }
        return new ApiKeyEventQuery(parsedKeyId, parsedLimit, parsedCursor);
    }
}
