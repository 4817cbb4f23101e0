package com.cleantechcrm.gateway.ratelimit;

import java.util.List;

/** The three limits that apply to a request of one organisation's API key. */
public record OrganizationLimits(LimitPolicy minute, LimitPolicy burst, LimitPolicy day) {

    public List<LimitPolicy> all() {
        return List.of(minute, burst, day);
    }
}
