package com.cleantechcrm.command.lead.web;

import com.cleantechcrm.command.lead.DuplicateLeadException;
import com.cleantechcrm.command.lead.LeadNotFoundException;
import com.cleantechcrm.command.lead.LeadRuleViolationException;
import com.cleantechcrm.events.EventMetadata;
import com.cleantechcrm.support.error.ApiException;
import com.cleantechcrm.support.error.ErrorCode;
import com.cleantechcrm.support.security.Caller;
import com.cleantechcrm.support.web.RequestIds;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Sends lead commands with the caller's metadata, which the correlation data provider copies onto every stored event,
 * and turns the domain's exceptions into API errors.
 */
@Component
class LeadCommandSender {

    private static final Logger log = LoggerFactory.getLogger(LeadCommandSender.class);

    private final CommandGateway commandGateway;

    LeadCommandSender(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /** Sends {@code command} for lead {@code leadId} and returns the handler's result. */
    <R> R send(Object command, UUID leadId, Caller caller) {
        GenericCommandMessage<Object> message = new GenericCommandMessage<>(command, metadataOf(caller));
        try {
            return commandGateway.sendAndWait(message);
        } catch (LeadNotFoundException | AggregateNotFoundException e) {
            throw new ApiException(ErrorCode.NOT_FOUND, "Lead " + leadId + " was not found.");
        } catch (LeadRuleViolationException e) {
            throw new ApiException(ErrorCode.CONFLICT, e.getMessage());
        } catch (DuplicateLeadException e) {
            throw new ApiException(ErrorCode.DUPLICATE_LEAD, e.getMessage())
                    .withDetail("existing_lead_id", e.existingLeadId().toString());
        } catch (ConcurrencyException | AggregateStreamCreationException | DataIntegrityViolationException e) {
            log.info(
                    "Command {} for lead {} of organisation {} lost a race with a concurrent write: {}",
                    command.getClass().getSimpleName(),
                    leadId,
                    caller.organizationId(),
                    e.getMessage());
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "Lead " + leadId + " was changed by another request at the same time; nothing was stored."
                            + " Retry the request.");
        }
    }

    private static MetaData metadataOf(Caller caller) {
        Map<String, Object> values = new HashMap<>();
        values.put(EventMetadata.ORGANIZATION_ID, caller.organizationId().toString());
        values.put(EventMetadata.API_KEY_ID, caller.apiKeyId());
        String requestId = RequestIds.current();
        if (requestId != null) {
            values.put(EventMetadata.REQUEST_ID, requestId);
        }
        return MetaData.from(values);
    }
}
