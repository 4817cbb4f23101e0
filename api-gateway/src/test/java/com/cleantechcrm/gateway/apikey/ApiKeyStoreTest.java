package com.cleantechcrm.gateway.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.gateway.apikey.ApiKeyCheck.Accepted;
import com.cleantechcrm.gateway.apikey.ApiKeyCheck.Rejected;
import com.cleantechcrm.gateway.apikey.ApiKeyCheck.RejectionReason;
import com.cleantechcrm.gateway.organization.OrganizationRepository;
import com.cleantechcrm.gateway.support.GatewayIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ApiKeyStoreTest extends GatewayIntegrationTest {

    @Autowired
    ApiKeyRepository repository;

    @Autowired
    OrganizationRepository organizations;

    @Autowired
    ApiKeyAuthenticator authenticator;

    @Autowired
    ApiKeyLookup lookup;

    @Test
    void createStoresOnlyTheHash() throws Exception {
        String organizationName = "test-org-" + UUID.randomUUID();
        CreatedApiKey created = apiKeyService.create(
                organizationName, "crm sync", Set.of(ApiScope.LEADS_READ, ApiScope.STATS_READ), null);

        assertThat(created.key()).matches("ctk_[a-z0-9]{8}_[A-Za-z0-9_-]{43}");
        ApiKey stored = repository.findByPrefix(created.apiKey().prefix()).orElseThrow();
        assertThat(stored.id()).isEqualTo(created.apiKey().id());
        assertThat(stored.organizationId()).isEqualTo(created.organization().id());
        assertThat(stored.name()).isEqualTo("crm sync");
        assertThat(stored.scopes()).containsExactlyInAnyOrder("leads:read", "stats:read");
        assertThat(stored.createdAt()).isNotNull();
        assertThat(stored.lastUsedAt()).isNull();
        assertThat(stored.expiresAt()).isNull();
        assertThat(stored.revokedAt()).isNull();
        byte[] expectedHash =
                MessageDigest.getInstance("SHA-256").digest(created.key().getBytes(StandardCharsets.UTF_8));
        assertThat(stored.secretHash()).isEqualTo(expectedHash);
        assertThat(new String(stored.secretHash(), StandardCharsets.ISO_8859_1)).doesNotContain(created.key());
    }

    @Test
    void createReusesExistingOrganization() {
        CreatedApiKey first = createKey(ApiScope.LEADS_READ);
        CreatedApiKey second =
                apiKeyService.create(first.organization().name(), "second", Set.of(ApiScope.LEADS_WRITE), null);

        assertThat(second.organization().id()).isEqualTo(first.organization().id());
        assertThat(second.apiKey().prefix()).isNotEqualTo(first.apiKey().prefix());
        assertThat(organizations.findByName(first.organization().name())).isPresent();
    }

    @Test
    void authenticateAcceptsValidKey() {
        CreatedApiKey created = createKey(ApiScope.LEADS_READ, ApiScope.LEADS_WRITE);

        ApiKeyCheck check = authenticator.authenticate(created.key());

        assertThat(check).isInstanceOf(Accepted.class);
        AuthenticatedKey key = ((Accepted) check).key();
        assertThat(key.keyId()).isEqualTo(created.apiKey().id());
        assertThat(key.organizationId()).isEqualTo(created.organization().id());
        assertThat(key.scopes()).containsExactlyInAnyOrder("leads:read", "leads:write");
    }

    @Test
    void authenticateRejectsWrongSecret() {
        CreatedApiKey created = createKey(ApiScope.LEADS_READ);
        String key = created.key();
        char last = key.charAt(key.length() - 1);
        String tampered = key.substring(0, key.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(authenticator.authenticate(tampered)).isEqualTo(new Rejected(RejectionReason.WRONG_SECRET));
    }

    @Test
    void authenticateRejectsUnknownPrefix() {
        CreatedApiKey created = createKey(ApiScope.LEADS_READ);
        String unknownPrefix = "ctk_zzzzzzzz" + created.key().substring("ctk_zzzzzzzz".length());

        assertThat(authenticator.authenticate(unknownPrefix)).isEqualTo(new Rejected(RejectionReason.UNKNOWN));
    }

    @Test
    void authenticateRejectsMalformedKeys() {
        CreatedApiKey created = createKey(ApiScope.LEADS_READ);

        assertThat(authenticator.authenticate("")).isEqualTo(new Rejected(RejectionReason.MALFORMED));
        assertThat(authenticator.authenticate(created.key() + "x")).isEqualTo(new Rejected(RejectionReason.MALFORMED));
        assertThat(authenticator.authenticate(created.key().replace("ctk_", "abc_")))
                .isEqualTo(new Rejected(RejectionReason.MALFORMED));
    }

    @Test
    void authenticateRejectsRevokedKey() {
        CreatedApiKey created = createKey(ApiScope.LEADS_READ);
        assertThat(repository.revoke(created.apiKey().id(), Instant.now().minusSeconds(1)))
                .isTrue();

        assertThat(authenticator.authenticate(created.key())).isEqualTo(new Rejected(RejectionReason.REVOKED));
    }

    @Test
    void authenticateRejectsExpiredKey() {
        CreatedApiKey created = createKey(Instant.now().minus(1, ChronoUnit.MINUTES), ApiScope.LEADS_READ);

        assertThat(authenticator.authenticate(created.key())).isEqualTo(new Rejected(RejectionReason.EXPIRED));
    }

    @Test
    void authenticateAcceptsKeyBeforeExpiry() {
        CreatedApiKey created = createKey(Instant.now().plus(1, ChronoUnit.HOURS), ApiScope.LEADS_READ);

        assertThat(authenticator.authenticate(created.key())).isInstanceOf(Accepted.class);
    }

    @Test
    void replacedKeyAcceptedUntilGraceEnds() {
        CreatedApiKey created = createKey(ApiScope.LEADS_READ);
        String newKey = new ApiKeyFormat(new java.security.SecureRandom())
                .generateWithPrefix(created.apiKey().prefix())
                .key();
        Instant now = Instant.now();

        repository.replaceSecret(
                created.apiKey().id(),
                ApiKeyHashes.sha256(newKey),
                now,
                created.apiKey().secretHash(),
                now.plus(1, ChronoUnit.HOURS));
        // The repository is changed directly, so the test evicts the cached key itself.
        lookup.evict(created.apiKey().prefix());
        ApiKeyCheck duringGrace = authenticator.authenticate(created.key());
        ApiKeyCheck withNewKey = authenticator.authenticate(newKey);
        repository.replaceSecret(
                created.apiKey().id(),
                ApiKeyHashes.sha256(newKey),
                now,
                created.apiKey().secretHash(),
                now);
        lookup.evict(created.apiKey().prefix());
        ApiKeyCheck afterGrace = authenticator.authenticate(created.key());

        assertThat(duringGrace).isInstanceOf(Accepted.class);
        assertThat(withNewKey).isInstanceOf(Accepted.class);
        assertThat(afterGrace).isEqualTo(new Rejected(RejectionReason.REPLACED_SECRET));
        assertThat(authenticator.authenticate(newKey)).isInstanceOf(Accepted.class);
    }

    @Test
    void lastUsedAtWrittenOncePerMinute() {
        CreatedApiKey created = createKey(ApiScope.LEADS_READ);

        authenticator.authenticate(created.key());
        Instant firstUse =
                repository.findById(created.apiKey().id()).orElseThrow().lastUsedAt();
        authenticator.authenticate(created.key());
        Instant afterSecondUse =
                repository.findById(created.apiKey().id()).orElseThrow().lastUsedAt();

        assertThat(firstUse).isNotNull();
        assertThat(afterSecondUse).isEqualTo(firstUse);
    }
}
