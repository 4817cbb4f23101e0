package com.cleantechcrm.cli.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLeadReaderTest {

    private static final String HEADER = String.join(",", CsvLeadReader.COLUMNS) + "\r\n";

    @TempDir
    Path folder;

    @Test
    void readsEveryColumnIntoTheRequestBody() throws Exception {
        List<ImportRow> rows = read(HEADER
                + "Anna Berg,anna@example.org,Solar AG,Corporate,72,pending,building permit; grid connection ;,"
                + "120,discovery,1250.50,ABM,abm-2026\r\n");

        JsonNode body = rows.get(0).body();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).isLead()).isTrue();
        assertThat(rows.get(0).email()).isEqualTo("anna@example.org");
        assertThat(ImportJson.canonical(body))
                .isEqualTo("{\"company\":\"Solar AG\",\"deal_value\":1250.50,\"email\":\"anna@example.org\","
                        + "\"name\":\"Anna Berg\",\"organization_type\":\"Corporate\","
                        + "\"procurement_cycle\":{\"estimated_duration\":120,\"stage\":\"discovery\"},"
                        + "\"regulatory_compliance\":{\"requirements\":[\"building permit\",\"grid connection\"],"
                        + "\"status\":\"pending\"},\"source\":{\"campaign\":\"abm-2026\",\"channel\":\"ABM\"},"
                        + "\"sustainability_score\":72}");
    }

    @Test
    void keepsQuotedCommasQuotesAndLineBreaks() throws Exception {
        List<ImportRow> rows = read(HEADER
                + "\"O'Brien, Jr.\",ob@example.org,\"LLC \"\"VTK-invest\"\", Moscow\",Corporate,50,approved,,30,a,,,\r\n"
                + "\"Two\r\nLines\",two@example.org,\"Société Algérienne de Production de l’Electricité (SPE)\","
                + "Government,1,approved,,30,a,,,\r\n");

        assertThat(rows.get(0).body().get("name").asText()).isEqualTo("O'Brien, Jr.");
        assertThat(rows.get(0).body().get("company").asText()).isEqualTo("LLC \"VTK-invest\", Moscow");
        assertThat(rows.get(1).body().get("name").asText()).isEqualTo("Two\r\nLines");
        assertThat(rows.get(1).body().get("company").asText())
                .isEqualTo("Société Algérienne de Production de l’Electricité (SPE)");
    }

    @Test
    void keepsAccentsGreekAndCyrillicByteForByte() throws Exception {
        // Αglantzia starts with a Greek capital alpha, Тarigrad with a Cyrillic capital te.
        String names = "Γιώργος Παπαδόπουλος|Олександр Шевченко|Jürgen Groß|Αglantzia|Тarigrad|Groβgöttfritz";
        StringBuilder csv = new StringBuilder(HEADER);
        int i = 0;
        for (String name : names.split("\\|")) {
            csv.append(name)
                    .append(",p")
                    .append(i)
                    .append("@example.org,")
                    .append(name)
                    .append(",NGO,1,pending,,1,a,,,\n");
            i++;
        }

        List<ImportRow> rows = read(csv.toString());

        i = 0;
        for (String name : names.split("\\|")) {
            byte[] expected = name.getBytes(StandardCharsets.UTF_8);
            assertThat(rows.get(i).body().get("name").asText().getBytes(StandardCharsets.UTF_8))
                    .isEqualTo(expected);
            assertThat(rows.get(i).body().get("company").asText().getBytes(StandardCharsets.UTF_8))
                    .isEqualTo(expected);
            i++;
        }
    }

    @Test
    void leavesEmptyCellsOutOfTheBody() throws Exception {
        List<ImportRow> rows = read(HEADER + "Anna,anna@example.org,Solar AG,Corporate,,,,,,,,\r\n");

        JsonNode body = rows.get(0).body();
        assertThat(body.has("sustainability_score")).isFalse();
        assertThat(body.has("regulatory_compliance")).isFalse();
        assertThat(body.has("procurement_cycle")).isFalse();
        assertThat(body.has("deal_value")).isFalse();
        assertThat(body.has("source")).isFalse();
    }

    @Test
    void sendsNonNumericNumberCellsAsText() throws Exception {
        List<ImportRow> rows = read(HEADER + "Anna,anna@example.org,Solar AG,Corporate,high,pending,,7.5,a,1e3,,\r\n");

        JsonNode body = rows.get(0).body();
        assertThat(body.get("sustainability_score").isTextual()).isTrue();
        assertThat(body.get("sustainability_score").asText()).isEqualTo("high");
        assertThat(body.at("/procurement_cycle/estimated_duration").isBigDecimal())
                .isTrue();
        assertThat(body.get("deal_value").isNumber()).isTrue();
        assertThat(body.get("deal_value").isIntegralNumber()).isFalse();
    }

    @Test
    void acceptsColumnSubsetInAnyOrder() throws Exception {
        List<ImportRow> rows = read("email,name\nanna@example.org,Anna\n");

        assertThat(ImportJson.canonical(rows.get(0).body()))
                .isEqualTo("{\"email\":\"anna@example.org\",\"name\":\"Anna\"}");
    }

    @Test
    void rejectsUnknownColumn() {
        assertThatThrownBy(() -> read("name,email,nickname\nA,a@example.org,x\n"))
                .isInstanceOf(ImportFileException.class)
                .hasMessageContaining("[nickname]");
    }

    @Test
    void reportsRowWithWrongFieldCount() throws Exception {
        List<ImportRow> rows = read("name,email\nA,a@example.org,extra\n");

        assertThat(rows.get(0).isReadable()).isFalse();
        assertThat(rows.get(0).problem()).isEqualTo("the row has 3 fields but the header has 2");
    }

    @Test
    void numbersRowsByTheLineTheyStartOn() throws Exception {
        List<ImportRow> rows =
                read("\uFEFFname,email\r\nA,a@example.org\r\n\"Multi\r\nline\",b@example.org\r\nC,c@example.org\r\n");

        assertThat(rows).extracting(ImportRow::line).containsExactly(2, 3, 5);
        assertThat(rows.get(0).body().get("name").asText()).isEqualTo("A");
    }

    @Test
    void skipsBlankLinesAndKeepsLineNumbers() throws Exception {
        List<ImportRow> rows = read("name,email\n\nA,a@example.org\n\n\nB,b@example.org\n");

        assertThat(rows).extracting(ImportRow::line).containsExactly(3, 6);
    }

    @Test
    void rejectsFileThatIsNotUtf8() throws Exception {
        Path file = folder.resolve("latin1.csv");
        Files.write(file, "name\nJ\u00fcrgen\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> ImportFiles.read(file))
                .isInstanceOf(ImportFileException.class)
                .hasMessageContaining("not valid UTF-8");
    }

    private List<ImportRow> read(String content) throws Exception {
        Path file = folder.resolve("leads.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return ImportFiles.read(file);
    }
}
