package com.cleantechcrm.query.lead;

import com.cleantechcrm.support.error.ApiException;
import com.cleantechcrm.support.error.ErrorCode;
import java.util.UUID;

/** Reads lead ids from request paths. */
public final class LeadIds {

    private LeadIds() {}

    /**
     * Parses a lead id from a path. A malformed id is reported as 404 NOT_FOUND, like a lead that does not exist,
     * because a path that names no lead is a missing resource rather than a bad request.
     */
    public static UUID parseOrNotFound(String id) {
        try {
            UUID parsed = UUID.fromString(id);
            // UUID.fromString also accepts short forms such as 1-1-1-1-1, but only the canonical form names a lead.
            if (parsed.toString().equalsIgnoreCase(id)) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // Falls through to the not-found exception below.
        }
        throw notFound(id);
    }

    public static ApiException notFound(Object id) {
        return new ApiException(ErrorCode.NOT_FOUND, "Lead " + id + " was not found.");
    }
}
