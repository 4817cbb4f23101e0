package com.cleantechcrm.gateway.usage;

import com.cleantechcrm.gateway.apikey.AuthenticatedKey;
import com.cleantechcrm.support.error.ApiException;
import com.cleantechcrm.support.error.ErrorCode;
import java.time.Clock;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /usage}: the caller's organisation's requests through the gateway, per UTC hour or day. The route table
 * gives it the scope {@code admin}, which {@code RouteAccessFilter} checks before this controller runs. The
 * organisation always comes from the API key, never from a parameter.
 */
@RestController
class UsageController {

    private final UsageReportService reports;
    private final Clock clock;

    UsageController(UsageReportService reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping("/usage")
    UsageReport usage(
            @AuthenticationPrincipal AuthenticatedKey caller,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "granularity", required = false) String granularity) {
        if (caller == null) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "The request needs a valid API key.");
        }
        UsageQuery query = UsageQuery.parse(from, to, granularity, clock.instant());
        return reports.report(caller.organizationId(), query);
    }
}
