package com.cleantechcrm.gateway.apikey.web;

import com.cleantechcrm.gateway.apikey.ApiKeyEvent;
import com.cleantechcrm.gateway.apikey.ApiKeyEventRepository;
import com.cleantechcrm.gateway.apikey.AuthenticatedKey;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /admin/api-keys/events}: the audit trail of the organisation's key changes, newest first. */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiKeyEventController {

    private final ApiKeyEventRepository events;

    ApiKeyEventController(ApiKeyEventRepository events) {
        this.events = events;
    }

    @GetMapping("/admin/api-keys/events")
    ApiKeyEventPage list(
            @AuthenticationPrincipal AuthenticatedKey caller,
            @RequestParam(name = "key_id", required = false) String keyId,
            @RequestParam(name = "limit", required = false) String limit,
            @RequestParam(name = "cursor", required = false) String cursor) {
        ApiKeyEventQuery query = ApiKeyEventQuery.parse(keyId, limit, cursor);
        Long beforeId = query.cursor() == null ? null : query.cursor().lastEventId();

        // One more than the page size tells whether another page follows.
        List<ApiKeyEvent> found = events.list(caller.organizationId(), query.keyId(), beforeId, query.limit() + 1);
        boolean hasMore = found.size() > query.limit();
        List<ApiKeyEvent> page = hasMore ? found.subList(0, query.limit()) : found;
        String nextCursor =
                hasMore ? new ApiKeyEventCursor(page.get(page.size() - 1).id()).encode() : null;
        return new ApiKeyEventPage(page.stream().map(ApiKeyEventResponse::of).toList(), nextCursor);
    }
}
