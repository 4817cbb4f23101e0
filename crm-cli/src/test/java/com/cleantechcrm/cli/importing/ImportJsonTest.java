package com.cleantechcrm.cli.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ImportJsonTest {

    private final ObjectMapper mapper = ImportJson.newObjectMapper();

    @Test
    void canonicalFormSortsKeysAtEveryLevel() throws Exception {
        JsonNode body = mapper.readTree("{ \"b\": 1, \"a\": { \"z\": [ {\"y\": 1, \"x\": 2} ], \"c\": \"Ω\" } }");

        assertThat(ImportJson.canonical(body)).isEqualTo("{\"a\":{\"c\":\"Ω\",\"z\":[{\"x\":2,\"y\":1}]},\"b\":1}");
    }

    @Test
    void idempotencyKeyIgnoresKeyOrderAndWhitespace() throws Exception {
        String first = ImportJson.idempotencyKey(mapper.readTree("{\"name\":\"Anna\",\"email\":\"a@example.org\"}"));
        String second =
                ImportJson.idempotencyKey(mapper.readTree("{ \"email\" : \"a@example.org\",\n \"name\" : \"Anna\" }"));

        assertThat(first).isEqualTo(second);
        assertThat(first).matches("import-[0-9a-f]{64}");
    }

    @Test
    void idempotencyKeyIsSha256OfCanonicalBody() throws Exception {
        // sha256 of the UTF-8 bytes of {"email":"a@example.org","name":"Anna"}, computed with sha256sum.
        String key = ImportJson.idempotencyKey(mapper.readTree("{\"name\":\"Anna\",\"email\":\"a@example.org\"}"));

        assertThat(key).isEqualTo("import-994bd696f989171d460f29bef8a42f42b1254aa6dec37b6633b0e4ffb4c9b022");
    }

    @Test
    void idempotencyKeyChangesWithAnyValue() throws Exception {
        String base = ImportJson.idempotencyKey(mapper.readTree("{\"name\":\"Anna\",\"deal_value\":10.50}"));

        assertThat(ImportJson.idempotencyKey(mapper.readTree("{\"name\":\"Anna\",\"deal_value\":10.51}")))
                .isNotEqualTo(base);
        assertThat(ImportJson.idempotencyKey(mapper.readTree("{\"name\":\"Anna \",\"deal_value\":10.50}")))
                .isNotEqualTo(base);
        assertThat(ImportJson.idempotencyKey(mapper.readTree("{\"name\":\"Anna\",\"deal_value\":10.5}")))
                .as("the digits as written count, because the API compares the body it received")
                .isNotEqualTo(base);
    }
}
