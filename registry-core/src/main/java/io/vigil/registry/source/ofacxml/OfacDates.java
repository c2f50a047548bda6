package io.vigil.registry.source.ofacxml;

import io.vigil.registry.model.DatePrecision;
import io.vigil.registry.model.PartialDate;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the date strings OFAC writes in its XML and CSV lists into {@link PartialDate}s:
 * {@code "03 Apr 1978"} (day), {@code "03 APR 1978"}, {@code "Apr 1978"} (month), {@code "1978"} (year),
 * {@code "circa 1978"} / {@code "approximately 1978"} (year, the wording kept in the text),
 * {@code "1960 to 1962"} (range of years) and {@code "01 Jan 1953 to 31 Dec 1954"} (range of days).
 * Month names are English whatever the default locale. Anything else is empty: callers keep the text as a remark.
 */
final class OfacDates {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));

    private static final String ONE = "(?:(\\d{1,2})\\s+)?(?:([A-Za-z]{3,9})\\.?\\s+)?(\\d{4})";
    private static final Pattern SINGLE = Pattern.compile(ONE);
    private static final Pattern RANGE = Pattern.compile(ONE + "\\s*(?:to|-|–)\\s*" + ONE);
    private static final Pattern QUALIFIER = Pattern.compile("^(?:circa|ca\\.?|c\\.|approximately|approx\\.?|about)\\s+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO_DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern US_DAY = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

    private OfacDates() {
    }

    /** The date, or empty when the text is not one of the forms above or names an impossible day. */
    static Optional<PartialDate> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String original = text.strip();
        String t = QUALIFIER.matcher(original).replaceFirst("").strip();
        try {
            Matcher iso = ISO_DAY.matcher(t);
            if (iso.matches()) {
                return Optional.of(PartialDate.ofDay(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3)), original));
            }
            Matcher single = SINGLE.matcher(t);
            if (single.matches()) {
                Bound b = bound(single, 0);
                if (b == null) {
                    return Optional.empty();
                }
                return Optional.of(new PartialDate(b.first, b.last, b.precision, original));
            }
            Matcher range = RANGE.matcher(t);
            if (range.matches()) {
                Bound from = bound(range, 0);
                Bound to = bound(range, 3);
                if (from == null || to == null || to.last.isBefore(from.first)) {
                    return Optional.empty();
                }
                return Optional.of(new PartialDate(from.first, to.last, DatePrecision.RANGE, original));
            }
        } catch (DateTimeException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** A US-style {@code MM/DD/YYYY} day, as in the classic XML's {@code Publish_Date}; empty when not that form. */
    static Optional<LocalDate> parseUsDay(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = US_DAY.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private record Bound(LocalDate first, LocalDate last, DatePrecision precision) {
    }

    private static Bound bound(Matcher m, int offset) {
        String day = m.group(offset + 1);
        String month = m.group(offset + 2);
        int year = Integer.parseInt(m.group(offset + 3));
        if (month == null) {
            if (day != null) {
                return null;
            }
            return new Bound(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), DatePrecision.YEAR);
        }
        Integer mm = month(month);
        if (mm == null) {
            return null;
        }
        if (day == null) {
            YearMonth ym = YearMonth.of(year, mm);
            return new Bound(ym.atDay(1), ym.atEndOfMonth(), DatePrecision.MONTH);
        }
        LocalDate d = LocalDate.of(year, mm, Integer.parseInt(day));
        return new Bound(d, d, DatePrecision.DAY);
    }

    private static Integer month(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        Integer m = MONTHS.get(key);
        if (m == null && key.length() > 3) {
            // full English month names: "April", "September"
            Integer abbreviated = MONTHS.get(key.substring(0, 3));
            if (abbreviated != null && fullName(abbreviated).startsWith(key)) {
                m = abbreviated;
            }
        }
        return m;
    }

    private static String fullName(int month) {
        return java.time.Month.of(month).name().toLowerCase(Locale.ROOT);
    }
}
