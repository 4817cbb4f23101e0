package com.cleantechcrm.cli.importing;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Reads an import file into rows, choosing the format by the file extension. */
public final class ImportFiles {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private ImportFiles() {}

    /**
     * Reads every record of a {@code .csv}, {@code .ndjson} or {@code .jsonl} file. Records that cannot be turned
     * into a request come back as unreadable rows, so the caller can report them with their line number.
     */
    public static List<ImportRow> read(Path file) throws ImportFileException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String text = readUtf8(file);

        if (name.endsWith(".csv")) {
            return CsvLeadReader.read(text);
        }
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            return NdjsonReader.read(text);
        }
        throw new ImportFileException("Unsupported file type: " + file
                + ". Use a .csv file of leads or a .ndjson/.jsonl file of leads and" + " follow-ups.");
    }

    private static String readUtf8(Path file) throws ImportFileException {
        try {
            String text = Files.readString(file);
            return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
        } catch (NoSuchFileException e) {
            throw new ImportFileException("File not found: " + file, e);
        } catch (MalformedInputException e) {
            throw new ImportFileException("File is not valid UTF-8: " + file, e);
        } catch (IOException e) {
            throw new ImportFileException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
