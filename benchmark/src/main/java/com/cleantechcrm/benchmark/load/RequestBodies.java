package com.cleantechcrm.benchmark.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** JSON bodies of the write endpoints, as a client would send them. */
final class RequestBodies {

    private final ObjectMapper json = new ObjectMapper();
    private final String runId;
    private final AtomicLong counter = new AtomicLong();

    RequestBodies(String runId) {
        this.runId = runId;
    }

    /** A new lead whose email is unique within the run, so no create is refused as a duplicate. */
    String newLead() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first = LeadSamples.firstName(random);
        String last = LeadSamples.lastName(random);
        ObjectNode lead = json.createObjectNode()
                .put("name", first + " " + last)
                .put("email", "lead-" + runId + "-" + counter.incrementAndGet() + "@bench.example.org")
                .put("company", LeadSamples.company(random))
                .put("organization_type", LeadSamples.organizationType(random))
                .put("sustainability_score", random.nextInt(101));
        ObjectNode compliance = lead.putObject("regulatory_compliance");
        // Approved compliance lets every lead, Government ones included, move on to SQL.
        compliance.put("status", "approved");
        compliance.putArray("requirements").add(LeadSamples.requirement(random));
        lead.putObject("procurement_cycle")
                .put("estimated_duration", random.nextInt(30, 720))
                .put("stage", LeadSamples.procurementStage(random));
        lead.put("deal_value", new java.math.BigDecimal(LeadSamples.dealValue(random)));
        lead.putObject("source").put("channel", LeadSamples.channel(random)).put("campaign", "Benchmark " + runId);
        return lead.toString();
    }

    String compliance() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        ObjectNode body = json.createObjectNode().put("status", "approved");
        body.putArray("requirements").add(LeadSamples.requirement(random)).add(LeadSamples.requirement(random));
        body.put("note", "Reviewed by the compliance desk");
        return body.toString();
    }

    String stageMove(String stage) {
        return json.createObjectNode()
                .put("stage", stage)
                .put("reason", "Qualified by the sales team")
                .toString();
    }

    String playbook() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        ObjectNode body = json.createObjectNode().put("playbook_id", "pb-" + random.nextInt(20));
        ObjectNode strategy = body.putObject("strategy").put("type", LeadSamples.strategy(random));
        strategy.putArray("focus_areas").add("public tenders").add("municipal utilities");
        ObjectNode plan = body.putObject("implementation_plan").put("timeline", random.nextInt(1, 13) + " months");
        plan.putArray("resources").add("tender desk").add("solutions engineer");
        return body.toString();
    }
}
