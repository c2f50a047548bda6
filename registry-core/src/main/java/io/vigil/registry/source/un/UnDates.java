package io.vigil.registry.source.un;

import io.vigil.registry.model.PartialDate;
import io.vigil.registry.source.SourceText;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Date wording of the UN list: ISO dates, years, and the month names used in NOTE fields ("Nov. 1973"). */
final class UnDates {

    private static final Pattern ISO_DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern ISO_MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH_YEAR = Pattern.compile("([A-Za-z]{3,})\\.?\\s+(\\d{4})");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})\\s+([A-Za-z]{3,})\\.?\\s+(\\d{4})");
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
        "dec"};

    private UnDates() {
    }

    /**
     * A date as the UN writes it, or null when the wording is not a date this class knows:
     * {@code 1954-10-12} → day, {@code 1960} → year, {@code Nov. 1973} → month, {@code 3 May 2024} → day.
     *
     * @param text the wording kept in {@link PartialDate#text()}
     */
    static PartialDate parse(String value, String text) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        try {
            Matcher m = ISO_DAY.matcher(v);
            if (m.matches()) {
                return PartialDate.ofDay(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), text);
            }
            m = ISO_MONTH.matcher(v);
            if (m.matches()) {
                return PartialDate.ofMonth(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), text);
            }
            if (YEAR.matcher(v).matches()) {
                return PartialDate.ofYear(Integer.parseInt(v), text);
            }
            m = MONTH_YEAR.matcher(v);
            if (m.matches() && month(m.group(1)) > 0) {
                return PartialDate.ofMonth(Integer.parseInt(m.group(2)), month(m.group(1)), text);
            }
            m = DAY_MONTH_YEAR.matcher(v);
            if (m.matches() && month(m.group(2)) > 0) {
                return PartialDate.ofDay(Integer.parseInt(m.group(3)), month(m.group(2)),
                        Integer.parseInt(m.group(1)), text);
            }
        } catch (DateTimeException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    /** 1-12 for an English month name or abbreviation ("Sep.", "August"), else 0. */
    static int month(String word) {
        if (word == null) {
            return 0;
        }
        String w = word.strip().replace(".", "").toLowerCase(Locale.ROOT);
        if (w.length() < 3) {
            return 0;
        }
        for (int i = 0; i < MONTHS.length; i++) {
            if (w.startsWith(MONTHS[i]) && (w.length() == 3 || fullMonth(i).startsWith(w))) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String fullMonth(int i) {
        return java.time.Month.of(i + 1).name().toLowerCase(Locale.ROOT);
    }

    /**
     * The calendar date at the start of an {@code xs:date} value, which may carry a zone suffix
     * ({@code 2015-04-07-04:00} → 2015-04-07); null when it does not start with a valid date.
     */
    static LocalDate isoDatePrefix(String value) {
        return SourceText.isoDatePrefix(value);
    }
}
