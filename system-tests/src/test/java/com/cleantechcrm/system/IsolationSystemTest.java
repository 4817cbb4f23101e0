package com.cleantechcrm.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.system.ApiClient.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One organisation can never read, change or count another's leads. */
class IsolationSystemTest {

    private static ApiClient alpha;
    private static ApiClient beta;

    @BeforeAll
    static void startSystem() throws Exception {
        RunningSystem system = RunningSystem.get();
        String scopes = "leads:read,leads:write,stats:read";
        alpha = new ApiClient(system.gatewayUrl(), system.createKey(system.unthrottledOrganization(), scopes));
        beta = new ApiClient(system.gatewayUrl(), system.createKey(system.unthrottledOrganization(), scopes));
    }

    @Test
    void otherOrganisationsLeadIsNotFound() {
        String id = LeadPipelineSystemTest.create(alpha, Leads.valid());
        alpha.awaitGet("/leads/" + id, response -> response.status() == 200);

        assertThat(beta.get("/leads/" + id).status()).isEqualTo(404);
        assertThat(beta.get("/leads/" + id + "/history").status()).isEqualTo(404);
        assertThat(beta.post("/leads/" + id + "/lifecycle", ApiClient.json(Map.of("stage", "MQL")))
                        .status())
                .isEqualTo(404);
        assertThat(beta.put("/leads/" + id + "/deal-value", ApiClient.json(Map.of("deal_value", 1)))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void statisticsIgnoreOtherOrganisationsWrites() {
        String id = LeadPipelineSystemTest.create(alpha, Leads.with(Leads.valid(), "deal_value", 700));
        alpha.awaitGet("/leads/" + id, response -> response.status() == 200);
        Response before = alpha.awaitGet("/leads/stats/growth", response -> response.status() == 200);

        String betaLead = LeadPipelineSystemTest.create(beta, Leads.with(Leads.valid(), "deal_value", 999_999));
        beta.awaitGet("/leads/" + betaLead, response -> response.status() == 200);
        Response after = alpha.get("/leads/stats/growth");

        assertThat(after.body()).isEqualTo(before.body());
    }

    @Test
    void sameEmailIsAllowedInAnotherOrganisation() {
        String email = "shared-" + UUID.randomUUID() + "@example.org";
        LeadPipelineSystemTest.create(alpha, Leads.valid(email));

        Response created = beta.post("/leads", ApiClient.json(Leads.valid(email)));

        assertThat(created.status()).isEqualTo(201);
    }
}
