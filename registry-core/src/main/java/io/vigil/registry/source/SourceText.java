package io.vigil.registry.source;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small text helpers the list parsers share: {@code join(", ", "Pyongyang", null, " DPRK")} →
 * {@code "Pyongyang, DPRK"}; {@code collapse(" a\n  b ")} → {@code "a b"}; {@code isoDatePrefix("2015-04-07-04:00")}
 * → 2015-04-07.
 */
public final class SourceText {

    private static final Pattern ISO_DAY_PREFIX = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})");

    private SourceText() {
    }

    /** The non-blank parts, each stripped, joined by the separator; null when none is present. */
    public static String join(String separator, String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                if (!sb.isEmpty()) {
                    sb.append(separator);
                }
                sb.append(p.strip());
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    /** Runs of whitespace (including line breaks) as one space, stripped; null when blank. */
    public static String collapse(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replaceAll("\\s+", " ").strip();
        return t.isEmpty() ? null : t;
    }

    /**
     * The calendar date at the start of an {@code xs:date} value, which may carry a zone suffix
     * ({@code 2015-04-07-04:00} → 2015-04-07); null when it does not start with a valid date.
     */
    public static LocalDate isoDatePrefix(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = ISO_DAY_PREFIX.matcher(value.strip());
        if (!m.find()) {
            return null;
        }
        try {
            return LocalDate.parse(m.group(1));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
