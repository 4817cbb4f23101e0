package com.cleantechcrm.cli.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Turns a CSV file of leads (RFC 4180, header row) into {@code POST /leads} bodies. An empty cell leaves its field
 * out of the body. Cells of numeric fields that are not numbers are sent as strings, so the API reports them with
 * its own validation message.
 */
public final class CsvLeadReader {

    /** The columns a lead CSV file may have, in the order the sample data writes them. */
    public static final List<String> COLUMNS = List.of(
            "name",
            "email",
            "company",
            "organization_type",
            "sustainability_score",
            "compliance_status",
            "compliance_requirements",
            "procurement_estimated_duration",
            "procurement_stage",
            "deal_value",
            "source_channel",
            "source_campaign");

    public static final String REQUIREMENT_SEPARATOR = ";";

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .get();

    private CsvLeadReader() {}

    static List<ImportRow> read(String text) throws ImportFileException {
        LineIndex lines = new LineIndex(text);
        List<ImportRow> rows = new ArrayList<>();

        try (CSVParser parser = CSVParser.builder()
                .setReader(new StringReader(text))
                .setFormat(FORMAT)
                .get()) {
            List<String> header = parser.getHeaderNames();
            checkHeader(header);

            for (CSVRecord record : parser) {
                int line = lines.lineOf(record.getCharacterPosition());
                rows.add(toRow(line, record, header.size()));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new ImportFileException("Invalid CSV: " + e.getMessage(), e);
        }
        return rows;
    }

    private static void checkHeader(List<String> header) throws ImportFileException {
        if (header.isEmpty()) {
            throw new ImportFileException("The CSV file has no header row. Expected the columns " + COLUMNS + ".");
        }
        List<String> unknown =
                header.stream().filter(column -> !COLUMNS.contains(column)).toList();
        if (!unknown.isEmpty()) {
            throw new ImportFileException(
                    "Unknown CSV column(s) " + unknown + ". Known columns: " + String.join(",", COLUMNS) + ".");
        }
    }

    private static ImportRow toRow(int line, CSVRecord record, int headerSize) {
        if (record.size() != headerSize) {
            return ImportRow.unreadable(
                    line, "the row has " + record.size() + " fields but the header has " + headerSize);
        }
        return ImportRow.lead(line, toLeadBody(record));
    }

    /** Builds the request body with the fields in API order, leaving out the fields whose cells are empty. */
    static ObjectNode toLeadBody(CSVRecord record) {
        ObjectNode body = NODES.objectNode();
        putText(body, "name", cell(record, "name"));
        putText(body, "email", cell(record, "email"));
        putText(body, "company", cell(record, "company"));
        putText(body, "organization_type", cell(record, "organization_type"));
        putNumber(body, "sustainability_score", cell(record, "sustainability_score"));

        ObjectNode compliance = NODES.objectNode();
        putText(compliance, "status", cell(record, "compliance_status"));
        String requirements = cell(record, "compliance_requirements");
        if (requirements != null) {
            compliance.set("requirements", splitRequirements(requirements));
        }
        putIfNotEmpty(body, "regulatory_compliance", compliance);

        ObjectNode procurement = NODES.objectNode();
        putNumber(procurement, "estimated_duration", cell(record, "procurement_estimated_duration"));
        putText(procurement, "stage", cell(record, "procurement_stage"));
        putIfNotEmpty(body, "procurement_cycle", procurement);

        putNumber(body, "deal_value", cell(record, "deal_value"));

        ObjectNode source = NODES.objectNode();
        putText(source, "channel", cell(record, "source_channel"));
        putText(source, "campaign", cell(record, "source_campaign"));
        putIfNotEmpty(body, "source", source);
        return body;
    }

    private static JsonNode splitRequirements(String cell) {
        var list = NODES.arrayNode();
        Arrays.stream(cell.split(REQUIREMENT_SEPARATOR, -1))
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .forEach(list::add);
        return list;
    }

    /** Returns the cell of a column, or {@code null} when the column is absent or the cell is empty. */
    private static String cell(CSVRecord record, String column) {
        if (!record.isMapped(column)) {
            return null;
        }
        String value = record.get(column);
        return value.isEmpty() ? null : value;
    }

    private static void putText(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putNumber(ObjectNode node, String field, String value) {
        if (value == null) {
            return;
        }
        node.set(field, numberOrText(value.strip()));
    }

    private static JsonNode numberOrText(String value) {
        BigDecimal number;
        try {
            number = new BigDecimal(value);
        } catch (NumberFormatException e) {
            return NODES.textNode(value);
        }
        boolean writtenAsInteger = value.chars().allMatch(c -> Character.isDigit(c) || c == '-' || c == '+');
        if (writtenAsInteger) {
            BigInteger integer = number.toBigIntegerExact();
            return integer.bitLength() < 63 ? NODES.numberNode(integer.longValue()) : NODES.numberNode(integer);
        }
        return NODES.numberNode(number);
    }

    private static void putIfNotEmpty(ObjectNode parent, String field, ObjectNode child) {
        if (!child.isEmpty()) {
            parent.set(field, child);
        }
    }

    /** Maps a character offset of the file to its 1-based line number. */
    private static final class LineIndex {
        private final String text;
        private final int[] lineStarts;

        LineIndex(String text) {
            this.text = text;
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
                if (c == '\n' || (c == '\r' && !crlf)) {
                    starts.add(i + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        /**
         * Returns the line of the record that the parser reports at {@code offset}. The parser reports the position
         * before any skipped blank lines, so those are passed over first.
         */
        int lineOf(long offset) {
            int position = (int) offset;
            while (position < text.length() && (text.charAt(position) == '\r' || text.charAt(position) == '\n')) {
                position++;
            }
            int index = Arrays.binarySearch(lineStarts, position);
            return (index >= 0 ? index : -index - 2) + 1;
        }
    }
}
