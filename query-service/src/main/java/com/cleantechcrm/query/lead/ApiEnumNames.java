package com.cleantechcrm.query.lead;

import com.cleantechcrm.events.EventJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The API spelling of an enum's constants (their JSON names, such as {@code Investor} or {@code pending}). */
final class ApiEnumNames<E extends Enum<E>> {

    private static final ObjectMapper JSON = EventJson.newObjectMapper();

    private final Map<String, E> byName = new LinkedHashMap<>();

    ApiEnumNames(Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            byName.put(JSON.convertValue(constant, String.class), constant);
        }
    }

    Optional<E> parse(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Lists the accepted names for an error message, such as {@code Investor, Government}. */
    String accepted() {
        return String.join(", ", byName.keySet());
    }
}
