package com.cleantechcrm.system;

import java.util.Optional;

/**
 * The PostgreSQL database the tests use: {@code test} at 127.0.0.1:5432 unless {@code CRM_TEST_DB_HOST},
 * {@code CRM_TEST_DB_PORT} or {@code CRM_TEST_DB_NAME} say otherwise, so that two checkouts can run their tests at once
 * in separate databases.
 */
final class TestDatabase {

    private TestDatabase() {}

    static String jdbcUrl() {
        return "jdbc:postgresql://" + environment("CRM_TEST_DB_HOST", "127.0.0.1") + ":"
                + environment("CRM_TEST_DB_PORT", "5432") + "/" + environment("CRM_TEST_DB_NAME", "test");
    }

    private static String environment(String name, String defaultValue) {
        return Optional.ofNullable(System.getenv(name)).orElse(defaultValue);
    }
}
