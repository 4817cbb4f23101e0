package com.cleantechcrm.command.lead.web;

import com.cleantechcrm.support.error.ApiException;
import com.cleantechcrm.support.error.ErrorCode;
import com.cleantechcrm.support.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a change of an existing lead. With an {@code Idempotency-Key}, the key is reserved, the command's event is
 * appended and the response is stored in one database transaction, so a retried change returns the first response
 * instead of storing a second event.
 */
@Component
class LeadChange {

    /** The response to a change, and whether it replays the response to an earlier request with the same key. */
    record ChangedLead(LeadWriteResponse response, boolean replayed) {}

    private static final Logger log = LoggerFactory.getLogger(LeadChange.class);

    private final LeadCommandSender sender;
    private final IdempotencyRecords idempotencyRecords;
    private final TransactionTemplate transaction;
    private final ObjectMapper webMapper;

    LeadChange(
            LeadCommandSender sender,
            IdempotencyRecords idempotencyRecords,
            TransactionTemplate transaction,
            ObjectMapper webMapper) {
        this.sender = sender;
        this.idempotencyRecords = idempotencyRecords;
        this.transaction = transaction;
        this.webMapper = webMapper;
    }

    /**
     * Sends the command, or returns the stored first response when {@code idempotencyKey} was used before for the same
     * operation, lead and body.
     *
     * @param operation the route of the change, such as {@code PUT /leads/{id}/deal-value}
     * @param idempotencyKey a valid key, or null
     */
    ChangedLead apply(
            Caller caller, UUID leadId, Object command, String operation, JsonNode body, String idempotencyKey) {
        if (idempotencyKey == null) {
            return new ChangedLead(new LeadWriteResponse(leadId, sender.send(command, leadId, caller)), false);
        }
        UUID organizationId = caller.organizationId();
        String requestHash = IdempotencyKeys.hashOf(requestOf(operation, leadId, body));
        return transaction.execute(status -> {
            Optional<IdempotencyRecords.IdempotencyRecord> existing =
                    idempotencyRecords.reserve(organizationId, idempotencyKey, requestHash, leadId);
            if (existing.isPresent()) {
                return replay(existing.get(), requestHash, organizationId);
            }
            LeadWriteResponse response = new LeadWriteResponse(leadId, sender.send(command, leadId, caller));
            idempotencyRecords.complete(organizationId, idempotencyKey, HttpStatus.OK.value(), toJson(response));
            return new ChangedLead(response, false);
        });
    }

    private ChangedLead replay(IdempotencyRecords.IdempotencyRecord record, String requestHash, UUID organizationId) {
        if (!record.requestHash().equals(requestHash)) {
            throw new ApiException(
                    ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "The Idempotency-Key was already used for another request. Send a new key for a new change.");
        }
        log.info(
                "Replayed the first response for a change of lead {} of organisation {} to a retried request.",
                record.leadId(),
                organizationId);
        try {
            return new ChangedLead(webMapper.readValue(record.responseBody(), LeadWriteResponse.class), true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The stored response for lead " + record.leadId() + " is unreadable.", e);
        }
    }

    private ObjectNode requestOf(String operation, UUID leadId, JsonNode body) {
        ObjectNode request = webMapper.createObjectNode();
        request.put("operation", operation);
        request.put("lead_id", leadId.toString());
        request.set("body", body);
        return request;
    }

    private String toJson(LeadWriteResponse response) {
        try {
            return webMapper.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Writing the response for lead " + response.leadId() + " failed.", e);
        }
    }
}
