package com.cleantechcrm.query.lead;

import com.cleantechcrm.support.error.ApiException;
import com.cleantechcrm.support.error.ErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lets a client read its own writes. A write returns the version (sequence number) of the event it stored, and a
 * read of that lead that sends the version back in {@value #HEADER} or {@code ?min_position=} waits until the read
 * models have applied it, for at most {@code crm.read-your-writes.max-wait} (default 5 s). After that the read
 * returns the state it has, whose {@code version} shows that it is older.
 */
@Component
public class LeadVersionWaiter {

    public static final String HEADER = "X-Min-Position";
    public static final String PARAMETER = "min_position";

    private static final Logger log = LoggerFactory.getLogger(LeadVersionWaiter.class);
    private static final long POLL_INTERVAL_MS = 25;

    private final JdbcClient jdbc;
    private final Duration maxWait;

    LeadVersionWaiter(JdbcClient jdbc, @Value("${crm.read-your-writes.max-wait:5s}") Duration maxWait) {
        this.jdbc = jdbc;
        this.maxWait = maxWait;
    }

    /**
     * Waits until the lead's applied version reaches the requested one, when one was requested.
     *
     * @param header the {@value #HEADER} value, or null
     * @param parameter the {@code min_position} value, or null
     * @throws ApiException VALIDATION_FAILED when a value is not a non-negative integer
     */
    public void awaitRequestedVersion(UUID organizationId, UUID leadId, String header, String parameter) {
        Long headerVersion = parse(HEADER, header);
        Long parameterVersion = parse(PARAMETER, parameter);
        long requested =
                Math.max(headerVersion == null ? -1 : headerVersion, parameterVersion == null ? -1 : parameterVersion);
        if (requested < 0) {
            return;
        }

        long deadline = System.nanoTime() + maxWait.toNanos();
        while (appliedVersion(organizationId, leadId) < requested) {
            if (System.nanoTime() >= deadline) {
                log.info(
                        "Returning lead {} before version {} was applied because the wait of {} ms timed out.",
                        leadId,
                        requested,
                        maxWait.toMillis());
                return;
            }
            try {
                Thread.sleep(POLL_INTERVAL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private long appliedVersion(UUID organizationId, UUID leadId) {
        return jdbc.sql("select last_sequence from lead_event_position where lead_id = ? and organization_id = ?")
                .params(leadId, organizationId)
                .query(Long.class)
                .optional()
                .orElse(-1L);
    }

    private static Long parse(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            long version = Long.parseLong(value.trim());
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // Reported below with the same message as a negative value.
        }
        throw new ApiException(ErrorCode.VALIDATION_FAILED, "The request has an invalid " + name + " value.")
                .withValidationErrors(
                        List.of(name + ": must be a non-negative integer (the version a write returned)"));
    }
}
