package com.cleantechcrm.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cleantechcrm.gateway.ApiGatewayApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * Starts the gateway with a self-signed certificate made at test time and calls it over HTTPS with a client that
 * trusts only that certificate. The gateway runs in its own application context, apart from the other tests.
 */
class GatewayTlsTest {

    private static SelfSignedCertificate certificate;
    private static ServletWebServerApplicationContext gateway;
    private static int port;

    @BeforeAll
    static void startGatewayWithCertificate() throws Exception {
        certificate = SelfSignedCertificate.create(Path.of("target", "tls-test"));
        gateway = (ServletWebServerApplicationContext) new SpringApplicationBuilder(ApiGatewayApplication.class)
                .profiles("test")
                // Command line arguments, because they take precedence over application.yml.
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--crm.tls.certificate=" + certificate.certificate(),
                        "--crm.tls.private-key=" + certificate.privateKey());
        port = gateway.getWebServer().getPort();
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void servesHttpsWithConfiguredCertificate() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(certificate.trustingContext())
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        HttpResponse<String> health = client.send(
                HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/actuator/health/liveness"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unauthorized = client.send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/leads"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(unauthorized.body()).contains("\"code\":\"UNAUTHORIZED\"");
        assertThat(unauthorized.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void clientWithoutTrustIsRejected() {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        assertThatThrownBy(() -> client.send(
                        HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void plainHttpIsNotServed() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/leads"))
                .timeout(Duration.ofSeconds(10))
                .build();

        // Tomcat either drops the connection or responds with 400 without passing the request on to the gateway.
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("X-Request-Id")).isEmpty();
            assertThat(response.body()).doesNotContain("\"error\"");
        } catch (IOException rejected) {
            assertThat(rejected).isNotInstanceOf(java.net.http.HttpTimeoutException.class);
        }
    }
}
