package com.cleantechcrm.gateway.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Hashes API keys for storage and compares the hashes.
 *
 * <p>A single SHA-256 is enough here, unlike for passwords: the secret part of a key is 256 bits from
 * {@link java.security.SecureRandom}, so a stolen hash cannot be reversed by guessing, and a slow hash would only
 * add latency to every request.
 */
final class ApiKeyHashes {

    private ApiKeyHashes() {}

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }

    /** Compares in time independent of where the hashes differ, so response times reveal nothing about a hash. */
    static boolean matches(byte[] storedHash, byte[] presentedHash) {
        return MessageDigest.isEqual(storedHash, presentedHash);
    }
}
