package com.cleantechcrm.cli;

import com.cleantechcrm.cli.importing.ApiClient;
import com.cleantechcrm.cli.importing.ApiKeyRejectedException;
import com.cleantechcrm.cli.importing.ApiUnreachableException;
import com.cleantechcrm.cli.importing.ImportFileException;
import com.cleantechcrm.cli.importing.ImportFiles;
import com.cleantechcrm.cli.importing.ImportRow;
import com.cleantechcrm.cli.importing.ImportSummary;
import com.cleantechcrm.cli.importing.LeadImport;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Entry point of {@code crm-cli.jar}: {@code import} and {@code sample-data}. */
public final class CrmCli {

    static final int EXIT_USAGE = 2;

    static final String USAGE = """
            Usage:
              crm-cli import FILE [--key KEY] [--url URL] [--threads N] [--wait SECONDS]
                  Imports leads (.csv, .ndjson, .jsonl) and follow-ups (.ndjson, .jsonl) through the API.
                  --key      API key with leads:read and leads:write (default: the CRM_API_KEY variable)
                  --url      base URL of the API gateway (default: http://127.0.0.1:8080)
                  --threads  number of requests sent in parallel (default: 8)
                  --wait     seconds to wait for a lead to appear on the read side before its follow-ups
                             fail as not found (default: 30)
                  Exit code: 0 when every row was imported or already there, 3 when some rows were invalid
                  and none failed, 1 when a row failed or the API rejected the key, 2 on a usage error.
              crm-cli sample-data [--organizations FILE] [--out DIR] [--seed N]
                  Writes sample-leads.csv and sample-followups.ndjson, one lead per organisation of FILE
                  (default: data/organizations.csv, output folder: data, seed: %d).
            """.formatted(SampleDataGenerator.DEFAULT_SEED);

    private CrmCli() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            out.print(USAGE);
            return args.length == 0 ? EXIT_USAGE : 0;
        }
        try {
            Arguments arguments = Arguments.parse(args);
            return switch (args[0]) {
                case "import" -> runImport(arguments, out, err);
                case "sample-data" -> runSampleData(arguments, out);
                default -> throw new UsageException("Unknown command: " + args[0]);
            };
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return EXIT_USAGE;
        }
    }

    private static int runImport(Arguments arguments, PrintStream out, PrintStream err) throws UsageException {
        arguments.rejectUnknownOptions("import", Set.of("--key", "--url", "--threads", "--wait"));
        Path file = Path.of(arguments.single("import FILE"));
        String key = arguments.option("--key", System.getenv("CRM_API_KEY"));
        if (key == null || key.isBlank()) {
            throw new UsageException("Missing API key: pass --key KEY or set CRM_API_KEY.");
        }
        URI url = URI.create(arguments.option("--url", "http://127.0.0.1:8080"));
        int threads = arguments.intOption("--threads", 8, 1, 64);
        int waitSeconds = arguments.intOption("--wait", 30, 0, 3600);

        List<ImportRow> rows;
        try {
            rows = ImportFiles.read(file);
        } catch (ImportFileException e) {
            err.println(e.getMessage());
            return EXIT_USAGE;
        }

        LeadImport leadImport =
                new LeadImport(new ApiClient(url, key.strip()), threads, Duration.ofSeconds(waitSeconds), out);
        try {
            return leadImport.run(rows).exitCode();
        } catch (ApiKeyRejectedException e) {
            err.println("Import stopped. " + withFullStop(e.getMessage())
                    + " Pass a key with the scopes leads:read and leads:write (./crm key create).");
            return ImportSummary.EXIT_FAILED;
        } catch (ApiUnreachableException e) {
            err.println("Import stopped. " + withFullStop(e.getMessage()) + " Is the system running (./crm up) at "
                    + url + "?");
            return ImportSummary.EXIT_FAILED;
        }
    }

    private static String withFullStop(String sentence) {
        return sentence.endsWith(".") ? sentence : sentence + ".";
    }

    private static int runSampleData(Arguments arguments, PrintStream out) throws UsageException {
        arguments.rejectUnknownOptions("sample-data", Set.of("--organizations", "--out", "--seed"));
        arguments.noPositional("sample-data");
        Path organizations = Path.of(arguments.option("--organizations", "data/organizations.csv"));
        Path outputFolder = Path.of(arguments.option("--out", "data"));
        long seed = arguments.intOption("--seed", (int) SampleDataGenerator.DEFAULT_SEED, 0, Integer.MAX_VALUE);
        try {
            SampleDataGenerator.Result result = new SampleDataGenerator(seed).writeFiles(organizations, outputFolder);
            out.printf(
                    "Wrote %d leads to %s and %d follow-ups to %s.%n",
                    result.leads(), result.leadsFile(), result.followUps(), result.followUpsFile());
            return 0;
        } catch (IOException e) {
            throw new UsageException("Cannot generate the sample data: " + e.getMessage());
        }
    }

    /** A command line that cannot be run; its message states what to change. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** The positional arguments after the command, and the {@code --name value} options. */
    private record Arguments(List<String> positional, Map<String, String> options) {

        static Arguments parse(String[] args) throws UsageException {
            List<String> positional = new ArrayList<>();
            Map<String, String> options = new HashMap<>();
            for (int i = 1; i < args.length; i++) {
                if (args[i].startsWith("--")) {
                    if (i + 1 >= args.length) {
                        throw new UsageException("Missing value for " + args[i]);
                    }
                    options.put(args[i], args[++i]);
                } else {
                    positional.add(args[i]);
                }
            }
            return new Arguments(positional, options);
        }

        String single(String argumentName) throws UsageException {
            if (positional.size() != 1) {
                throw new UsageException("Expected exactly one argument for " + argumentName + ", got " + positional);
            }
            return positional.get(0);
        }

        void noPositional(String command) throws UsageException {
            if (!positional.isEmpty()) {
                throw new UsageException(command + " takes no positional arguments, got " + positional);
            }
        }

        void rejectUnknownOptions(String command, Set<String> known) throws UsageException {
            for (String name : options.keySet()) {
                if (!known.contains(name)) {
                    throw new UsageException("Unknown option for " + command + ": " + name);
                }
            }
        }

        String option(String name, String defaultValue) {
            return options.getOrDefault(name, defaultValue);
        }

        int intOption(String name, int defaultValue, int min, int max) throws UsageException {
            String value = options.get(name);
            if (value == null) {
                return defaultValue;
            }
            try {
                int parsed = Integer.parseInt(value);
                if (parsed < min || parsed > max) {
                    throw new UsageException(name + " must be between " + min + " and " + max + ", got " + value);
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new UsageException(name + " must be an integer, got " + value);
            }
        }
    }
}
