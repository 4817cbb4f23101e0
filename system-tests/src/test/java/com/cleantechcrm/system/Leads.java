package com.cleantechcrm.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Valid lead bodies for tests, each with a unique email unless one is given. */
public final class Leads {

    private Leads() {}

    public static Map<String, Object> valid() {
        return valid("lead-" + UUID.randomUUID() + "@example.org");
    }

    public static Map<String, Object> valid(String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Zoë Παπαδοπούλου");
        body.put("email", email);
        body.put("company", "Δήμος Αθηναίων, \"Energy\" Office");
        body.put("organization_type", "Corporate");
        body.put("sustainability_score", 80);
        body.put(
                "regulatory_compliance",
                new LinkedHashMap<>(Map.of("status", "pending", "requirements", List.of("EIA"))));
        body.put("procurement_cycle", new LinkedHashMap<>(Map.of("estimated_duration", 180, "stage", "RFP")));
        body.put("deal_value", 1000);
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }
}
