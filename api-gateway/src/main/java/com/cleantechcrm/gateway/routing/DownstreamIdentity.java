package com.cleantechcrm.gateway.routing;

import com.cleantechcrm.gateway.security.ApiKeyAuthenticationToken;
import com.cleantechcrm.support.security.InternalTokenIssuer;
import com.cleantechcrm.support.web.RequestIds;
import java.util.function.Function;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * Replaces the client's {@code Authorization} header with a short-lived internal token for the authenticated caller,
 * and sets {@code X-Request-Id} to the id of this request. The API key never leaves the gateway.
 */
class DownstreamIdentity implements Function<ServerRequest, ServerRequest> {

    private final InternalTokenIssuer tokenIssuer;

    DownstreamIdentity(InternalTokenIssuer tokenIssuer) {
        this.tokenIssuer = tokenIssuer;
    }

    @Override
    public ServerRequest apply(ServerRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof ApiKeyAuthenticationToken token)) {
            throw new IllegalStateException("A request reached the proxy without an authenticated API key");
        }
        String internalToken = tokenIssuer.issue(token.toCaller());
        String requestId = RequestIds.current();
        return ServerRequest.from(request)
                .headers(headers -> {
                    headers.setBearerAuth(internalToken);
                    headers.set(RequestIds.HEADER, requestId);
                })
                .build();
    }
}
