package com.cleantechcrm.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.gateway.apikey.ApiScope;
import com.cleantechcrm.gateway.apikey.CreatedApiKey;
import com.cleantechcrm.gateway.support.GatewayIntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class GatewayMetricsTest extends GatewayIntegrationTest {

    private static final String REJECTIONS_PREFIX = "crm_gateway_api_key_rejections_total{";

    @Test
    void rejectedKeysAreCounted() {
        double before = rejections(scrape(), "malformed");

        send("GET", "/leads", "not-a-key", null);
        send("GET", "/leads", "ctk_broken", null);

        assertThat(rejections(scrape(), "malformed")).isEqualTo(before + 2);
    }

    @Test
    void requestsWithoutKeyAreCounted() {
        double missingBefore = rejections(scrape(), "missing");
        double malformedBefore = rejections(scrape(), "malformed");

        assertThat(send("GET", "/leads", null, null).statusCode()).isEqualTo(401);
        assertThat(send(request("GET", "/leads", null, null).header("Authorization", "Basic dXNlcjpwYXNz"))
                        .statusCode())
                .isEqualTo(401);

        String metrics = scrape();
        assertThat(rejections(metrics, "missing")).isEqualTo(missingBefore + 1);
        assertThat(rejections(metrics, "malformed")).isEqualTo(malformedBefore + 1);
    }

    @Test
    void requestLatencyHasHistogramByRoute() {
        CreatedApiKey key = createKey(ApiScope.LEADS_READ);
        assertThat(send("GET", "/leads", key.key(), null).statusCode()).isEqualTo(200);

        String metrics = scrape();

        assertThat(metrics).containsPattern("http_server_requests_seconds_bucket\\{[^}]*le=\"[0-9.]+\"");
    }

    private String scrape() {
        HttpResponse<String> response = send("GET", "/actuator/prometheus", null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static double rejections(String metrics, String reason) {
        return metrics.lines()
                .filter(line -> line.startsWith(REJECTIONS_PREFIX) && line.contains("reason=\"" + reason + "\""))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No rejection counter for reason " + reason));
    }
}
