package com.cleantechcrm.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Draws plausible field values of a lead for its organisation type. */
final class SampleLeads {

    static final List<String> GENERAL_REQUIREMENTS = List.of(
            "environmental impact assessment",
            "grid interconnection agreement",
            "building permit",
            "ISO 14001 certification",
            "EU Taxonomy alignment report",
            "data processing agreement",
            "fire safety approval",
            "noise impact study");

    static final List<String> PUBLIC_SECTOR_REQUIREMENTS = List.of(
            "public tender",
            "state aid clearance",
            "council resolution",
            "local content requirement",
            "accessibility audit");

    static final List<String> PROCUREMENT_STAGES = List.of(
            "discovery",
            "needs assessment",
            "technical evaluation",
            "tender preparation",
            "tender submitted",
            "negotiation",
            "contract review",
            "board approval");

    private static final String[] CHANNELS = {"ABM", "SEO", "PPC", "EMAIL", "EVENT", "REFERRAL", "DIRECT", "OTHER"};
    private static final int[] CHANNEL_WEIGHTS = {20, 15, 12, 15, 15, 10, 8, 5};

    private SampleLeads() {}

    static SampleLead create(String name, String email, SampleDataGenerator.Organization organization, Random random) {
        String type = organization.type();
        String channel = random.nextInt(100) < 5 ? null : weightedChannel(random);
        return new SampleLead(
                name,
                email,
                organization.name(),
                type,
                sustainabilityScore(type, random),
                complianceStatus(random),
                requirements(type, random),
                procurementDuration(type, random),
                PROCUREMENT_STAGES.get(random.nextInt(4)),
                random.nextInt(100) < 3 ? null : dealValue(type, random),
                channel,
                channel == null ? null : campaign(channel, random));
    }

    private static int sustainabilityScore(String type, Random random) {
        return switch (type) {
            case "NGO" -> between(55, 100, random);
            case "Investor" -> between(40, 95, random);
            case "Government" -> between(30, 90, random);
            default -> between(15, 95, random);
        };
    }

    private static String complianceStatus(Random random) {
        int draw = random.nextInt(100);
        if (draw < 35) {
            return "approved";
        }
        return draw < 90 ? "pending" : "rejected";
    }

    static List<String> requirements(String type, Random random) {
        List<String> pool = new ArrayList<>(GENERAL_REQUIREMENTS);
        if (type.equals("Government") || type.equals("NGO")) {
            pool.addAll(PUBLIC_SECTOR_REQUIREMENTS);
        }
        List<String> chosen = new ArrayList<>();
        int count = random.nextInt(4);
        while (chosen.size() < count) {
            String requirement = pool.get(random.nextInt(pool.size()));
            if (!chosen.contains(requirement)) {
                chosen.add(requirement);
            }
        }
        return chosen;
    }

    static int procurementDuration(String type, Random random) {
        return switch (type) {
            case "Government" -> between(120, 900, random);
            case "NGO" -> between(60, 540, random);
            case "Investor" -> between(45, 270, random);
            default -> between(30, 365, random);
        };
    }

    /** Draws a deal value log-uniformly between the type's bounds; about one in seven keeps a fraction. */
    static BigDecimal dealValue(String type, Random random) {
        double[] bounds = switch (type) {
            case "Investor" -> new double[] {250_000, 25_000_000};
            case "Government" -> new double[] {100_000, 12_000_000};
            case "NGO" -> new double[] {5_000, 600_000};
            default -> new double[] {25_000, 6_000_000};
        };
        double logValue = Math.log(bounds[0]) + random.nextDouble() * (Math.log(bounds[1]) - Math.log(bounds[0]));
        BigDecimal value = SampleDataGenerator.roundAmount(Math.exp(logValue));
        if (random.nextInt(7) == 0) {
            value = value.add(BigDecimal.valueOf(random.nextInt(100), 2)).setScale(2, RoundingMode.UNNECESSARY);
        }
        return value;
    }

    private static String weightedChannel(Random random) {
        int total = 0;
        for (int weight : CHANNEL_WEIGHTS) {
            total += weight;
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < CHANNELS.length; i++) {
            draw -= CHANNEL_WEIGHTS[i];
            if (draw < 0) {
                return CHANNELS[i];
            }
        }
        return CHANNELS[CHANNELS.length - 1];
    }

    private static String campaign(String channel, Random random) {
        List<String> campaigns = switch (channel) {
            case "ABM" -> List.of("abm-utilities-2026q1", "abm-municipal-heat-2026", "abm-dfi-solar-2026");
            case "SEO" -> List.of("seo-heat-pump-guide", "seo-ppa-explained", "seo-grid-storage-faq");
            case "PPC" -> List.of("ppc-solar-ppa", "ppc-battery-storage", "ppc-ev-charging-fleets");
            case "EMAIL" -> List.of("email-newsletter-2026-03", "email-webinar-follow-up", "email-case-study-wind");
            case "EVENT" -> List.of("event-intersolar-2026", "event-cop31-side-event", "event-wind-europe-2026");
            case "REFERRAL" -> List.of("referral-partner-program", "referral-customer");
            case "OTHER" -> List.of("podcast-sponsorship", "trade-press-article");
            default -> List.of("");
        };
        String campaign = campaigns.get(random.nextInt(campaigns.size()));
        return campaign.isEmpty() ? null : campaign;
    }

    static int between(int min, int max, Random random) {
        return min + random.nextInt(max - min + 1);
    }
}
