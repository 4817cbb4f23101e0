package com.cleantechcrm.command.lead.web;

import java.util.UUID;

/** Response of a write to an existing lead: {@code version} is the sequence number of the event just stored. */
public record LeadWriteResponse(UUID leadId, long version) {}
