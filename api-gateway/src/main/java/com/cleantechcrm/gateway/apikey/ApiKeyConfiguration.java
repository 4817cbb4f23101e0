package com.cleantechcrm.gateway.apikey;

import java.security.SecureRandom;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ApiKeyConfiguration {

    @Bean
    ApiKeyFormat apiKeyFormat() {
        return new ApiKeyFormat(new SecureRandom());
    }
}
