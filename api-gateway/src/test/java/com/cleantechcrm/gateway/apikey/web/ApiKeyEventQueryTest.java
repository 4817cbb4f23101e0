package com.cleantechcrm.gateway.apikey.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cleantechcrm.support.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiKeyEventQueryTest {

    @Test
    void cursorSurvivesEncoding() {
        ApiKeyEventCursor cursor = new ApiKeyEventCursor(42);

        assertThat(ApiKeyEventCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(cursor.encode()).doesNotContain("=");
    }

    @Test
    void cursorRejectsForeignText() {
        String leadCursor = Base64.getUrlEncoder().encodeToString("{\"id\":1}".getBytes(StandardCharsets.UTF_8));
        String zero = Base64.getUrlEncoder().encodeToString("event:0".getBytes(StandardCharsets.UTF_8));

        for (String text : new String[] {"", "!!", leadCursor, zero, "ZXZlbnQ6eA"}) {
            assertThatThrownBy(() -> ApiKeyEventCursor.decode(text))
                    .as("cursor %s", text)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void defaultsApplyWithoutParameters() {
        ApiKeyEventQuery query = ApiKeyEventQuery.parse(null, null, null);

        assertThat(query.keyId()).isNull();
        assertThat(query.limit()).isEqualTo(ApiKeyEventQuery.DEFAULT_LIMIT);
        assertThat(query.cursor()).isNull();
    }

    @Test
    void parsesValidParameters() {
        UUID keyId = UUID.randomUUID();

        ApiKeyEventQuery query = ApiKeyEventQuery.parse(keyId.toString(), "100", new ApiKeyEventCursor(7).encode());

        assertThat(query.keyId()).isEqualTo(keyId);
        assertThat(query.limit()).isEqualTo(100);
        assertThat(query.cursor()).isEqualTo(new ApiKeyEventCursor(7));
    }

    @Test
    void reportsEveryInvalidParameter() {
        assertThatThrownBy(() -> ApiKeyEventQuery.parse("1-2-3-4-5", "0", "bad"))
                .isInstanceOf(ApiException.class)
                .satisfies(exception -> assertThat(((ApiException) exception)
                                .toResponse()
                                .error()
                                .details()
                                .get("validation_errors"))
                        .asList()
                        .hasSize(3));
    }
}
