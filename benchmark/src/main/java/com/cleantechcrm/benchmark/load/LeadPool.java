package com.cleantechcrm.benchmark.load;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The leads the benchmark created, for the calls that change or read one. Stage moves take a lead out of its stage's
 * queue, so two calls never move the same lead at once; leads stop at {@code SQL}, so every lead stays open and
 * accepts playbooks.
 */
public final class LeadPool {

    private static final int CAPACITY = 2_000_000;

    private final AtomicReferenceArray<UUID> leads = new AtomicReferenceArray<>(CAPACITY);
    private final AtomicInteger size = new AtomicInteger();
    private final ConcurrentLinkedQueue<UUID> atLead = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<UUID> atMql = new ConcurrentLinkedQueue<>();

    public void added(UUID leadId) {
        int index = size.getAndIncrement();
        if (index < CAPACITY) {
            leads.set(index, leadId);
        }
        atLead.add(leadId);
    }

    public int size() {
        return Math.min(size.get(), CAPACITY);
    }

    public Optional<UUID> any() {
        int known = size();
        if (known == 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(leads.get(ThreadLocalRandom.current().nextInt(known)));
    }

    /** Takes a lead that can move one stage forward, with the stage it moves to. */
    public Optional<StageMove> takeMovable() {
        UUID lead = atMql.poll();
        if (lead != null) {
            return Optional.of(new StageMove(lead, "SQL"));
        }
        lead = atLead.poll();
        return lead == null ? Optional.empty() : Optional.of(new StageMove(lead, "MQL"));
    }

    /** Puts a lead back after a move: at its new stage when the move succeeded, else where it was. */
    public void moved(StageMove move, boolean succeeded) {
        boolean atMqlNow = succeeded ? move.to().equals("MQL") : move.to().equals("SQL");
        if (atMqlNow) {
            atMql.add(move.leadId());
        } else if (!succeeded) {
            atLead.add(move.leadId());
        }
    }

    public record StageMove(UUID leadId, String to) {}
}
