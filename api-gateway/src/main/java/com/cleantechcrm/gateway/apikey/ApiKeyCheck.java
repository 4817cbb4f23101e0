package com.cleantechcrm.gateway.apikey;

/** The result of checking a key that a client presented. */
public sealed interface ApiKeyCheck permits ApiKeyCheck.Accepted, ApiKeyCheck.Rejected {

    record Accepted(AuthenticatedKey key) implements ApiKeyCheck {}

    record Rejected(RejectionReason reason) implements ApiKeyCheck {}

    enum RejectionReason {
        /** No {@code Authorization} header on an endpoint that needs a key. */
        MISSING,
        MALFORMED,
        UNKNOWN,
        WRONG_SECRET,
        /** The key that a rotation replaced, presented after the rotation's grace period. */
        REPLACED_SECRET,
        REVOKED,
        EXPIRED
    }
}
