package com.cleantechcrm.command.lead.web;

import com.cleantechcrm.support.error.ApiException;
import com.cleantechcrm.support.error.ErrorCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Validation of {@code Idempotency-Key} headers, request hashes and the lead ids derived from keys. */
final class IdempotencyKeys {

    static final String HEADER = "Idempotency-Key";

    /** 1 to 200 printable ASCII characters, space included. */
    private static final Pattern VALID_KEY = Pattern.compile("[\\x20-\\x7E]{1,200}");

    /** Writes object keys in sorted order, so that two bodies that differ only in key order hash alike. */
    private static final ObjectMapper CANONICAL_MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private IdempotencyKeys() {}

    static void requireValid(String key) {
        if (!VALID_KEY.matcher(key).matches()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "The Idempotency-Key header is invalid.")
                    .withValidationErrors(List.of(HEADER + ": must be 1 to 200 printable ASCII characters"));
        }
    }

    /**
     * Derives the id of the lead that a key creates. Two concurrent requests with one key thus target the same
     * aggregate, and the event store accepts only one of them even if the idempotency record did not stop the other.
     */
    static UUID leadIdFor(UUID organizationId, String key) {
        return UUID.nameUUIDFromBytes((organizationId + "\n" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the SHA-256 of the body in canonical form, as 64 hex digits. */
    static String hashOf(JsonNode body) {
        try {
            Object canonical = CANONICAL_MAPPER.treeToValue(body, Object.class);
            byte[] bytes = CANONICAL_MAPPER.writeValueAsBytes(canonical);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Hashing a request body that was already parsed failed.", e);
        }
    }
}
