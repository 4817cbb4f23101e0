package com.cleantechcrm.gateway.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.cleantechcrm.support.error.ApiException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageQueryTest {

    private static final Instant NOW = Instant.parse("2026-12-04T18:42:17.250Z");

    @Test
    void defaultsCoverLastDayHourly() {
        UsageQuery query = UsageQuery.parse(null, null, null, NOW);

        assertThat(query.granularity()).isEqualTo(Granularity.HOUR);
        assertThat(query.from()).isEqualTo(Instant.parse("2026-12-03T18:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2026-12-04T19:00:00Z"));
        assertThat(query.bucketStarts()).hasSize(25);
    }

    @Test
    void dailyDefaultCoversThirtyDays() {
        UsageQuery query = UsageQuery.parse(null, null, "day", NOW);

        assertThat(query.from()).isEqualTo(Instant.parse("2026-11-04T00:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2026-12-05T00:00:00Z"));
        assertThat(query.bucketStarts()).hasSize(31);
    }

    @Test
    void alignedBoundsStayAsSent() {
        UsageQuery query = UsageQuery.parse("2026-12-01T00:00:00Z", "2026-12-03T00:00:00Z", "day", NOW);

        assertThat(query.from()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
        assertThat(query.bucketStarts())
                .containsExactly(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-02T00:00:00Z"));
    }

    @Test
    void offsetsAreConvertedToUtcBeforeAligning() {
        UsageQuery query = UsageQuery.parse("2026-12-04T01:30:00+02:00", "2026-12-04T00:10:00-01:00", "hour", NOW);

        assertThat(query.from()).isEqualTo(Instant.parse("2026-12-03T23:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2026-12-04T02:00:00Z"));
    }

    @Test
    void invalidGranularitySkipsRangeLimit() {
        ApiException failure = catchThrowableOfType(
                ApiException.class,
                () -> UsageQuery.parse("2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z", "month", NOW));

        Object errors = failure.toResponse().error().details().get("validation_errors");
        assertThat(errors).isEqualTo(List.of("granularity: must be one of hour, day"));
    }
}
