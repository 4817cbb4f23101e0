package com.cleantechcrm.benchmark.rebuild;

import com.cleantechcrm.events.Channel;
import com.cleantechcrm.events.EventJson;
import com.cleantechcrm.events.OrganizationType;
import com.cleantechcrm.events.StrategyType;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Turns the API names of the sample values ("Government", "Channel Launch") into the event enums. */
final class ApiEnums {

    private static final ObjectMapper MAPPER = EventJson.newObjectMapper();

    private ApiEnums() {}

    static OrganizationType organizationType(String apiName) {
        return MAPPER.convertValue(apiName, OrganizationType.class);
    }

    static Channel channel(String apiName) {
        return MAPPER.convertValue(apiName, Channel.class);
    }

    static StrategyType strategy(String apiName) {
        return MAPPER.convertValue(apiName, StrategyType.class);
    }
}
