package com.cleantechcrm.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.support.security.Caller;
import com.cleantechcrm.support.security.InternalTokenIssuer;
import com.cleantechcrm.support.security.InternalTokenProperties;
import com.cleantechcrm.system.ApiClient.Response;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** API keys, scopes, and the services' refusal of callers that did not come through the gateway. */
class AccessSystemTest {

    private static RunningSystem system;

    @BeforeAll
    static void startSystem() throws Exception {
        system = RunningSystem.get();
    }

    @Test
    void missingKeyIsUnauthorized() {
        Response response = new ApiClient(system.gatewayUrl(), null).get("/leads");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void unknownKeyIsUnauthorized() {
        Response response = new ApiClient(system.gatewayUrl(), "ctk_nothere_" + UUID.randomUUID()).get("/leads");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void keyWithoutScopeIsForbidden() throws Exception {
        ApiClient reader =
                new ApiClient(system.gatewayUrl(), system.createKey(system.unthrottledOrganization(), "leads:read"));

        Response write = reader.post("/leads", ApiClient.json(Leads.valid()));
        Response stats = reader.get("/leads/stats/growth");

        assertThat(write.status()).isEqualTo(403);
        assertThat(write.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(stats.status()).isEqualTo(403);
    }

    @Test
    void serviceRejectsRequestThatBypassesGateway() {
        Response command = new ApiClient(system.commandUrl(), null).post("/leads", ApiClient.json(Leads.valid()));
        Response query = new ApiClient(system.queryUrl(), null).get("/leads");

        assertThat(command.status()).isEqualTo(401);
        assertThat(command.errorCode()).isEqualTo("UNAUTHORIZED");
        assertThat(query.status()).isEqualTo(401);
    }

    @Test
    void serviceRejectsTokenSignedWithAnotherSecret() {
        InternalTokenIssuer forger = new InternalTokenIssuer(
                new InternalTokenProperties("a-secret-the-gateway-does-not-have-0123456789", null, null, null, null),
                Clock.systemUTC());
        String forged = forger.issue(new Caller(UUID.randomUUID(), "forged", Set.of("leads:read", "leads:write")));

        Response response = new ApiClient(system.commandUrl(), forged).post("/leads", ApiClient.json(Leads.valid()));

        assertThat(response.status()).isEqualTo(401);
    }
}
