package com.cleantechcrm.gateway;

import com.cleantechcrm.gateway.apikey.ApiKeyFormat;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ApiKeyFormat apiKeyFormat() {
        return new ApiKeyFormat(new SecureRandom());
    }
}
