package com.cleantechcrm.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.gateway.apikey.ApiScope;
import com.cleantechcrm.gateway.apikey.CreatedApiKey;
import com.cleantechcrm.gateway.support.GatewayIntegrationTest;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class RequestLogTest extends GatewayIntegrationTest {

    /**
     * Returns the first output line that contains {@code text}, waiting up to 5 seconds, because the client can
     * receive the response before the gateway writes its log line.
     */
    private static String awaitLineContaining(CapturedOutput output, String text) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<String> line = output.getOut()
                    .lines()
                    .filter(candidate -> candidate.contains(text))
                    .findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("No output line contains '" + text + "' after 5 seconds");
    }

    @Test
    void requestIsLoggedWithRouteAndIds(CapturedOutput output) throws Exception {
        CreatedApiKey key = createKey(ApiScope.LEADS_READ);
        String leadId = UUID.randomUUID().toString();

        send(request("GET", "/leads/" + leadId + "/history", key.key(), null).header("X-Request-Id", "log-req-1"));

        String line = awaitLineContaining(output, "(request log-req-1,");
        assertThat(line).contains("Handled GET /leads/{id}/history");
        assertThat(line).contains("status 200");
        assertThat(line).containsPattern("in \\d+ ms");
        assertThat(line).contains(key.organization().id().toString());
        assertThat(line).contains(key.apiKey().id().toString());
        assertThat(line).doesNotContain(leadId);
    }

    @Test
    void rejectedRequestIsLoggedWithoutIds(CapturedOutput output) throws Exception {
        send(request("GET", "/leads", "ctk_00000000_" + "A".repeat(43), null).header("X-Request-Id", "log-req-2"));

        String line = awaitLineContaining(output, "(request log-req-2,");
        assertThat(line).contains("Handled GET unmatched with status 401");
        assertThat(line).contains("organization -, API key -)");
    }

    @Test
    void keysNeverAppearInLogs(CapturedOutput output) throws Exception {
        CreatedApiKey valid = createKey(ApiScope.LEADS_WRITE);
        String wrongSecret = valid.key().substring(0, 13) + "B".repeat(43);

        send("POST", "/leads", valid.key(), "{}");
        send("GET", "/leads", valid.key(), null);
        send("GET", "/leads", wrongSecret, null);
        send(request("GET", "/nowhere", valid.key(), null).header("X-Request-Id", "log-req-last"));
        awaitLineContaining(output, "Handled POST /leads with status 200");
        awaitLineContaining(output, "(request log-req-last,");

        assertThat(output.getAll()).doesNotContain(valid.key());
        assertThat(output.getAll()).doesNotContain(wrongSecret);
        assertThat(output.getAll()).doesNotContain(valid.key().substring(13));
    }
}
