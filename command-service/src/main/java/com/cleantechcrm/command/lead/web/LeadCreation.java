package com.cleantechcrm.command.lead.web;

import com.cleantechcrm.command.lead.CreateLeadCommand;
import com.cleantechcrm.events.LeadCreated;
import com.cleantechcrm.events.LeadSource;
import com.cleantechcrm.support.error.ApiException;
import com.cleantechcrm.support.error.ErrorCode;
import com.cleantechcrm.support.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates leads for {@code POST /leads}. The idempotency record, the email claim and the {@code LeadCreated} event
 * are written in one database transaction, so a failed or conflicting request leaves none of them behind.
 */
@Component
class LeadCreation {

    /** The first response to a create request, or the replay of it. */
    record CreatedLead(UUID leadId, int status, String body, boolean replayed) {}

    private static final Logger log = LoggerFactory.getLogger(LeadCreation.class);

    private final LeadCommandSender sender;
    private final IdempotencyRecords idempotencyRecords;
    private final EventStore eventStore;
    private final TransactionTemplate transaction;
    private final ObjectMapper webMapper;

    LeadCreation(
            LeadCommandSender sender,
            IdempotencyRecords idempotencyRecords,
            EventStore eventStore,
            TransactionTemplate transaction,
            ObjectMapper webMapper) {
        this.sender = sender;
        this.idempotencyRecords = idempotencyRecords;
        this.eventStore = eventStore;
        this.transaction = transaction;
        this.webMapper = webMapper;
    }

    /**
     * Creates the lead, or returns the stored first response when {@code idempotencyKey} was already used with the
     * same body.
     *
     * @param idempotencyKey a valid key, or null
     */
    CreatedLead create(Caller caller, CreateLeadRequest request, JsonNode body, String idempotencyKey) {
        UUID organizationId = caller.organizationId();
        UUID leadId =
                idempotencyKey == null ? UUID.randomUUID() : IdempotencyKeys.leadIdFor(organizationId, idempotencyKey);
        return transaction.execute(status -> {
            if (idempotencyKey != null) {
                String requestHash = IdempotencyKeys.hashOf(body);
                Optional<CreatedLead> replay = replayOf(
                        idempotencyRecords.reserve(organizationId, idempotencyKey, requestHash, leadId), requestHash);
                if (replay.isPresent()) {
                    log.info(
                            "Replayed the first response for lead {} of organisation {} to a retried create request.",
                            replay.get().leadId(),
                            organizationId);
                    return replay.get();
                }
            }
            sender.send(toCommand(leadId, organizationId, request), leadId, caller);
            String responseBody = toJson(storedLead(leadId));
            if (idempotencyKey != null) {
                idempotencyRecords.complete(organizationId, idempotencyKey, HttpStatus.CREATED.value(), responseBody);
            }
            log.info("Created lead {} in organisation {} with API key {}.", leadId, organizationId, caller.apiKeyId());
            return new CreatedLead(leadId, HttpStatus.CREATED.value(), responseBody, false);
        });
    }

    private static Optional<CreatedLead> replayOf(
            Optional<IdempotencyRecords.IdempotencyRecord> existing, String requestHash) {
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        IdempotencyRecords.IdempotencyRecord record = existing.get();
        if (!record.requestHash().equals(requestHash)) {
            throw new ApiException(
                            ErrorCode.IDEMPOTENCY_KEY_REUSED,
                            "The Idempotency-Key was already used with a different request body. Send a new key"
                                    + " to create another lead.")
                    .withDetail("lead_id", record.leadId().toString());
        }
        return Optional.of(new CreatedLead(record.leadId(), record.responseStatus(), record.responseBody(), true));
    }

    private LeadResponse storedLead(UUID leadId) {
        // From sequence number 0 the store reads the events alone, without first looking for a snapshot.
        DomainEventStream events = eventStore.readEvents(leadId.toString(), 0);
        DomainEventMessage<?> first = events.next();
        return LeadResponse.of((LeadCreated) first.getPayload(), first.getTimestamp());
    }

    private String toJson(LeadResponse response) {
        try {
            return webMapper.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Writing the response for lead " + response.id() + " failed.", e);
        }
    }

    private static CreateLeadCommand toCommand(UUID leadId, UUID organizationId, CreateLeadRequest request) {
        CreateLeadRequest.Source source = request.source();
        return new CreateLeadCommand(
                leadId,
                organizationId,
                request.name(),
                request.email(),
                request.company(),
                request.organizationType(),
                request.sustainabilityScore(),
                request.regulatoryCompliance().status(),
                request.regulatoryCompliance().requirements(),
                request.procurementCycle().estimatedDuration(),
                request.procurementCycle().stage(),
                request.dealValue(),
                source == null ? null : new LeadSource(source.channel(), source.campaign()));
    }
}
