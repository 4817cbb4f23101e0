package com.cleantechcrm.benchmark;

import com.cleantechcrm.events.Channel;
import com.cleantechcrm.events.ComplianceStatus;
import com.cleantechcrm.events.EventJson;
import com.cleantechcrm.events.LeadCreated;
import com.cleantechcrm.events.LeadEventEnvelope;
import com.cleantechcrm.events.LeadSource;
import com.cleantechcrm.events.OrganizationType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A typical stored event, to size the rows and records of the ceilings: a lead creation's JSON payload and
 * metadata, and the size of its Kafka envelope.
 */
record EventSamples(String payload, String metadata, int envelopeBytes) {

    static EventSamples leadCreated() {
        ObjectMapper mapper = EventJson.newObjectMapper();
        UUID lead = UUID.randomUUID();
        UUID organization = UUID.randomUUID();
        LeadCreated event = new LeadCreated(
                lead,
                organization,
                "Zoë Παπαδοπούλου",
                "zoe.papadopoulou@athens.example.org",
                "Municipality of Athens",
                OrganizationType.GOVERNMENT,
                82,
                ComplianceStatus.PENDING,
                List.of("grid interconnection permit", "environmental impact assessment"),
                365,
                "RFP",
                new BigDecimal("1250000.00"),
                new LeadSource(Channel.ABM, "Municipal solar 2027"));
        try {
            String payload = mapper.writeValueAsString(event);
            // The keys Axon and the command service store with every event.
            String trace = UUID.randomUUID().toString();
            String metadata = mapper.writeValueAsString(java.util.Map.of(
                    "traceId", trace,
                    "correlationId", trace,
                    "request_id", UUID.randomUUID().toString(),
                    "api_key_id", UUID.randomUUID().toString(),
                    "organization_id", organization.toString()));
            LeadEventEnvelope envelope = new LeadEventEnvelope(
                    UUID.randomUUID(),
                    "LeadCreated",
                    "1",
                    lead,
                    organization,
                    0,
                    123_456,
                    Instant.now(),
                    UUID.randomUUID().toString(),
                    UUID.randomUUID().toString(),
                    mapper.valueToTree(event));
            return new EventSamples(payload, metadata, mapper.writeValueAsBytes(envelope).length);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
