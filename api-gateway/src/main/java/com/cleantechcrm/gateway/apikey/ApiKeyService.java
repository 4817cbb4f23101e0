package com.cleantechcrm.gateway.apikey;

import com.cleantechcrm.gateway.apikey.ApiKeyFormat.ParsedKey;
import com.cleantechcrm.gateway.organization.Organization;
import com.cleantechcrm.gateway.organization.OrganizationRepository;
import com.cleantechcrm.support.web.RequestIds;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates API keys. Only the SHA-256 of a new key is stored; the caller gets the key itself once. The key and its
 * {@code CREATED} audit event are stored in one transaction.
 */
@Service
public class ApiKeyService {

    /** Attempts at finding an unused prefix; with 36^8 possible prefixes a second attempt is already rare. */
    private static final int MAX_PREFIX_ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(ApiKeyService.class);

    private final OrganizationRepository organizations;
    private final ApiKeyRepository apiKeys;
    private final ApiKeyEventRepository events;
    private final ApiKeyFormat format;
    private final Clock clock;

    public ApiKeyService(
            OrganizationRepository organizations,
            ApiKeyRepository apiKeys,
            ApiKeyEventRepository events,
            ApiKeyFormat format,
            Clock clock) {
        this.organizations = organizations;
        this.apiKeys = apiKeys;
        this.events = events;
        this.format = format;
        this.clock = clock;
    }

    /**
     * Creates a key on behalf of an operator on the command line, creating the named organisation first if it does
     * not exist.
     *
     * @param expiresAt when the key stops working, or null for a key that does not expire
     */
    @Transactional
    public CreatedApiKey create(String organizationName, String keyName, Set<ApiScope> scopes, Instant expiresAt) {
        Organization organization = organizations.findOrCreate(organizationName);
        return create(organization, keyName, scopes, expiresAt, ApiKeyActor.commandLine());
    }

    /**
     * Creates a key in an existing organisation.
     *
     * @param expiresAt when the key stops working, or null for a key that does not expire
     * @param actor who creates the key, for the audit trail
     */
    @Transactional
    public CreatedApiKey create(
            Organization organization, String keyName, Set<ApiScope> scopes, Instant expiresAt, ApiKeyActor actor) {
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("An API key needs at least one scope");
        }
        Set<String> scopeValues = new LinkedHashSet<>();
        scopes.forEach(scope -> scopeValues.add(scope.value()));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant storedExpiresAt = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MICROS);

        for (int attempt = 1; ; attempt++) {
            ParsedKey generated = format.generate();
            ApiKey apiKey = ApiKey.unrotated(
                    UUID.randomUUID(),
                    organization.id(),
                    keyName,
                    generated.prefix(),
                    ApiKeyHashes.sha256(generated.key()),
                    Set.copyOf(scopeValues),
                    now,
                    storedExpiresAt);
            if (!apiKeys.insertUnlessPrefixTaken(apiKey)) {
                if (attempt >= MAX_PREFIX_ATTEMPTS) {
                    throw new IllegalStateException(
                            "Failed to find an unused API key prefix in " + MAX_PREFIX_ATTEMPTS + " attempts");
                }
                log.info("Generated API key prefix is taken; generating another (attempt {}).", attempt + 1);
                continue;
            }
            events.insert(apiKey, ApiKeyEventType.CREATED, actor, now, RequestIds.current(), creationDetails(apiKey));
            log.info(
                    "Created API key {} named '{}' for organization {} with scopes {}.",
                    apiKey.id(),
                    keyName,
                    organization.id(),
                    scopeValues);
            return new CreatedApiKey(apiKey, organization, generated.key());
        }
    }

    private static Map<String, Object> creationDetails(ApiKey key) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", key.name());
        details.put("prefix", key.prefix());
        details.put("scopes", key.scopes().stream().sorted().toList());
        details.put(
                "expires_at", key.expiresAt() == null ? null : key.expiresAt().toString());
        return details;
    }
}
