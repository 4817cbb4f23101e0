package com.cleantechcrm.gateway.apikey;

import com.cleantechcrm.gateway.apikey.ApiKeyFormat.ParsedKey;
import com.cleantechcrm.gateway.organization.Organization;
import com.cleantechcrm.gateway.organization.OrganizationRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Creates API keys. Only the SHA-256 of a new key is stored; the caller gets the key itself once. No transaction
 * spans the two inserts: creating the organisation is idempotent, so a failed key insert leaves nothing to undo.
 */
@Service
public class ApiKeyService {

    /** Attempts at finding an unused prefix; with 36^8 possible prefixes a second attempt is already rare. */
    private static final int MAX_PREFIX_ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(ApiKeyService.class);

    private final OrganizationRepository organizations;
    private final ApiKeyRepository apiKeys;
    private final ApiKeyFormat format;
    private final Clock clock;

    public ApiKeyService(
            OrganizationRepository organizations, ApiKeyRepository apiKeys, ApiKeyFormat format, Clock clock) {
        this.organizations = organizations;
        this.apiKeys = apiKeys;
        this.format = format;
        this.clock = clock;
    }

    /**
     * Creates a key for the named organisation, creating the organisation first if it does not exist.
     *
     * @param expiresAt when the key stops working, or null for a key that does not expire
     */
    public CreatedApiKey create(String organizationName, String keyName, Set<ApiScope> scopes, Instant expiresAt) {
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("An API key needs at least one scope");
        }
        Organization organization = organizations.findOrCreate(organizationName);
        Set<String> scopeValues = new LinkedHashSet<>();
        scopes.forEach(scope -> scopeValues.add(scope.value()));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);

        for (int attempt = 1; ; attempt++) {
            ParsedKey generated = format.generate();
            ApiKey apiKey = new ApiKey(
                    UUID.randomUUID(),
                    organization.id(),
                    keyName,
                    generated.prefix(),
                    ApiKeyHashes.sha256(generated.key()),
                    Set.copyOf(scopeValues),
                    now,
                    null,
                    expiresAt,
                    null);
            if (!apiKeys.insertUnlessPrefixTaken(apiKey)) {
                if (attempt >= MAX_PREFIX_ATTEMPTS) {
                    throw new IllegalStateException(
                            "Failed to find an unused API key prefix in " + MAX_PREFIX_ATTEMPTS + " attempts");
                }
                log.info("Generated API key prefix is taken; generating another (attempt {}).", attempt + 1);
                continue;
            }
            log.info(
                    "Created API key {} named '{}' for organization {} with scopes {}.",
                    apiKey.id(),
                    keyName,
                    organization.id(),
                    scopeValues);
            return new CreatedApiKey(apiKey, organization, generated.key());
        }
    }
}
