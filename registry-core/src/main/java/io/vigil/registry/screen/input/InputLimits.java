package io.vigil.registry.screen.input;

/**
 * The size limits the input readers enforce on each record. A record over a limit is rejected (an
 * {@code InputItem.Rejected} naming its line and the limit) and reading goes on; no value over a limit is kept in
 * memory whole or passed to the matcher.
 *
 * <p>Example: {@code InputLimits.defaults()} → a name of at most 1,000 characters, any other field of at most
 * 10,000, a CSV record of at most 100,000 characters over at most 20 physical lines.
 * {@code InputLimits.defaults().withMaxNameChars(300)} tightens only the name limit.
 *
 * @param maxNameChars the longest name (a NAME value: {@code name}, {@code originator_name}, a bank, a pacs.008
 *     {@code Nm}) in characters
 * @param maxFieldChars the longest value of any other field (address, remittance text, pacs.008 {@code Ustrd}) in
 *     characters; also the longest CSV field of any column, names included
 * @param maxRecordChars the longest CSV record, all its fields and physical lines together, in characters; a longer
 *     physical line is read only up to this many characters
 * @param maxQuotedLines the most physical lines a CSV record may span (a quoted field with line breaks); a quote
 *     still open after this many lines is taken as unterminated
 */
public record InputLimits(int maxNameChars, int maxFieldChars, int maxRecordChars, int maxQuotedLines) {

    public static final int DEFAULT_MAX_NAME_CHARS = 1_000;
    public static final int DEFAULT_MAX_FIELD_CHARS = 10_000;
    public static final int DEFAULT_MAX_RECORD_CHARS = 100_000;
    public static final int DEFAULT_MAX_QUOTED_LINES = 20;

    private static final InputLimits DEFAULTS = new InputLimits(DEFAULT_MAX_NAME_CHARS, DEFAULT_MAX_FIELD_CHARS,
            DEFAULT_MAX_RECORD_CHARS, DEFAULT_MAX_QUOTED_LINES);

    public InputLimits {
        if (maxNameChars < 1 || maxFieldChars < 1 || maxRecordChars < 1 || maxQuotedLines < 1) {
            throw new IllegalArgumentException("input limits must be positive: " + maxNameChars + ", "
                    + maxFieldChars + ", " + maxRecordChars + ", " + maxQuotedLines);
        }
        if (maxRecordChars < maxFieldChars || maxRecordChars < maxNameChars) {
            throw new IllegalArgumentException("maxRecordChars (" + maxRecordChars + ") must be at least "
                    + "maxFieldChars (" + maxFieldChars + ") and maxNameChars (" + maxNameChars + ")");
        }
    }

    public static InputLimits defaults() {
        return DEFAULTS;
    }

    public InputLimits withMaxNameChars(int n) {
        return new InputLimits(n, maxFieldChars, maxRecordChars, maxQuotedLines);
    }

    public InputLimits withMaxFieldChars(int n) {
        return new InputLimits(maxNameChars, n, maxRecordChars, maxQuotedLines);
    }

    public InputLimits withMaxRecordChars(int n) {
        return new InputLimits(maxNameChars, maxFieldChars, n, maxQuotedLines);
    }

    public InputLimits withMaxQuotedLines(int n) {
        return new InputLimits(maxNameChars, maxFieldChars, maxRecordChars, n);
    }
}
