package com.cleantechcrm.gateway.cli;

import com.cleantechcrm.gateway.apikey.ApiScope;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of {@code key create --org NAME --scopes SCOPE[,SCOPE...] [--name LABEL]}. Options take their value
 * either as the next argument or after {@code =}.
 */
record KeyCreateArguments(String organizationName, Set<ApiScope> scopes, String keyName) {

    static final String DEFAULT_KEY_NAME = "default";
    static final int MAX_NAME_LENGTH = 200;

    private static final List<String> OPTIONS = List.of("--org", "--scopes", "--name");

    /** Parses the whole argument list, starting with {@code key create}; throws with a message naming the problem. */
    static KeyCreateArguments parse(String[] args) {
        if (args.length < 2 || !args[0].equals("key") || !args[1].equals("create")) {
            throw new IllegalArgumentException("Unknown command '" + String.join(" ", args) + "'.");
        }

        Map<String, String> values = new HashMap<>();
        for (int i = 2; i < args.length; i++) {
            String option = args[i];
            String value;
            int equals = option.indexOf('=');
            if (equals > 0) {
                value = option.substring(equals + 1);
                option = option.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("Option " + option + " is missing its value.");
            }
            if (!OPTIONS.contains(option)) {
                throw new IllegalArgumentException("Unknown option '" + option + "'.");
            }
            if (values.put(option, value) != null) {
                throw new IllegalArgumentException("Option " + option + " is given twice.");
            }
        }

        String organizationName = requireName(values.get("--org"), "--org");
        Set<ApiScope> scopes = parseScopes(values.get("--scopes"));
        String keyName = values.containsKey("--name") ? requireName(values.get("--name"), "--name") : DEFAULT_KEY_NAME;
        return new KeyCreateArguments(organizationName, scopes, keyName);
    }

    private static String requireName(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException("Option " + option + " is required.");
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(
                    "Option " + option + " must be 1 to " + MAX_NAME_LENGTH + " characters after trimming.");
        }
        return trimmed;
    }

    private static Set<ApiScope> parseScopes(String value) {
        if (value == null) {
            throw new IllegalArgumentException("Option --scopes is required.");
        }
        Set<ApiScope> scopes = new LinkedHashSet<>();
        for (String name : value.split(",", -1)) {
            String trimmed = name.strip();
            ApiScope scope = ApiScope.fromValue(trimmed)
                    .orElseThrow(() -> new IllegalArgumentException("Unknown scope '" + trimmed + "'; valid scopes are "
                            + String.join(", ", ApiScope.allValues()) + "."));
            scopes.add(scope);
        }
        return scopes;
    }

    @Override
    public String toString() {
        return "KeyCreateArguments[org=" + organizationName + ", scopes=" + Arrays.toString(scopes.toArray())
                + ", name=" + keyName + "]";
    }
}
