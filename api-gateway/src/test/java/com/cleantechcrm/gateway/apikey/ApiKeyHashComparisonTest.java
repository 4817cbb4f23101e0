package com.cleantechcrm.gateway.apikey;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Keeps hash comparisons constant-time: a timing difference must not reveal how much of a hash matched. */
class ApiKeyHashComparisonTest {

    private static final JavaClasses GATEWAY_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.cleantechcrm.gateway");

    @Test
    void hashesAreComparedWithMessageDigestIsEqual() {
        classes()
                .that()
                .haveSimpleName("ApiKeyHashes")
                .should()
                .callMethod(MessageDigest.class, "isEqual", byte[].class, byte[].class)
                .check(GATEWAY_CLASSES);
    }

    @Test
    void noArraysEqualsOnByteArrays() {
        noClasses()
                .should()
                .callMethod(Arrays.class, "equals", byte[].class, byte[].class)
                .check(GATEWAY_CLASSES);
    }

    @Test
    void authenticatorComparesThroughApiKeyHashes() {
        classes()
                .that()
                .haveSimpleName("ApiKeyAuthenticator")
                .should()
                .callMethod(ApiKeyHashes.class, "matches", byte[].class, byte[].class)
                .check(GATEWAY_CLASSES);
    }

    @Test
    void matchesComparesWholeHashes() {
        byte[] hash = ApiKeyHashes.sha256("ctk_abcdefgh_secret");
        byte[] lastByteDiffers = hash.clone();
        lastByteDiffers[lastByteDiffers.length - 1] ^= 1;

        assertThat(ApiKeyHashes.matches(hash, hash.clone())).isTrue();
        assertThat(ApiKeyHashes.matches(hash, lastByteDiffers)).isFalse();
        assertThat(ApiKeyHashes.matches(hash, Arrays.copyOf(hash, 31))).isFalse();
    }
}
