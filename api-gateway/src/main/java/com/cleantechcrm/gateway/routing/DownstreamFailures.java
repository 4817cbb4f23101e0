package com.cleantechcrm.gateway.routing;

import com.cleantechcrm.support.error.ErrorCode;
import com.cleantechcrm.support.error.ErrorResponse;
import com.cleantechcrm.support.web.RequestIds;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/** Turns a service that cannot be reached, or does not respond in time, into 503 in the error envelope. */
final class DownstreamFailures {

    private static final Logger log = LoggerFactory.getLogger(DownstreamFailures.class);

    private DownstreamFailures() {}

    /** Returns whether the failure is a connection or I/O failure: refused, reset or timed out. */
    static boolean isUnavailable(Throwable failure) {
        return failure instanceof ResourceAccessException || failure instanceof UncheckedIOException;
    }

    static ServerResponse serviceUnavailable(Throwable failure, ServerRequest request) {
        String requestId = RequestIds.current();
        Object route = request.servletRequest().getAttribute(RouteAccessFilter.ROUTE_ATTRIBUTE);
        String service = route instanceof GatewayRoute gatewayRoute
                ? gatewayRoute.target().serviceName()
                : "an unknown service";
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
        log.warn(
                "Request {} failed to reach {}: {} (cause {})",
                requestId,
                service,
                failure.getMessage(),
                cause.getClass().getName());

        ErrorResponse body = ErrorResponse.of(
                ErrorCode.SERVICE_UNAVAILABLE,
                "A service behind the gateway is unavailable; retry later and quote the request id if it persists.",
                List.of(),
                Map.of("request_id", requestId == null ? "" : requestId));
        return ServerResponse.status(ErrorCode.SERVICE_UNAVAILABLE.status())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}
