package com.cleantechcrm.query.lead;

import com.cleantechcrm.support.security.Caller;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /leads} and {@code GET /leads/{id}}, scoped to the caller's organisation. */
@RestController
class LeadQueryController {

    private final LeadReadRepository leads;
    private final LeadVersionWaiter versionWaiter;

    LeadQueryController(LeadReadRepository leads, LeadVersionWaiter versionWaiter) {
        this.leads = leads;
        this.versionWaiter = versionWaiter;
    }

    @GetMapping("/leads")
    LeadReadRepository.LeadPage list(
            Caller caller,
            @RequestParam(name = "organization_type", required = false) String organizationType,
            @RequestParam(name = "lifecycle_stage", required = false) String lifecycleStage,
            @RequestParam(name = "compliance_status", required = false) String complianceStatus,
            @RequestParam(name = "min_score", required = false) String minScore,
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "limit", required = false) String limit,
            @RequestParam(name = "sort", required = false) String sort,
            @RequestParam(name = "cursor", required = false) String cursor) {
        LeadListQuery query = LeadListQuery.parse(
                caller.organizationId(),
                organizationType,
                lifecycleStage,
                complianceStatus,
                minScore,
                q,
                limit,
                sort,
                cursor);
        return leads.list(query);
    }

    @GetMapping("/leads/{id}")
    LeadResponse find(
            Caller caller,
            @PathVariable("id") String id,
            @RequestHeader(name = LeadVersionWaiter.HEADER, required = false) String minPositionHeader,
            @RequestParam(name = LeadVersionWaiter.PARAMETER, required = false) String minPosition) {
        UUID leadId = LeadIds.parseOrNotFound(id);
        versionWaiter.awaitRequestedVersion(caller.organizationId(), leadId, minPositionHeader, minPosition);
        return leads.find(caller.organizationId(), leadId).orElseThrow(() -> LeadIds.notFound(leadId));
    }
}
