package com.cleantechcrm.cli.importing;

/**
 * The outcome of one row, with the lead id or the error code and message in {@code detail}.
 *
 * @param leadId the id of the lead the row created or changed, or {@code null} when none is known
 */
public record RowResult(int line, Outcome outcome, String leadId, String detail) {

    public String format() {
        return "line " + line + ": " + outcome.label() + " " + detail;
    }
}
