package com.cleantechcrm.cli.importing;

/** An import file that cannot be read at all: missing, not UTF-8, an unknown format or an unknown CSV column. */
public class ImportFileException extends Exception {

    public ImportFileException(String message) {
        super(message);
    }

    public ImportFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
