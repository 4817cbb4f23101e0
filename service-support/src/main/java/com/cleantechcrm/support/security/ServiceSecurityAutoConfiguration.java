package com.cleantechcrm.support.security;

import com.cleantechcrm.support.error.ErrorCode;
import com.cleantechcrm.support.error.ErrorResponse;
import com.cleantechcrm.support.error.ErrorResponseWriter;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Makes a service accept only requests that carry a token the gateway signed, and checks the scope each route needs.
 * Turned off with {@code crm.internal-token.verify=false}, as the gateway does.
 */
@AutoConfiguration(
        before = {
            SecurityAutoConfiguration.class,
            OAuth2ResourceServerAutoConfiguration.class,
            UserDetailsServiceAutoConfiguration.class
        },
        after = InternalTokenAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "crm.internal-token.verify", havingValue = "true", matchIfMissing = true)
public class ServiceSecurityAutoConfiguration {

    @Bean
    JwtDecoder internalTokenDecoder(InternalTokenProperties properties) {
        SecretKeySpec key = new SecretKeySpec(properties.secretBytes(), "HmacSHA256");
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<java.util.List<String>>(
                "aud", aud -> aud != null && aud.contains(properties.audience()));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()), audience));
        return decoder;
    }

    @Bean
    SecurityFilterChain serviceSecurityFilterChain(HttpSecurity http, ErrorResponseWriter errorWriter)
            throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/leads/stats/**")
                        .hasAuthority("SCOPE_stats:read")
                        .requestMatchers(HttpMethod.GET, "/leads", "/leads/**")
                        .hasAuthority("SCOPE_leads:read")
                        .requestMatchers(HttpMethod.POST, "/leads", "/leads/**")
                        .hasAuthority("SCOPE_leads:write")
                        .requestMatchers(HttpMethod.PUT, "/leads/**")
                        .hasAuthority("SCOPE_leads:write")
                        .requestMatchers("/admin/**")
                        .hasAuthority("SCOPE_admin")
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> {})
                        .authenticationEntryPoint((request, response, exception) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            errorWriter.write(
                                    response,
                                    ErrorResponse.of(ErrorCode.UNAUTHORIZED, "The request needs a valid API key."),
                                    ErrorCode.UNAUTHORIZED.status());
                        })
                        .accessDeniedHandler((request, response, exception) -> errorWriter.write(
                                response,
                                ErrorResponse.of(
                                        ErrorCode.FORBIDDEN, "The API key lacks the scope this endpoint needs."),
                                ErrorCode.FORBIDDEN.status())))
                .exceptionHandling(handling -> handling.authenticationEntryPoint((request, response, exception) -> {
                    response.setHeader("WWW-Authenticate", "Bearer");
                    errorWriter.write(
                            response,
                            ErrorResponse.of(ErrorCode.UNAUTHORIZED, "The request needs a valid API key."),
                            ErrorCode.UNAUTHORIZED.status());
                }));
        return http.build();
    }
}
