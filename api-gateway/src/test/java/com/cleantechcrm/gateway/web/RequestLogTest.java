package com.cleantechcrm.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.gateway.apikey.ApiScope;
import com.cleantechcrm.gateway.apikey.CreatedApiKey;
import com.cleantechcrm.gateway.support.GatewayIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class RequestLogTest extends GatewayIntegrationTest {

    @Test
    void requestIsLoggedWithRouteAndIds(CapturedOutput output) {
        CreatedApiKey key = createKey(ApiScope.LEADS_READ);
        String leadId = UUID.randomUUID().toString();

        send(request("GET", "/leads/" + leadId + "/history", key.key(), null).header("X-Request-Id", "log-req-1"));

        String line = output.getOut()
                .lines()
                .filter(candidate -> candidate.contains("Handled GET"))
                .filter(candidate -> candidate.contains("log-req-1"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No request log line for request log-req-1"));
        assertThat(line).contains("/leads/{id}/history");
        assertThat(line).contains("status 200");
        assertThat(line).containsPattern("in \\d+ ms");
        assertThat(line).contains(key.organization().id().toString());
        assertThat(line).contains(key.apiKey().id().toString());
        assertThat(line).doesNotContain(leadId);
    }

    @Test
    void rejectedRequestIsLoggedWithoutIds(CapturedOutput output) {
        send(request("GET", "/leads", "ctk_00000000_" + "A".repeat(43), null).header("X-Request-Id", "log-req-2"));

        String line = output.getOut()
                .lines()
                .filter(candidate -> candidate.contains("log-req-2"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No request log line for request log-req-2"));
        assertThat(line).contains("Handled GET unmatched with status 401");
    }

    @Test
    void keysNeverAppearInLogs(CapturedOutput output) {
        CreatedApiKey valid = createKey(ApiScope.LEADS_WRITE);
        String wrongSecret = valid.key().substring(0, 13) + "B".repeat(43);

        send("POST", "/leads", valid.key(), "{}");
        send("GET", "/leads", valid.key(), null);
        send("GET", "/leads", wrongSecret, null);
        send("GET", "/nowhere", valid.key(), null);

        assertThat(output.getAll()).contains("Handled POST /leads with status 200");
        assertThat(output.getAll()).doesNotContain(valid.key());
        assertThat(output.getAll()).doesNotContain(wrongSecret);
        assertThat(output.getAll()).doesNotContain(valid.key().substring(13));
    }
}
