package com.cleantechcrm.gateway.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cleantechcrm.gateway.apikey.ApiKeyCheck.Accepted;
import com.cleantechcrm.gateway.apikey.ApiKeyCheck.Rejected;
import com.cleantechcrm.gateway.apikey.ApiKeyCheck.RejectionReason;
import com.cleantechcrm.gateway.support.GatewayIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ApiKeyLookupTest extends GatewayIntegrationTest {

    @Autowired
    ApiKeyRepository repository;

    @Autowired
    ApiKeyAuthenticator authenticator;

    @Autowired
    ApiKeyChanges changes;

    @Test
    void revocationTakesEffectWithinOneSecond() throws InterruptedException {
        CreatedApiKey created = createKey(ApiScope.LEADS_READ);
        assertThat(authenticator.authenticate(created.key())).isInstanceOf(Accepted.class);

        assertThat(repository.revoke(created.apiKey().id(), Instant.now())).isTrue();
        long revokedAt = System.nanoTime();
        ApiKeyCheck check = authenticator.authenticate(created.key());
        while (check instanceof Accepted
                && System.nanoTime() - revokedAt < Duration.ofSeconds(2).toNanos()) {
            Thread.sleep(20);
            check = authenticator.authenticate(created.key());
        }

        assertThat(check).isEqualTo(new Rejected(RejectionReason.REVOKED));
        assertThat(Duration.ofNanos(System.nanoTime() - revokedAt)).isLessThan(ApiKeyLookup.MAX_TIME_TO_LIVE);
    }

    @Test
    void rotatedSecretWorksAtOnceDespiteCache() {
        CreatedApiKey created = createKey(ApiScope.LEADS_READ);
        assertThat(authenticator.authenticate(created.key())).isInstanceOf(Accepted.class);

        ApiKeyChanges.RotatedApiKey rotated = changes.rotate(
                created.organization().id(), created.apiKey().id(), Duration.ofMinutes(5), ApiKeyActor.commandLine());

        assertThat(authenticator.authenticate(rotated.key())).isInstanceOf(Accepted.class);
        assertThat(authenticator.authenticate(created.key())).isInstanceOf(Accepted.class);
    }

    @Test
    void rejectsTimeToLiveOfOneSecondOrMore() {
        assertThatThrownBy(() -> new ApiKeyLookup(repository, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("crm.gateway.api-key-cache-ttl");
    }
}
