package com.cleantechcrm.gateway.ratelimit;

import com.cleantechcrm.gateway.support.MutableClock;
import io.github.bucket4j.TimeMeter;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Makes the gateway's rate limits read {@link #CLOCK}, which stands still until a test moves it. */
@TestConfiguration(proxyBeanMethods = false)
public class FrozenRateLimitClock {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2031-03-04T10:00:12.250Z"));

    @Bean
    @Primary
    TimeMeter frozenRateLimitTimeMeter() {
        return new ClockTimeMeter(CLOCK);
    }
}
