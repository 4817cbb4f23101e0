package com.cleantechcrm.gateway.organization;

import java.time.Instant;
import java.util.UUID;

/** A customer organisation. Every API key and every lead belongs to exactly one. */
public record Organization(UUID id, String name, Instant createdAt) {}
