package io.vigil.registry.source;

/**
 * A list file could not be read. The message always names the file and, where known, the line, record or
 * element, e.g. {@code "sdn.csv line 1043: expected 12 fields, found 7"}.
 */
public class ListParseException extends Exception {

    private final String file;
    private final String location;

    public ListParseException(String file, String location, String reason, Throwable cause) {
        super(message(file, location, reason), cause);
        this.file = file;
        this.location = location;
    }

    public ListParseException(String file, String location, String reason) {
        this(file, location, reason, null);
    }

    private static String message(String file, String location, String reason) {
        return file + (location == null || location.isBlank() ? "" : " " + location) + ": " + reason;
    }

    /** The file name that failed. */
    public String file() {
        return file;
    }

    /** Where in the file, e.g. {@code line 12} or {@code element INDIVIDUAL #7 (DATAID 6908555)}, or null. */
    public String location() {
        return location;
    }
}
