package com.cleantechcrm.cli.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NdjsonReaderTest {

    @Test
    void readsLeadsAndFollowUpsSkippingBlankLines() {
        List<ImportRow> rows =
                NdjsonReader.read("{\"name\":\"Αλεξίου\",\"email\":\"a@example.org\",\"deal_value\":10.50}\n"
                        + "\n"
                        + "{\"op\":\"lifecycle\",\"email\":\"a@example.org\",\"stage\":\"MQL\"}\r\n");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).isLead()).isTrue();
        assertThat(rows.get(0).line()).isEqualTo(1);
        assertThat(rows.get(0).body().get("name").asText()).isEqualTo("Αλεξίου");
        assertThat(rows.get(0).body().get("deal_value").toString()).isEqualTo("10.50");
        assertThat(rows.get(1).line()).isEqualTo(3);
        assertThat(rows.get(1).operation()).isEqualTo(FollowUpOperation.LIFECYCLE);
        assertThat(rows.get(1).email()).isEqualTo("a@example.org");
        assertThat(rows.get(1).body().toString()).isEqualTo("{\"stage\":\"MQL\"}");
    }

    @Test
    void mapsEveryOperationToItsEndpoint() {
        assertThat(FollowUpOperation.COMPLIANCE.path("x")).isEqualTo("/leads/x/compliance");
        assertThat(FollowUpOperation.PROCUREMENT.path("x")).isEqualTo("/leads/x/procurement");
        assertThat(FollowUpOperation.LIFECYCLE.path("x")).isEqualTo("/leads/x/lifecycle");
        assertThat(FollowUpOperation.DEAL_VALUE.path("x")).isEqualTo("/leads/x/deal-value");
        assertThat(FollowUpOperation.PLAYBOOK.path("x")).isEqualTo("/leads/x/playbook");
        assertThat(FollowUpOperation.LIFECYCLE.method()).isEqualTo("POST");
        assertThat(FollowUpOperation.DEAL_VALUE.method()).isEqualTo("PUT");
    }

    @Test
    void reportsMalformedAndUnusableLines() {
        List<ImportRow> rows = NdjsonReader.read("{\"name\": \n"
                + "[1, 2]\n"
                + "{\"op\":\"merge\",\"email\":\"a@example.org\"}\n"
                + "{\"op\":\"compliance\",\"status\":\"approved\"}\n"
                + "{\"name\":\"A\",\"name\":\"B\"}\n"
                + "{\"name\":\"A\"} {\"name\":\"B\"}\n");

        assertThat(rows).allMatch(row -> !row.isReadable());
        assertThat(rows.get(0).problem()).startsWith("malformed JSON");
        assertThat(rows.get(1).problem()).isEqualTo("the line is not a JSON object");
        assertThat(rows.get(2).problem()).startsWith("op: must be one of [compliance, procurement");
        assertThat(rows.get(3).problem()).startsWith("email: must name the lead");
        assertThat(rows.get(4).problem()).contains("Duplicate field 'name'");
        assertThat(rows.get(5).problem()).startsWith("malformed JSON");
    }
}
