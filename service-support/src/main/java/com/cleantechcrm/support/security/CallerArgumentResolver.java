package com.cleantechcrm.support.security;

import com.cleantechcrm.support.error.ApiException;
import com.cleantechcrm.support.error.ErrorCode;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Fills {@link Caller} controller parameters from the verified internal token. */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "The request needs a valid API key.");
        }
        return fromJwt(token.getToken());
    }

    static Caller fromJwt(Jwt jwt) {
        String organization = jwt.getClaimAsString(InternalTokenIssuer.ORGANIZATION_CLAIM);
        if (organization == null || jwt.getSubject() == null) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "The caller token lacks an organisation or key id.");
        }
        String scopeClaim = jwt.getClaimAsString(InternalTokenIssuer.SCOPE_CLAIM);
        Set<String> scopes = scopeClaim == null
                ? Set.of()
                : Arrays.stream(scopeClaim.split(" ")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
        try {
            return new Caller(UUID.fromString(organization), jwt.getSubject(), scopes);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "The caller token names an invalid organisation id.");
        }
    }
}
