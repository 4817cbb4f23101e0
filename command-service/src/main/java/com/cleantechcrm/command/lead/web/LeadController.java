package com.cleantechcrm.command.lead.web;

import com.cleantechcrm.command.lead.ApplyPlaybookCommand;
import com.cleantechcrm.command.lead.ChangeDealValueCommand;
import com.cleantechcrm.command.lead.ChangeLifecycleStageCommand;
import com.cleantechcrm.command.lead.UpdateComplianceCommand;
import com.cleantechcrm.command.lead.UpdateProcurementCommand;
import com.cleantechcrm.support.error.ApiException;
import com.cleantechcrm.support.error.ErrorCode;
import com.cleantechcrm.support.security.Caller;
import com.cleantechcrm.support.web.StrictJsonBinder;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The write endpoints of leads. Each returns once the event is stored, before any read model has applied it. */
@RestController
@RequestMapping(path = "/leads", consumes = MediaType.APPLICATION_JSON_VALUE)
class LeadController {

    /** Set to {@code true} on a response that repeats the first response to the same {@code Idempotency-Key}. */
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final StrictJsonBinder binder;
    private final LeadCreation creation;
    private final LeadChange change;

    LeadController(StrictJsonBinder binder, LeadCreation creation, LeadChange change) {
        this.binder = binder;
        this.creation = creation;
        this.change = change;
    }

    @PostMapping
    ResponseEntity<String> create(
            @RequestBody JsonNode body,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            Caller caller) {
        requireValidKey(idempotencyKey);
        CreateLeadRequest request = binder.bind(body, CreateLeadRequest.class);
        LeadCreation.CreatedLead created = creation.create(caller, request, body, idempotencyKey);
        return ResponseEntity.status(created.status())
                .location(URI.create("/leads/" + created.leadId()))
                .header(REPLAYED_HEADER, Boolean.toString(created.replayed()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(created.body());
    }

    @PutMapping("/{id}/compliance")
    ResponseEntity<LeadWriteResponse> updateCompliance(
            @PathVariable String id,
            @RequestBody JsonNode body,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            Caller caller) {
        UUID leadId = parseLeadId(id);
        requireValidKey(idempotencyKey);
        UpdateComplianceRequest request = binder.bind(body, UpdateComplianceRequest.class);
        List<String> requirements = request.requirements() == null ? List.of() : request.requirements();
        UpdateComplianceCommand command = new UpdateComplianceCommand(
                leadId, caller.organizationId(), request.status(), requirements, request.note());
        return send(command, leadId, caller, "PUT /leads/{id}/compliance", body, idempotencyKey);
    }

    @PutMapping("/{id}/procurement")
    ResponseEntity<LeadWriteResponse> updateProcurement(
            @PathVariable String id,
            @RequestBody JsonNode body,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            Caller caller) {
        UUID leadId = parseLeadId(id);
        requireValidKey(idempotencyKey);
        UpdateProcurementRequest request = binder.bind(body, UpdateProcurementRequest.class);
        UpdateProcurementCommand command = new UpdateProcurementCommand(
                leadId, caller.organizationId(), request.estimatedDuration(), request.stage());
        return send(command, leadId, caller, "PUT /leads/{id}/procurement", body, idempotencyKey);
    }

    @PostMapping("/{id}/lifecycle")
    ResponseEntity<LeadWriteResponse> changeLifecycleStage(
            @PathVariable String id,
            @RequestBody JsonNode body,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            Caller caller) {
        UUID leadId = parseLeadId(id);
        requireValidKey(idempotencyKey);
        ChangeLifecycleStageRequest request = binder.bind(body, ChangeLifecycleStageRequest.class);
        ChangeLifecycleStageCommand command =
                new ChangeLifecycleStageCommand(leadId, caller.organizationId(), request.stage(), request.reason());
        return send(command, leadId, caller, "POST /leads/{id}/lifecycle", body, idempotencyKey);
    }

    @PutMapping("/{id}/deal-value")
    ResponseEntity<LeadWriteResponse> changeDealValue(
            @PathVariable String id,
            @RequestBody JsonNode body,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            Caller caller) {
        UUID leadId = parseLeadId(id);
        requireValidKey(idempotencyKey);
        ChangeDealValueRequest request = binder.bind(body, ChangeDealValueRequest.class);
        ChangeDealValueCommand command =
                new ChangeDealValueCommand(leadId, caller.organizationId(), request.dealValue());
        return send(command, leadId, caller, "PUT /leads/{id}/deal-value", body, idempotencyKey);
    }

    @PostMapping("/{id}/playbook")
    ResponseEntity<LeadWriteResponse> applyPlaybook(
            @PathVariable String id,
            @RequestBody JsonNode body,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            Caller caller) {
        UUID leadId = parseLeadId(id);
        requireValidKey(idempotencyKey);
        ApplyPlaybookRequest request = binder.bind(body, ApplyPlaybookRequest.class);
        List<String> resources = request.implementationPlan().resources() == null
                ? List.of()
                : request.implementationPlan().resources();
        ApplyPlaybookCommand command = new ApplyPlaybookCommand(
                leadId,
                caller.organizationId(),
                request.playbookId(),
                request.strategy().type(),
                request.strategy().focusAreas(),
                request.implementationPlan().timeline(),
                resources);
        return send(command, leadId, caller, "POST /leads/{id}/playbook", body, idempotencyKey);
    }

    private ResponseEntity<LeadWriteResponse> send(
            Object command, UUID leadId, Caller caller, String operation, JsonNode body, String idempotencyKey) {
        LeadChange.ChangedLead changed = change.apply(caller, leadId, command, operation, body, idempotencyKey);
        return ResponseEntity.ok()
                .header(REPLAYED_HEADER, Boolean.toString(changed.replayed()))
                .body(changed.response());
    }

    private static void requireValidKey(String idempotencyKey) {
        if (idempotencyKey != null) {
            IdempotencyKeys.requireValid(idempotencyKey);
        }
    }

    /** Parses a lead id from a path. A malformed id names no lead, so it is reported as not found. */
    private static UUID parseLeadId(String id) {
        try {
            UUID leadId = UUID.fromString(id);
            if (leadId.toString().equalsIgnoreCase(id)) {
                return leadId;
            }
        } catch (IllegalArgumentException e) {
            // Falls through to the not-found error below.
        }
        throw new ApiException(ErrorCode.NOT_FOUND, "Lead " + id + " was not found.");
    }
}
