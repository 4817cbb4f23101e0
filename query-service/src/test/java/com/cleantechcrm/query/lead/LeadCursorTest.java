package com.cleantechcrm.query.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LeadCursorTest {

    @Test
    void encodedCursorDecodesToSameValues() {
        LeadCursor cursor = new LeadCursor(LeadSort.NAME_ASC, "zoë παπαδοπούλου", UUID.randomUUID());

        String text = cursor.encode();

        assertThat(text).doesNotContain("=", "+", "/");
        assertThat(LeadCursor.decode(text)).isEqualTo(cursor);
    }

    @Test
    void createdAtCursorKeepsMicroseconds() {
        LeadCursor cursor = new LeadCursor(LeadSort.CREATED_AT_DESC, "2026-01-02T03:04:05.123456Z", UUID.randomUUID());

        assertThat(LeadCursor.decode(cursor.encode()).key()).isEqualTo("2026-01-02T03:04:05.123456Z");
    }

    @Test
    void malformedCursorsAreRejected() {
        String wrongKeyType = Base64.getUrlEncoder()
                .encodeToString(("{\"sort\":\"score_desc\",\"key\":\"high\",\"id\":\"" + UUID.randomUUID() + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
        String missingId = Base64.getUrlEncoder()
                .encodeToString("{\"sort\":\"name_asc\",\"key\":\"a\"}".getBytes(StandardCharsets.UTF_8));

        for (String text : new String[] {"", "***", "bm90IGpzb24", wrongKeyType, missingId}) {
            assertThatThrownBy(() -> LeadCursor.decode(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
