package com.cleantechcrm.cli;

import com.cleantechcrm.cli.importing.CsvLeadReader;
import com.cleantechcrm.cli.importing.ImportJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Generates the sample data from a list of real organisations: one lead per organisation with a synthetic contact
 * person, and follow-ups that move a part of the leads through compliance, procurement, deal value, playbook and
 * lifecycle changes. The output depends only on the input file and the seed.
 */
public final class SampleDataGenerator {

    public static final long DEFAULT_SEED = 20261204L;
    public static final String LEADS_FILE = "sample-leads.csv";
    public static final String FOLLOW_UPS_FILE = "sample-followups.ndjson";

    private static final List<String> EMAIL_DOMAINS = List.of("example.org", "example.com", "example.net");

    /** An organisation of the input file. */
    public record Organization(String name, String type) {}

    /** The files written and how many records each has. */
    public record Result(int leads, Path leadsFile, int followUps, Path followUpsFile) {}

    private final long seed;
    private final ObjectMapper mapper = ImportJson.newObjectMapper();

    public SampleDataGenerator(long seed) {
        this.seed = seed;
    }

    public static void main(String[] args) throws IOException {
        Path organizations = Path.of(args.length > 0 ? args[0] : "data/organizations.csv");
        Path outputFolder = Path.of(args.length > 1 ? args[1] : "data");
        Result result = new SampleDataGenerator(DEFAULT_SEED).writeFiles(organizations, outputFolder);
        System.out.printf("Wrote %d leads and %d follow-ups.%n", result.leads(), result.followUps());
    }

    public Result writeFiles(Path organizationsCsv, Path outputFolder) throws IOException {
        List<SampleLead> leads = generateLeads(readOrganizations(organizationsCsv));
        List<ObjectNode> followUps = new SampleFollowUps(new Random(seed + 1), mapper).generate(leads);

        Files.createDirectories(outputFolder);
        Path leadsFile = outputFolder.resolve(LEADS_FILE);
        try (Writer writer = Files.newBufferedWriter(leadsFile, StandardCharsets.UTF_8)) {
            writeLeads(leads, writer);
        }
        Path followUpsFile = outputFolder.resolve(FOLLOW_UPS_FILE);
        try (Writer writer = Files.newBufferedWriter(followUpsFile, StandardCharsets.UTF_8)) {
            writeFollowUps(followUps, writer);
        }
        return new Result(leads.size(), leadsFile, followUps.size(), followUpsFile);
    }

    /** Reads the {@code organization} and {@code organization_type} columns of an organisations CSV file. */
    public static List<Organization> readOrganizations(Path file) throws IOException {
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser =
                        CSVParser.builder().setReader(reader).setFormat(format).get()) {
            List<Organization> organizations = new ArrayList<>();
            for (CSVRecord record : parser) {
                organizations.add(new Organization(record.get("organization"), record.get("organization_type")));
            }
            return organizations;
        }
    }

    public List<SampleLead> generateLeads(List<Organization> organizations) {
        Random random = new Random(seed);
        Set<String> usedEmails = new HashSet<>();
        List<SampleLead> leads = new ArrayList<>();
        for (Organization organization : organizations) {
            PersonNames.PersonName name = PersonNames.next(random);
            String email = uniqueEmail(name, random, usedEmails);
            leads.add(SampleLeads.create(name.fullName(), email, organization, random));
        }
        return leads;
    }

    /** Builds {@code first.last@example.*} from the ASCII form of a name, numbered when the address is taken. */
    static String uniqueEmail(PersonNames.PersonName name, Random random, Set<String> usedEmails) {
        String first = AsciiTransliterator.toAsciiLetters(name.first());
        String last = AsciiTransliterator.toAsciiLetters(name.last());
        String localPart = last.isEmpty() ? first : first + "." + last;
        String domain = EMAIL_DOMAINS.get(random.nextInt(EMAIL_DOMAINS.size()));

        String email = localPart + "@" + domain;
        for (int number = 2; !usedEmails.add(email); number++) {
            email = localPart + number + "@" + domain;
        }
        return email;
    }

    static void writeLeads(List<SampleLead> leads, Writer writer) throws IOException {
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader(CsvLeadReader.COLUMNS.toArray(String[]::new))
                .get();
        try (CSVPrinter printer = new CSVPrinter(writer, format)) {
            for (SampleLead lead : leads) {
                printer.printRecord(lead.csvCells());
            }
        }
    }

    void writeFollowUps(List<ObjectNode> followUps, Writer writer) throws IOException {
        for (ObjectNode followUp : followUps) {
            writer.write(mapper.writeValueAsString(followUp));
            writer.write('\n');
        }
    }

    /** Rounds a positive amount to whole hundreds, written without an exponent or fraction digits. */
    static BigDecimal roundAmount(double amount) {
        return BigDecimal.valueOf(amount).setScale(-2, RoundingMode.HALF_UP).setScale(0, RoundingMode.UNNECESSARY);
    }
}
