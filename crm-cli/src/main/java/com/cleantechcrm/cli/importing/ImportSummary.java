package com.cleantechcrm.cli.importing;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Counts of row outcomes and the time an import took. */
public final class ImportSummary {

    /** Exit code when every row succeeded or was already there. */
    public static final int EXIT_OK = 0;
    /** Exit code when at least one row failed (the API refused a change or could not be reached for it). */
    public static final int EXIT_FAILED = 1;
    /** Exit code when no row failed but at least one was invalid, which is a fault in the file. */
    public static final int EXIT_INVALID_ROWS = 3;

    private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    private Duration elapsed = Duration.ZERO;

    public void count(Outcome outcome) {
        counts.merge(outcome, 1, Integer::sum);
    }

    public int countOf(Outcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    public int rows() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    void setElapsed(Duration elapsed) {
        this.elapsed = elapsed;
    }

    public int exitCode() {
        if (countOf(Outcome.FAILED) > 0) {
            return EXIT_FAILED;
        }
        return countOf(Outcome.INVALID) > 0 ? EXIT_INVALID_ROWS : EXIT_OK;
    }

    public String format() {
        String perOutcome = Stream.of(Outcome.values())
                .map(outcome -> countOf(outcome) + " " + outcome.label())
                .collect(Collectors.joining(", "));
        double seconds = elapsed.toMillis() / 1000.0;
        return String.format(Locale.ROOT, "summary: %d rows in %.1f s: %s", rows(), seconds, perOutcome);
    }
}
