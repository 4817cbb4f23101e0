package com.cleantechcrm.support.logging;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Selects the console log format from {@code crm.log.format} (environment variable {@code CRM_LOG_FORMAT}): {@code
 * json}, the default, writes one ECS JSON object per line through Spring Boot's structured logging, and {@code text}
 * writes Spring Boot's plain pattern for reading on a terminal. An explicit {@code logging.structured.format.console}
 * wins over both. It runs after the configuration files are loaded and before the logging system starts.
 */
public class LogFormatEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String FORMAT_PROPERTY = "crm.log.format";
    static final String STRUCTURED_FORMAT_PROPERTY = "logging.structured.format.console";
    static final String STRUCTURED_FORMAT = "ecs";

    private static final String PROPERTY_SOURCE_NAME = "crmLogFormat";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty(FORMAT_PROPERTY, "json").trim().toLowerCase(Locale.ROOT);
        switch (format) {
            case "json" -> {
                if (!environment.containsProperty(STRUCTURED_FORMAT_PROPERTY)) {
                    environment
                            .getPropertySources()
                            .addLast(new MapPropertySource(
                                    PROPERTY_SOURCE_NAME, Map.of(STRUCTURED_FORMAT_PROPERTY, STRUCTURED_FORMAT)));
                }
            }
            case "text" -> {
                // Spring Boot's plain console pattern applies when no structured format is set.
            }
            default ->
                throw new IllegalArgumentException(
                        "CRM_LOG_FORMAT (crm.log.format) is '" + format + "', but must be json or text.");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
