package com.cleantechcrm.query.lead;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;

/** The sort orders of {@code GET /leads}. Ties are broken by lead id in the same direction, so cursors are stable. */
enum LeadSort {
    CREATED_AT_DESC("created_at_desc", "v.created_at", true),
    CREATED_AT_ASC("created_at_asc", "v.created_at", false),
    SCORE_DESC("score_desc", "v.lead_score", true),
    NAME_ASC("name_asc", "lower(v.name)", false);

    private final String parameterValue;
    private final String keyExpression;
    private final boolean descending;

    LeadSort(String parameterValue, String keyExpression, boolean descending) {
        this.parameterValue = parameterValue;
        this.keyExpression = keyExpression;
        this.descending = descending;
    }

    static Optional<LeadSort> fromParameter(String value) {
        return Arrays.stream(values())
                .filter(sort -> sort.parameterValue.equals(value))
                .findFirst();
    }

    String parameterValue() {
        return parameterValue;
    }

    /** Returns the SQL that selects the sort key of a {@code lead_view v} row. */
    String keyExpression() {
        return keyExpression;
    }

    String orderBy() {
        String direction = descending ? " desc" : " asc";
        return keyExpression + direction + ", v.lead_id" + direction;
    }

    /** Returns the condition that selects rows after the cursor, with two parameters: the key and the lead id. */
    String afterCursorCondition() {
        return "(" + keyExpression + ", v.lead_id) " + (descending ? "<" : ">") + " (?, ?)";
    }

    /** Reads a row's sort key as the text a cursor stores. */
    String keyOf(ResultSet row) throws SQLException {
        return switch (this) {
            case CREATED_AT_DESC, CREATED_AT_ASC ->
                row.getObject("created_at", OffsetDateTime.class).toInstant().toString();
            case SCORE_DESC -> Integer.toString(row.getInt("lead_score"));
            case NAME_ASC -> row.getString("sort_name");
        };
    }

    /**
     * Converts a cursor's key text to the SQL parameter it is compared with.
     *
     * @throws IllegalArgumentException when the text is not a key of this sort
     */
    Object parseKey(String key) {
        return switch (this) {
            case CREATED_AT_DESC, CREATED_AT_ASC -> Timestamp.from(Instant.parse(key));
            case SCORE_DESC -> Integer.parseInt(key);
            case NAME_ASC -> key;
        };
    }
}
