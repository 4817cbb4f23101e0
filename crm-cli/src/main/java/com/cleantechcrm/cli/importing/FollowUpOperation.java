package com.cleantechcrm.cli.importing;

import java.util.Arrays;
import java.util.Optional;

/** The follow-up operations an NDJSON import can contain, with the endpoint each one calls. */
public enum FollowUpOperation {
    COMPLIANCE("compliance", "PUT", "/compliance"),
    PROCUREMENT("procurement", "PUT", "/procurement"),
    LIFECYCLE("lifecycle", "POST", "/lifecycle"),
    DEAL_VALUE("deal_value", "PUT", "/deal-value"),
    PLAYBOOK("playbook", "POST", "/playbook");

    private final String opName;
    private final String method;
    private final String pathSuffix;

    FollowUpOperation(String opName, String method, String pathSuffix) {
        this.opName = opName;
        this.method = method;
        this.pathSuffix = pathSuffix;
    }

    /** Returns the value of the {@code op} key that selects this operation in an NDJSON file. */
    public String opName() {
        return opName;
    }

    public String method() {
        return method;
    }

    public String path(String leadId) {
        return "/leads/" + leadId + pathSuffix;
    }

    public static Optional<FollowUpOperation> fromOpName(String name) {
        return Arrays.stream(values()).filter(op -> op.opName.equals(name)).findFirst();
    }
}
