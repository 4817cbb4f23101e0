package com.cleantechcrm.gateway.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Replaces the application's clock with a {@link MutableClock}, so a test can move time forward. */
@TestConfiguration(proxyBeanMethods = false)
public class MutableClockConfiguration {

    @Bean
    MutableClock clock() {
        return new MutableClock(Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
}
