package com.cleantechcrm.gateway.apikey.web;

import com.cleantechcrm.gateway.apikey.ApiScope;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.hibernate.validator.constraints.UniqueElements;

/**
 * Body of {@code POST /admin/api-keys}. The name is trimmed before it is validated.
 *
 * @param expiresAt when the key stops working, or null for a key that does not expire
 */
record CreateApiKeyRequest(
        @NotBlank
        @Size(max = MAX_NAME_LENGTH)
        @Pattern(regexp = SINGLE_LINE_TEXT, message = SINGLE_LINE_MESSAGE)
        @ContainsNoApiKey
        String name,

        @NotEmpty @UniqueElements List<@NotNull ApiScope> scopes,
        @FutureTimestamp String expiresAt) {

    static final int MAX_NAME_LENGTH = 200;

    /** No control, format, line or paragraph separator characters, so a name prints on one line as it looks. */
    static final String SINGLE_LINE_TEXT = "[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]*";

    static final String SINGLE_LINE_MESSAGE = "must not contain control, format or line separator characters";

    CreateApiKeyRequest {
        name = name == null ? null : name.strip();
    }
}
