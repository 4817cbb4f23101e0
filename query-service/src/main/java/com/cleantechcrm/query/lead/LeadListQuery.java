package com.cleantechcrm.query.lead;

import com.cleantechcrm.events.ComplianceStatus;
import com.cleantechcrm.events.LifecycleStage;
import com.cleantechcrm.events.OrganizationType;
import com.cleantechcrm.support.error.ApiException;
import com.cleantechcrm.support.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A validated {@code GET /leads} request. Null filters match every lead.
 *
 * @param q a case-insensitive substring of the name, company or email
 * @param cursor the position after which the page starts, or null for the first page
 */
record LeadListQuery(
        UUID organizationId,
        OrganizationType organizationType,
        LifecycleStage lifecycleStage,
        ComplianceStatus complianceStatus,
        Integer minScore,
        String q,
        int limit,
        LeadSort sort,
        LeadCursor cursor) {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    static final int MAX_QUERY_LENGTH = 200;

    private static final ApiEnumNames<OrganizationType> ORGANIZATION_TYPES = new ApiEnumNames<>(OrganizationType.class);
    private static final ApiEnumNames<LifecycleStage> LIFECYCLE_STAGES = new ApiEnumNames<>(LifecycleStage.class);
    private static final ApiEnumNames<ComplianceStatus> COMPLIANCE_STATUSES =
            new ApiEnumNames<>(ComplianceStatus.class);

    /**
     * Validates the raw query parameters, each of which may be null when absent.
     *
     * @throws ApiException VALIDATION_FAILED listing every invalid parameter
     */
    static LeadListQuery parse(
            UUID organizationId,
            String organizationType,
            String lifecycleStage,
            String complianceStatus,
            String minScore,
            String q,
            String limit,
            String sort,
            String cursor) {
        List<String> errors = new ArrayList<>();

        OrganizationType type = parseEnum("organization_type", organizationType, ORGANIZATION_TYPES, errors);
        LifecycleStage stage = parseEnum("lifecycle_stage", lifecycleStage, LIFECYCLE_STAGES, errors);
        ComplianceStatus compliance = parseEnum("compliance_status", complianceStatus, COMPLIANCE_STATUSES, errors);
        Integer parsedMinScore = parseInteger("min_score", minScore, 0, 100, errors);
        Integer parsedLimit = parseInteger("limit", limit, 1, MAX_LIMIT, errors);
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            errors.add("q: must be at most " + MAX_QUERY_LENGTH + " characters");
        }

        LeadSort parsedSort = LeadSort.CREATED_AT_DESC;
        if (sort != null) {
            Optional<LeadSort> found = LeadSort.fromParameter(sort);
            if (found.isEmpty()) {
                errors.add("sort: must be one of created_at_desc, created_at_asc, score_desc, name_asc");
            } else {
                parsedSort = found.get();
            }
        }

        LeadCursor parsedCursor = null;
        if (cursor != null) {
            try {
                parsedCursor = LeadCursor.decode(cursor);
                if (parsedCursor.sort() != parsedSort) {
                    errors.add("cursor: belongs to sort " + parsedCursor.sort().parameterValue()
                            + "; send the same sort as for the first page");
                }
            } catch (IllegalArgumentException e) {
                errors.add("cursor: is not a next_cursor value of this API");
            }
        }

        if (!errors.isEmpty()) {
            throw new ApiException(
                            ErrorCode.VALIDATION_FAILED,
                            "The request has " + errors.size() + " invalid query parameter"
                                    + (errors.size() == 1 ? "." : "s."))
                    .withValidationErrors(errors);
        }
        return new LeadListQuery(
                organizationId,
                type,
                stage,
                compliance,
                parsedMinScore,
                q == null || q.isEmpty() ? null : q,
                parsedLimit == null ? DEFAULT_LIMIT : parsedLimit,
                parsedSort,
                parsedCursor);
    }

    private static <E extends Enum<E>> E parseEnum(
            String parameter, String value, ApiEnumNames<E> names, List<String> errors) {
        if (value == null) {
            return null;
        }
        Optional<E> parsed = names.parse(value);
        if (parsed.isEmpty()) {
            errors.add(parameter + ": must be one of " + names.accepted());
        }
        return parsed.orElse(null);
    }

    private static Integer parseInteger(String parameter, String value, int min, int max, List<String> errors) {
        if (value == null) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Reported below with the same message as a value out of range.
        }
        errors.add(parameter + ": must be an integer between " + min + " and " + max);
        return null;
    }
}
