package com.cleantechcrm.query.support;

import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Empties the test schema before migrating it. Each test JVM starts a new embedded broker with an empty topic, so
 * read models left by an earlier run would no longer match the topic, and the rebuild test compares the two.
 *
 * <p>NOTE: two test JVMs of this module running at once share the schema, so one's clean breaks the other's tests.
 */
@TestConfiguration(proxyBeanMethods = false)
class CleanSchemaConfiguration {

    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
        return flyway -> {
            flyway.clean();
            flyway.migrate();
        };
    }
}
