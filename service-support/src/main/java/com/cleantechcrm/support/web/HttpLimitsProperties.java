package com.cleantechcrm.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on incoming HTTP requests.
 *
 * @param maxBodyBytes the largest request body accepted; larger ones get {@code 413 PAYLOAD_TOO_LARGE}
 */
@ConfigurationProperties("crm.http")
public record HttpLimitsProperties(DataSize maxBodyBytes) {

    public HttpLimitsProperties {
        maxBodyBytes = maxBodyBytes == null ? DataSize.ofMegabytes(1) : maxBodyBytes;
    }
}
