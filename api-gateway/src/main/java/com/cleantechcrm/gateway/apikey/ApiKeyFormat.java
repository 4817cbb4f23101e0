package com.cleantechcrm.gateway.apikey;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates and parses API keys of the form {@code ctk_<prefix>_<secret>}: an 8-character lowercase alphanumeric
 * prefix that identifies the key without revealing it, and 32 random bytes encoded as 43 characters of unpadded
 * base64url.
 */
public final class ApiKeyFormat {

    public static final String KEY_PREFIX_MARKER = "ctk_";

    private static final int PREFIX_LENGTH = 8;
    private static final int SECRET_BYTES = 32;
    private static final String PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern KEY_PATTERN = Pattern.compile("ctk_([a-z0-9]{8})_([A-Za-z0-9_-]{43})");

    private static final Pattern EMBEDDED_KEY_PATTERN = Pattern.compile("ctk_[a-z0-9]{8}_[A-Za-z0-9_-]{43}");

    private final SecureRandom random;

    public ApiKeyFormat(SecureRandom random) {
        this.random = random;
    }

    /** A key as the client sends it, with the prefix it is looked up by. */
    public record ParsedKey(String prefix, String key) {

        @Override
        public String toString() {
            return "ParsedKey[prefix=" + prefix + "]";
        }
    }

    public ParsedKey generate() {
        StringBuilder prefix = new StringBuilder(PREFIX_LENGTH);
        for (int i = 0; i < PREFIX_LENGTH; i++) {
            prefix.append(PREFIX_ALPHABET.charAt(random.nextInt(PREFIX_ALPHABET.length())));
        }
        return generateWithPrefix(prefix.toString());
    }

    /** Generates a key with a new secret and the given prefix, as a rotation of the key with that prefix does. */
    public ParsedKey generateWithPrefix(String prefix) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        String encodedSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);

        return new ParsedKey(prefix, KEY_PREFIX_MARKER + prefix + "_" + encodedSecret);
    }

    /** Returns whether the text contains something of the key format anywhere, such as a key pasted into a note. */
    public static boolean containsKey(String text) {
        return EMBEDDED_KEY_PATTERN.matcher(text).find();
    }

    /** Parses a key as a client sent it; empty when it does not have the key format. */
    public static Optional<ParsedKey> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher matcher = KEY_PATTERN.matcher(key);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ParsedKey(matcher.group(1), key));
    }
}
