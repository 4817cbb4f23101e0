package com.cleantechcrm.gateway.security;

import com.cleantechcrm.gateway.apidoc.ApiDocumentationPaths;
import com.cleantechcrm.gateway.apikey.ApiKeyAuthenticator;
import com.cleantechcrm.gateway.apikey.ApiKeyCheck.RejectionReason;
import com.cleantechcrm.support.error.ErrorCode;
import com.cleantechcrm.support.error.ErrorResponseWriter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The gateway's security chain: API-key authentication on every path but the open actuator endpoints and the API
 * documentation. Scopes are checked per route after this chain, by
 * {@link com.cleantechcrm.gateway.routing.RouteAccessFilter}, because that filter also returns 404 for unknown paths
 * and 405 for wrong methods.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class GatewaySecurityConfiguration {

    @Bean
    GatewayErrors gatewayErrors(ErrorResponseWriter writer) {
        return new GatewayErrors(writer);
    }

    @Bean
    SecurityFilterChain gatewaySecurityFilterChain(
            HttpSecurity http, ApiKeyAuthenticator authenticator, GatewayErrors errors) throws Exception {
        // Created here rather than as a bean, so that Spring Boot does not register it a second time as a servlet
        // filter outside the security chain.
        ApiKeyAuthenticationFilter apiKeyFilter = new ApiKeyAuthenticationFilter(authenticator, errors);

        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(apiKeyFilter, AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .requestMatchers(ApiDocumentationPaths.PATTERNS.toArray(String[]::new))
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(handling -> handling.authenticationEntryPoint((request, response, exception) -> {
                            authenticator.rejectWithoutKey(RejectionReason.MISSING);
                            errors.writeUnauthorized(response, false);
                        })
                        .accessDeniedHandler((request, response, exception) ->
                                errors.write(response, ErrorCode.FORBIDDEN, "The API key may not use this endpoint.")));
        return http.build();
    }
}
