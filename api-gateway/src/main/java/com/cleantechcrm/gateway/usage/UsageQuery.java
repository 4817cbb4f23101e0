package com.cleantechcrm.gateway.usage;

import com.cleantechcrm.support.error.ApiException;
import com.cleantechcrm.support.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A validated {@code GET /usage} request: the range [{@code from}, {@code to}) widened to whole UTC buckets of the
 * granularity, so every bucket of the report is complete.
 */
record UsageQuery(Instant from, Instant to, Granularity granularity) {

    static final Granularity DEFAULT_GRANULARITY = Granularity.HOUR;

    /** The earliest and latest instants accepted, which keep every bucket within PostgreSQL's timestamp range. */
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private static final String INSTANT_RULE = "must be an ISO-8601 date and time with an offset, such as"
            + " 2026-12-04T10:00:00Z or 2026-12-04T11:00:00%2B01:00 (a '+' in a query string must be sent as %2B),"
            + " between " + EARLIEST + " and " + LATEST;

    /**
     * Validates the raw query parameters, each null when absent. {@code to} defaults to {@code now}, {@code from} to
     * {@code to} minus the granularity's default range, and the granularity to hourly.
     *
     * @throws ApiException VALIDATION_FAILED listing every invalid parameter
     */
    static UsageQuery parse(String from, String to, String granularity, Instant now) {
        List<String> errors = new ArrayList<>();

        Optional<Instant> sentFrom = from == null ? Optional.empty() : parseInstant("from", from, errors);
        Optional<Instant> parsedTo = to == null ? Optional.of(now) : parseInstant("to", to, errors);
        Optional<Granularity> parsedGranularity = parseGranularity(granularity, errors);
        Granularity effectiveGranularity = parsedGranularity.orElse(DEFAULT_GRANULARITY);
        Optional<Instant> parsedFrom =
                from == null ? parsedTo.map(end -> end.minus(effectiveGranularity.defaultRange())) : sentFrom;

        if (parsedFrom.isPresent() && parsedTo.isPresent()) {
            checkRange(parsedFrom.get(), parsedTo.get(), parsedGranularity, to == null, errors);
        }
        if (!errors.isEmpty()) {
            throw new ApiException(
                            ErrorCode.VALIDATION_FAILED,
                            "The request has " + errors.size() + " invalid query parameter"
                                    + (errors.size() == 1 ? "." : "s."))
                    .withValidationErrors(errors);
        }
        return new UsageQuery(
                effectiveGranularity.bucketStart(parsedFrom.get()),
                effectiveGranularity.bucketEndCovering(parsedTo.get()),
                effectiveGranularity);
    }

    /** Returns the start of every bucket in the range, in order. */
    List<Instant> bucketStarts() {
        List<Instant> starts = new ArrayList<>();
        for (Instant start = from; start.isBefore(to); start = start.plus(granularity.bucketSize())) {
            starts.add(start);
        }
        return starts;
    }

    /** Returns the granularity, the default when absent, or empty when invalid. */
    private static Optional<Granularity> parseGranularity(String value, List<String> errors) {
        if (value == null) {
            return Optional.of(DEFAULT_GRANULARITY);
        }
        Optional<Granularity> found = Granularity.fromParameter(value);
        if (found.isEmpty()) {
            errors.add("granularity: must be one of hour, day");
        }
        return found;
    }

    private static Optional<Instant> parseInstant(String parameter, String value, List<String> errors) {
        try {
            Instant instant = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
            if (!instant.isBefore(EARLIEST) && !instant.isAfter(LATEST)) {
                return Optional.of(instant);
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            // Reported below with the same message as an instant out of range.
        }
        errors.add(parameter + ": " + INSTANT_RULE);
        return Optional.empty();
    }

    /**
     * Checks the order of the range and, when the granularity is valid, its length. A default {@code from} always
     * passes.
     */
    private static void checkRange(
            Instant from,
            Instant to,
            Optional<Granularity> parsedGranularity,
            boolean toDefaulted,
            List<String> errors) {
        String toName = toDefaulted ? "to (default: now)" : "to";
        if (!from.isBefore(to)) {
            errors.add("from: must be before " + toName);
            return;
        }
        if (parsedGranularity.isEmpty()) {
            return;
        }
        Granularity granularity = parsedGranularity.get();
        if (Duration.between(from, to).compareTo(granularity.maxRange()) > 0) {
            errors.add(toName + ": must be at most " + granularity.maxRange().toDays()
                    + " days after from for granularity " + granularity.parameterValue());
        }
    }
}
