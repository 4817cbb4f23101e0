package com.cleantechcrm.gateway.apikey;

import java.security.SecureRandom;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiKeyProperties.class)
class ApiKeyConfiguration {

    @Bean
    ApiKeyFormat apiKeyFormat() {
        return new ApiKeyFormat(new SecureRandom());
    }
}
