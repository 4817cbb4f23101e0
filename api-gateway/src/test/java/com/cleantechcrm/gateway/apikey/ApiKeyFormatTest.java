package com.cleantechcrm.gateway.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.gateway.apikey.ApiKeyFormat.ParsedKey;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyFormatTest {

    private final ApiKeyFormat format = new ApiKeyFormat(new SecureRandom());

    @Test
    void generatedKeyHasPrefixAndSecret() {
        ParsedKey generated = format.generate();

        assertThat(generated.key()).hasSize(56);
        assertThat(generated.key()).startsWith("ctk_" + generated.prefix() + "_");
        assertThat(generated.prefix()).matches("[a-z0-9]{8}");
        assertThat(generated.key().substring(13)).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void generatedKeysDiffer() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            keys.add(format.generate().key());
        }

        assertThat(keys).hasSize(100);
    }

    @Test
    void parseReturnsPrefixOfGeneratedKey() {
        ParsedKey generated = format.generate();

        assertThat(ApiKeyFormat.parse(generated.key())).contains(generated);
    }

    @Test
    void parseRejectsOtherShapes() {
        String valid = format.generate().key();

        assertThat(ApiKeyFormat.parse(null)).isEmpty();
        assertThat(ApiKeyFormat.parse("")).isEmpty();
        assertThat(ApiKeyFormat.parse(valid.substring(0, valid.length() - 1))).isEmpty();
        assertThat(ApiKeyFormat.parse(valid + "A")).isEmpty();
        assertThat(ApiKeyFormat.parse(valid.toUpperCase())).isEmpty();
        assertThat(ApiKeyFormat.parse(" " + valid)).isEmpty();
        assertThat(ApiKeyFormat.parse(valid.substring(0, 13) + "+".repeat(43))).isEmpty();
    }

    @Test
    void parsedKeyToStringHidesKey() {
        ParsedKey generated = format.generate();

        assertThat(generated.toString()).doesNotContain(generated.key());
    }
}
