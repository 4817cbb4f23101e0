package com.cleantechcrm.benchmark.load;

import java.util.List;
import java.util.random.RandomGenerator;

/** Plausible field values for synthetic leads, shared by the HTTP load and the seeded topic. */
public final class LeadSamples {

    private static final List<String> FIRST_NAMES = List.of(
            "Zoë", "Amara", "Lars", "Mei", "Sofía", "Kwame", "Ingrid", "Ravi", "Élodie", "Tomasz", "Aiko", "Nia");
    private static final List<String> LAST_NAMES = List.of(
            "Παπαδοπούλου",
            "Okafor",
            "Lindqvist",
            "Chen",
            "García",
            "Mensah",
            "Berg",
            "Sharma",
            "Dubois",
            "Nowak",
            "Tanaka",
            "Williams");
    private static final List<String> COMPANIES = List.of(
            "Municipality of Athens",
            "Nordic Grid Partners",
            "Sunbelt Solar Fund",
            "Green Harbour NGO",
            "Rhine Hydrogen AG",
            "Lagos Clean Power",
            "Pacific Wind Capital",
            "City of Porto Energy Office",
            "Andes Storage Ventures",
            "Baltic Offshore Wind",
            "Kenya Climate Trust",
            "Osaka Heat Networks");
    private static final List<String> TYPES = List.of("Investor", "Government", "Corporate", "NGO");
    private static final List<String> CHANNELS = List.of("ABM", "SEO", "PPC", "EMAIL", "EVENT", "REFERRAL");
    private static final List<String> REQUIREMENTS = List.of(
            "grid interconnection permit",
            "environmental impact assessment",
            "ISO 14001 certificate",
            "local content declaration",
            "anti-bribery attestation");
    private static final List<String> PROCUREMENT_STAGES =
            List.of("RFI", "RFP", "Tender evaluation", "Contract negotiation", "Budget approval");
    private static final List<String> STRATEGIES =
            List.of("Customer Acquisition", "Channel Launch", "Channel Optimization");

    private LeadSamples() {}

    public static String firstName(RandomGenerator random) {
        return pick(FIRST_NAMES, random);
    }

    public static String lastName(RandomGenerator random) {
        return pick(LAST_NAMES, random);
    }

    public static String company(RandomGenerator random) {
        return pick(COMPANIES, random);
    }

    public static String organizationType(RandomGenerator random) {
        return pick(TYPES, random);
    }

    public static String channel(RandomGenerator random) {
        return pick(CHANNELS, random);
    }

    public static String requirement(RandomGenerator random) {
        return pick(REQUIREMENTS, random);
    }

    public static String procurementStage(RandomGenerator random) {
        return pick(PROCUREMENT_STAGES, random);
    }

    public static String strategy(RandomGenerator random) {
        return pick(STRATEGIES, random);
    }

    /** Returns a deal value with cents, from 10,000 up to 5,000,000. */
    public static String dealValue(RandomGenerator random) {
        return random.nextLong(10_000, 5_000_000) + "." + String.format("%02d", random.nextInt(100));
    }

    private static String pick(List<String> values, RandomGenerator random) {
        return values.get(random.nextInt(values.size()));
    }
}
