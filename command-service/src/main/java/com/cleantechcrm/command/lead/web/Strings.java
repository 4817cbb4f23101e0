package com.cleantechcrm.command.lead.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Trimming of request strings, so that what is validated is what goes into the events. */
final class Strings {

    private Strings() {}

    static String strip(String value) {
        return value == null ? null : value.strip();
    }

    /** Strips each element and keeps null elements, so that validation can report them. */
    static List<String> stripAll(List<String> values) {
        if (values == null) {
            return null;
        }
        List<String> stripped = new ArrayList<>(values.size());
        for (String value : values) {
            stripped.add(strip(value));
        }
        return Collections.unmodifiableList(stripped);
    }
}
