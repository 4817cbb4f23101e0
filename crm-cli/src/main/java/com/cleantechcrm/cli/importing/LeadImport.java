package com.cleantechcrm.cli.importing;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs an import: first every lead row, by a pool of worker threads, then the follow-ups, one task per lead that
 * applies that lead's follow-ups in file order. Prints one line per row in file order within each phase, then the
 * summary.
 */
public final class LeadImport {

    private final ApiClient api;
    private final int threads;
    private final Duration projectionWait;
    private final PrintStream out;

    public LeadImport(ApiClient api, int threads, Duration projectionWait, PrintStream out) {
        this.api = api;
        this.threads = threads;
        this.projectionWait = projectionWait;
        this.out = out;
    }

    /**
     * Imports the rows and returns the summary.
     *
     * @throws ApiKeyRejectedException when the gateway rejects the API key; rows not yet sent are left alone
     * @throws ApiUnreachableException when the API cannot be reached
     */
    public ImportSummary run(List<ImportRow> rows) {
        long started = System.nanoTime();
        ImportSummary summary = new ImportSummary();
        LeadCreator creator = new LeadCreator(api, serverTimeAtStart());
        FollowUpApplier applier = new FollowUpApplier(api, creator, projectionWait);

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            printInOrder(createLeads(rows, creator, pool), summary);
            printInOrder(applyFollowUps(rows, applier, pool), summary);
        } finally {
            pool.shutdownNow();
        }

        summary.setElapsed(Duration.ofNanos(System.nanoTime() - started));
        out.println(summary.format());
        return summary;
    }

    private List<CompletableFuture<RowResult>> createLeads(
            List<ImportRow> rows, LeadCreator creator, ExecutorService pool) {
        List<CompletableFuture<RowResult>> results = new ArrayList<>();
        for (ImportRow row : rows) {
            if (!row.isReadable()) {
                results.add(CompletableFuture.completedFuture(
                        new RowResult(row.line(), Outcome.INVALID, null, row.problem())));
            } else if (row.isLead()) {
                results.add(CompletableFuture.supplyAsync(() -> creator.create(row), pool));
            }
        }
        return results;
    }

    /** Starts one task per lead and returns one future per follow-up row, in file order. */
    private List<CompletableFuture<RowResult>> applyFollowUps(
            List<ImportRow> rows, FollowUpApplier applier, ExecutorService pool) {
        Map<String, List<ImportRow>> byLead = new LinkedHashMap<>();
        Map<Integer, CompletableFuture<RowResult>> byLine = new TreeMap<>();
        for (ImportRow row : rows) {
            if (row.isReadable() && !row.isLead()) {
                byLead.computeIfAbsent(LeadCreator.normalize(row.email()), email -> new ArrayList<>())
                        .add(row);
                byLine.put(row.line(), new CompletableFuture<>());
            }
        }

        byLead.forEach((email, leadRows) -> CompletableFuture.supplyAsync(() -> applier.apply(email, leadRows), pool)
                .whenComplete((results, error) -> {
                    for (ImportRow row : leadRows) {
                        if (error != null) {
                            byLine.get(row.line()).completeExceptionally(error);
                        }
                    }
                    if (results != null) {
                        results.forEach(result -> byLine.get(result.line()).complete(result));
                    }
                }));
        return new ArrayList<>(byLine.values());
    }

    /** Prints each result as soon as it and every result before it are done, so the output follows the file. */
    private void printInOrder(List<CompletableFuture<RowResult>> results, ImportSummary summary) {
        for (CompletableFuture<RowResult> future : results) {
            RowResult result = await(future);
            out.println(result.format());
            summary.count(result.outcome());
        }
    }

    private static RowResult await(CompletableFuture<RowResult> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Reads the server clock from the {@code Date} header of a first request, which also stops the import early
     * when the key is rejected or the gateway is down. Falls back to the local clock when the header is missing.
     */
    private Instant serverTimeAtStart() {
        ApiResponse response = api.get("/leads?limit=1");
        if (response.status() == 401) {
            throwIfKeyRejected(response);
        }
        return response.headers()
                .firstValue("Date")
                .flatMap(LeadImport::parseHttpDate)
                .orElseGet(Instant::now);
    }

    private static Optional<Instant> parseHttpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static void throwIfKeyRejected(ApiResponse response) {
        if (response.status() == 401 || response.status() == 403) {
            throw new ApiKeyRejectedException("The gateway rejected the API key: " + response.errorSummary());
        }
    }

    /** Returns whether a response blames the request itself: a validation error, malformed or too large body. */
    static boolean isInvalid(ApiResponse response) {
        return response.status() == 400 || response.status() == 413 || response.status() == 422;
    }
}
