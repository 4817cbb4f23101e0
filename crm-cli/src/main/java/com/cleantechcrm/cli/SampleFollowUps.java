package com.cleantechcrm.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates follow-ups for about one lead in twelve, following the API's rules so that every change is accepted: stages
 * move only forward ({@code LEAD -> MQL -> SQL -> WON}, or {@code LOST} from an open stage), a Government lead gets
 * approved compliance before it reaches {@code SQL}, a lead with rejected compliance never moves, and deal values and
 * playbooks change only open leads. Each lead gets at most one change of each kind apart from stage moves, so a
 * second import of the file finds every change already applied.
 */
final class SampleFollowUps {

    private static final int FOLLOW_UP_SHARE_PERCENT = 8;

    private static final List<String> PLAYBOOK_FOCUS_AREAS = List.of(
            "decarbonisation roadmap",
            "total cost of ownership",
            "grid flexibility revenue",
            "public funding eligibility",
            "ESG reporting",
            "energy security",
            "heat network expansion");

    private static final List<String> PLAYBOOK_RESOURCES = List.of(
            "solutions engineer",
            "ROI calculator",
            "reference site visit",
            "regulatory affairs lead",
            "case study pack",
            "webinar slot");

    private final Random random;
    private final ObjectMapper mapper;

    SampleFollowUps(Random random, ObjectMapper mapper) {
        this.random = random;
        this.mapper = mapper;
    }

    List<ObjectNode> generate(List<SampleLead> leads) {
        List<ObjectNode> followUps = new ArrayList<>();
        for (SampleLead lead : leads) {
            if (random.nextInt(100) < FOLLOW_UP_SHARE_PERCENT) {
                followUps.addAll(forLead(lead));
            }
        }
        return followUps;
    }

    private List<ObjectNode> forLead(SampleLead lead) {
        List<ObjectNode> followUps = new ArrayList<>();
        String compliance = lead.complianceStatus();
        int target = targetStage();
        boolean lost = random.nextInt(100) < 20;

        if (compliance.equals("rejected")) {
            if (random.nextBoolean()) {
                followUps.add(compliance(lead, "approved", "Resubmitted with the corrected environmental study."));
                compliance = "approved";
            } else {
                followUps.add(procurement(lead));
                return followUps;
            }
        } else if (compliance.equals("pending") && (lead.isGovernment() && target >= 2 || random.nextInt(3) == 0)) {
            followUps.add(compliance(lead, "approved", "All permits granted."));
            compliance = "approved";
        }

        if (random.nextInt(100) < 40) {
            followUps.add(procurement(lead));
        }
        followUps.add(lifecycle(lead, "MQL", "Downloaded the ROI calculator and booked a discovery call."));
        if (random.nextInt(100) < 35) {
            followUps.add(dealValue(lead));
        }
        if (random.nextInt(100) < 30) {
            followUps.add(playbook(lead));
        }
        if (target >= 2) {
            followUps.add(lifecycle(lead, "SQL", "Budget confirmed and a site assessment scheduled."));
        }
        if (lost) {
            followUps.add(lifecycle(lead, "LOST", "Chose a competitor's offer."));
        } else if (target >= 3) {
            followUps.add(lifecycle(lead, "WON", "Contract signed."));
        } else if (compliance.equals("pending") && random.nextInt(100) < 15) {
            followUps.add(compliance(lead, "rejected", "The grid operator refused the connection request."));
        }
        return followUps;
    }

    /** Draws the furthest open or won stage: 1 = MQL (45%), 2 = SQL (30%), 3 = WON (25%). */
    private int targetStage() {
        int draw = random.nextInt(100);
        if (draw < 45) {
            return 1;
        }
        return draw < 75 ? 2 : 3;
    }

    private ObjectNode compliance(SampleLead lead, String status, String note) {
        ObjectNode followUp = start("compliance", lead);
        followUp.put("status", status);
        var requirements = followUp.putArray("requirements");
        lead.complianceRequirements().forEach(requirements::add);
        followUp.put("note", note);
        return followUp;
    }

    private ObjectNode procurement(SampleLead lead) {
        ObjectNode followUp = start("procurement", lead);
        followUp.put(
                "estimated_duration", Math.max(1, lead.procurementDuration() - SampleLeads.between(0, 60, random)));
        followUp.put("stage", SampleLeads.PROCUREMENT_STAGES.get(SampleLeads.between(4, 7, random)));
        return followUp;
    }

    private ObjectNode lifecycle(SampleLead lead, String stage, String reason) {
        ObjectNode followUp = start("lifecycle", lead);
        followUp.put("stage", stage);
        followUp.put("reason", reason);
        return followUp;
    }

    private ObjectNode dealValue(SampleLead lead) {
        ObjectNode followUp = start("deal_value", lead);
        BigDecimal base =
                lead.dealValue() == null ? SampleLeads.dealValue(lead.organizationType(), random) : lead.dealValue();
        double factor = 0.7 + random.nextDouble() * 0.9;
        followUp.put("deal_value", SampleDataGenerator.roundAmount(base.doubleValue() * factor));
        return followUp;
    }

    private ObjectNode playbook(SampleLead lead) {
        ObjectNode followUp = start("playbook", lead);
        String[] strategies = {"Customer Acquisition", "Channel Launch", "Channel Optimization"};
        String strategy = strategies[random.nextInt(strategies.length)];
        followUp.put("playbook_id", "pb-" + strategy.toLowerCase().replace(' ', '-') + "-" + (1 + random.nextInt(5)));

        ObjectNode strategyNode = followUp.putObject("strategy");
        strategyNode.put("type", strategy);
        var focusAreas = strategyNode.putArray("focus_areas");
        pick(PLAYBOOK_FOCUS_AREAS, 1 + random.nextInt(3)).forEach(focusAreas::add);

        ObjectNode plan = followUp.putObject("implementation_plan");
        plan.put("timeline", (30 * (1 + random.nextInt(6))) + " days");
        var resources = plan.putArray("resources");
        pick(PLAYBOOK_RESOURCES, random.nextInt(4)).forEach(resources::add);
        return followUp;
    }

    private List<String> pick(List<String> pool, int count) {
        List<String> chosen = new ArrayList<>();
        while (chosen.size() < count) {
            String item = pool.get(random.nextInt(pool.size()));
            if (!chosen.contains(item)) {
                chosen.add(item);
            }
        }
        return chosen;
    }

    private ObjectNode start(String operation, SampleLead lead) {
        ObjectNode followUp = mapper.createObjectNode();
        followUp.put("op", operation);
        followUp.put("email", lead.email());
        return followUp;
    }
}
