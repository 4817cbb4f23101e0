package com.cleantechcrm.support.security;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The issuer of internal caller tokens, for the gateway and for tests that call a service directly. */
@AutoConfiguration
@EnableConfigurationProperties(InternalTokenProperties.class)
public class InternalTokenAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(InternalTokenAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    InternalTokenIssuer internalTokenIssuer(InternalTokenProperties properties, Clock clock) {
        if (properties.usesDevelopmentSecret()) {
            log.warn("The internal token secret is the development default; set CRM_INTERNAL_TOKEN_SECRET outside "
                    + "development.");
        }
        return new InternalTokenIssuer(properties, clock);
    }
}
