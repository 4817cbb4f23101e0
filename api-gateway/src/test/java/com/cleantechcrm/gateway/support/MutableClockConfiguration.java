package com.cleantechcrm.gateway.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.context.annotation.Bean;

/**
 * Replaces the application's clock with a {@link MutableClock}, so a test can move time forward. Tests add it with
 * {@code @Import}. It has no {@code @Configuration} annotation, so that component scanning in other contexts started
 * from the application class, such as the command line's, does not pick it up.
 */
public class MutableClockConfiguration {

    @Bean
    MutableClock clock() {
        return new MutableClock(Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
}
