package com.cleantechcrm.cli;

import com.cleantechcrm.cli.importing.CsvLeadReader;
import java.math.BigDecimal;
import java.util.List;

/**
 * One generated lead, with the values of the API's create request.
 *
 * @param dealValue {@code null} to leave the cell empty, so the API applies its default of 0
 * @param channel {@code null} for a lead without a source
 */
public record SampleLead(
        String name,
        String email,
        String company,
        String organizationType,
        int sustainabilityScore,
        String complianceStatus,
        List<String> complianceRequirements,
        int procurementDuration,
        String procurementStage,
        BigDecimal dealValue,
        String channel,
        String campaign) {

    /** Returns the cells of the lead's CSV row, in the order of {@link CsvLeadReader#COLUMNS}. */
    List<String> csvCells() {
        return List.of(
                name,
                email,
                company,
                organizationType,
                Integer.toString(sustainabilityScore),
                complianceStatus,
                String.join(CsvLeadReader.REQUIREMENT_SEPARATOR, complianceRequirements),
                Integer.toString(procurementDuration),
                procurementStage,
                dealValue == null ? "" : dealValue.toPlainString(),
                channel == null ? "" : channel,
                campaign == null ? "" : campaign);
    }

    boolean isGovernment() {
        return organizationType.equals("Government");
    }
}
