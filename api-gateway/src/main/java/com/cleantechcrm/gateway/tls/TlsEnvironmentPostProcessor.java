package com.cleantechcrm.gateway.tls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Serves HTTPS when {@code crm.tls.certificate} and {@code crm.tls.private-key} (environment variables {@code
 * CRM_TLS_CERTIFICATE} and {@code CRM_TLS_PRIVATE_KEY}) name PEM files. It defines the Spring Boot SSL bundle {@code
 * gateway} from them and makes the server use it, on the same port, so that port no longer serves plain HTTP. An
 * encrypted private key takes its password from {@code crm.tls.private-key-password}. Without both paths the gateway
 * serves plain HTTP.
 */
public class TlsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String BUNDLE = "gateway";

    private static final String PROPERTY_SOURCE_NAME = "crmGatewayTls";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String certificate = environment.getProperty("crm.tls.certificate", "").trim();
        String privateKey = environment.getProperty("crm.tls.private-key", "").trim();
        if (certificate.isEmpty() && privateKey.isEmpty()) {
            return;
        }
        if (certificate.isEmpty() || privateKey.isEmpty()) {
            throw new IllegalArgumentException(
                    "HTTPS needs both CRM_TLS_CERTIFICATE and CRM_TLS_PRIVATE_KEY, but only one of them is set.");
        }
        requireReadable(certificate, "CRM_TLS_CERTIFICATE");
        requireReadable(privateKey, "CRM_TLS_PRIVATE_KEY");

        String prefix = "spring.ssl.bundle.pem." + BUNDLE + ".keystore.";
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(prefix + "certificate", "file:" + certificate);
        properties.put(prefix + "private-key", "file:" + privateKey);
        String password = environment.getProperty("crm.tls.private-key-password", "");
        if (!password.isEmpty()) {
            properties.put(prefix + "private-key-password", password);
        }
        properties.put("server.ssl.bundle", BUNDLE);
        properties.put("server.ssl.enabled", "true");
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
    }

    private static void requireReadable(String path, String variable) {
        if (!Files.isReadable(Path.of(path))) {
            throw new IllegalArgumentException(
                    variable + " names " + path + ", which does not exist or cannot be read by the gateway.");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
