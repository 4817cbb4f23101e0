package com.cleantechcrm.gateway.apikey;

/** The result of checking a key that a client presented. */
public sealed interface ApiKeyCheck permits ApiKeyCheck.Accepted, ApiKeyCheck.Rejected {

    record Accepted(AuthenticatedKey key) implements ApiKeyCheck {}

    record Rejected(RejectionReason reason) implements ApiKeyCheck {}

    enum RejectionReason {
        MALFORMED,
        UNKNOWN,
        WRONG_SECRET,
        REVOKED,
        EXPIRED
    }
}
