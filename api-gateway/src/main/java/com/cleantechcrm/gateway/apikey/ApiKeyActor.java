package com.cleantechcrm.gateway.apikey;

import java.util.UUID;

/**
 * Who changed a key: another key through the API, or an operator on the gateway's command line.
 *
 * @param apiKeyId the acting key, set only for {@link Type#API_KEY}
 * @param name the operating-system user that ran the command line, set only for {@link Type#COMMAND_LINE}
 */
public record ApiKeyActor(Type type, UUID apiKeyId, String name) {

    public enum Type {
        API_KEY,
        COMMAND_LINE
    }

    public static ApiKeyActor apiKey(UUID apiKeyId) {
        return new ApiKeyActor(Type.API_KEY, apiKeyId, null);
    }

    public static ApiKeyActor commandLine() {
        return new ApiKeyActor(Type.COMMAND_LINE, null, System.getProperty("user.name"));
    }
}
