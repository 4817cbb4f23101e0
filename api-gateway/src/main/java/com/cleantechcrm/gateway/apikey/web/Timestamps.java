package com.cleantechcrm.gateway.apikey.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses the timestamps that clients send, such as {@code 2027-01-01T00:00:00Z} or {@code 2027-01-01T02:00+02:00}. */
final class Timestamps {

    /** The first instant of the year 10000, the first one that a four-digit year cannot write. */
    static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    private Timestamps() {}

    static Optional<Instant> parse(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Parses a timestamp that a {@link FutureTimestamp} check has already accepted; null stays null. */
    static Instant parseValidated(String text) {
        if (text == null) {
            return null;
        }
        return parse(text).orElseThrow(() -> new IllegalArgumentException("Not a validated timestamp"));
    }
}
