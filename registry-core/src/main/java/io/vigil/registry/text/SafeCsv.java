package io.vigil.registry.text;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes values safe to write into a CSV file that people open in a spreadsheet (Excel, LibreOffice, Google
 * Sheets), following the OWASP guidance on CSV injection. Every CSV the product writes goes through it.
 *
 * <p>Two rules, applied to each value:
 * <ol>
 *   <li><b>Invisible and control characters are escaped</b>, so a value stays on its line and cannot hide or
 *       reorder text: a backslash becomes {@code \\}; C0 and C1 control characters (tab, line feed and carriage
 *       return included), DEL, the line and paragraph separators, and format characters (bidirectional controls
 *       such as U+202E, zero-width spaces and joiners, the byte order mark) become {@code \}{@code uXXXX}
 *       ({@code \}{@code u{XXXXX}} beyond the Basic Multilingual Plane).</li>
 *   <li><b>A formula is neutralised</b>: a value that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or
 *       a carriage return, or with spaces followed by one of {@code = + - @}, or with the full-width forms of those
 *       signs, gets a single quote ({@code '}) in front, so the spreadsheet shows it as text and runs nothing. A
 *       plain number ({@code -12}, {@code +3.5}) is left alone: it cannot run anything.</li>
 * </ol>
 * Examples: {@code cell("=HYPERLINK(\"http://x\")")} → {@code '=HYPERLINK("http://x")};
 * {@code cell("@SUM(A1)")} → {@code '@SUM(A1)}; {@code cell("Line 1\nLine 2")} → {@code Line 1\u000ALine 2} (a
 * visible escape); {@code cell("\u202Enim lohc")} → {@code \u202Enim lohc} (visible); {@code cell("-5")} →
 * {@code -5}; {@code cell("CHOE, Chol Min")} → unchanged. {@link #field} also quotes per RFC 4180:
 * {@code field("CHOE, Chol Min")} → {@code "CHOE, Chol Min"}. Stateless and thread-safe.
 */
public final class SafeCsv {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+(?:\\.\\d+)?");

    private SafeCsv() {
    }

    /** The value with control characters escaped and a formula neutralised; "" for null. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String escaped = escapeControls(value);
        return startsLikeFormula(escaped) && !PLAIN_NUMBER.matcher(escaped).matches() ? "'" + escaped : escaped;
    }

    /** {@link #cell}, then quoted per RFC 4180 when it holds a comma, a quote or leading or trailing spaces. */
    public static String field(String value) {
        return quote(cell(value), ',');
    }

    /** One CSV line of {@link #cell} values, comma-separated and quoted where needed, without the line end. */
    public static String row(List<String> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(values.get(i)));
        }
        return sb.toString();
    }

    /** Whether a spreadsheet could take {@code value} as a formula (before {@link #cell} makes it safe). */
    public static boolean startsLikeFormula(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        if (first == '\t' || first == '\r' || isFormulaSign(first)) {
            return true;
        }
        int i = 0;
        while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '\u00A0'
                || value.charAt(i) == '\u3000')) {
            i++;
        }
        return i > 0 && i < value.length() && isFormulaSign(value.charAt(i));
    }

    private static boolean isFormulaSign(char c) {
        return switch (c) {
            case '=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', '\uFE62', '\uFE63', '\uFE66', '\u2212' -> true;
            default -> false;
        };
    }

    /** The value with backslashes doubled and control, separator and format characters written as escapes. */
    public static String escapeControls(String value) {
        StringBuilder sb = null;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            int n = Character.charCount(cp);
            String replacement = null;
            if (cp == '\\') {
                replacement = "\\\\";
            } else if (needsEscape(cp)) {
                replacement = cp <= 0xFFFF ? String.format("\\u%04X", cp) : String.format("\\u{%X}", cp);
            }
            if (replacement != null && sb == null) {
                sb = new StringBuilder(value.length() + 16);
                sb.append(value, 0, i);
            }
            if (sb != null) {
                if (replacement != null) {
                    sb.append(replacement);
                } else {
                    sb.append(value, i, i + n);
                }
            }
            i += n;
        }
        return sb == null ? value : sb.toString();
    }

    private static boolean needsEscape(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }

    private static String quote(String cell, char delimiter) {
        boolean needs = !cell.isEmpty() && (cell.charAt(0) == ' ' || cell.charAt(cell.length() - 1) == ' ');
        for (int i = 0; i < cell.length() && !needs; i++) {
            char c = cell.charAt(i);
            needs = c == delimiter || c == '"';
        }
        return needs ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
