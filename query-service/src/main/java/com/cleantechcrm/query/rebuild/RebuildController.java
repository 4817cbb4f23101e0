package com.cleantechcrm.query.rebuild;

import com.cleantechcrm.support.error.ApiException;
import com.cleantechcrm.support.error.ErrorCode;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-model rebuild for operators (scope {@code admin}). {@code POST /admin/read-models/rebuild} returns {@code 202
 * Accepted} with the rebuild's status as soon as the replay has started, and {@code Location} points to {@code GET
 * /admin/read-models/rebuild/status}, which shows the progress until the state is {@code COMPLETED}. Reads during a
 * rebuild see partly rebuilt read models.
 */
@RestController
class RebuildController {

    static final String STATUS_PATH = "/admin/read-models/rebuild/status";

    private final ReadModelRebuilder rebuilder;

    RebuildController(ReadModelRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @PostMapping("/admin/read-models/rebuild")
    ResponseEntity<RebuildStatus> rebuild() {
        RebuildStatus started = rebuilder.start();
        return ResponseEntity.accepted().location(URI.create(STATUS_PATH)).body(started);
    }

    @GetMapping(STATUS_PATH)
    RebuildStatus status() {
        return rebuilder
                .status()
                .orElseThrow(() -> new ApiException(
                        ErrorCode.NOT_FOUND, "No read-model rebuild has run since the service started."));
    }
}
