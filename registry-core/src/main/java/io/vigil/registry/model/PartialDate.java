package io.vigil.registry.model;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A date as precise as the source states it: {@code 03 Apr 1978} (day), {@code Apr 1978} (month),
 * {@code 1950} (year) or {@code 1960 to 1962} (range). {@code earliest}/{@code latest} bound it.
 *
 * @param earliest first day the date can be
 * @param latest last day the date can be
 * @param precision what the source stated
 * @param text the source's own wording, kept for citation
 */
public record PartialDate(LocalDate earliest, LocalDate latest, DatePrecision precision, String text) {

    public PartialDate {
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(latest, "latest");
        Objects.requireNonNull(precision, "precision");
        if (latest.isBefore(earliest)) {
            throw new IllegalArgumentException("range ends before it starts: " + text);
        }
    }

    public static PartialDate ofDay(int year, int month, int day, String text) {
        LocalDate d = LocalDate.of(year, month, day);
        return new PartialDate(d, d, DatePrecision.DAY, text);
    }

    public static PartialDate ofMonth(int year, int month, String text) {
        YearMonth ym = YearMonth.of(year, month);
        return new PartialDate(ym.atDay(1), ym.atEndOfMonth(), DatePrecision.MONTH, text);
    }

    public static PartialDate ofYear(int year, String text) {
        return new PartialDate(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), DatePrecision.YEAR, text);
    }

    public static PartialDate ofYears(int fromYear, int toYear, String text) {
        return new PartialDate(LocalDate.of(fromYear, 1, 1), LocalDate.of(toYear, 12, 31), DatePrecision.RANGE, text);
    }

    /** ISO form at the stated precision: {@code 1978-04-03}, {@code 1978-04}, {@code 1950}, {@code 1960/1962}. */
    public String iso() {
        return switch (precision) {
            case DAY -> earliest.toString();
            case MONTH -> YearMonth.from(earliest).toString();
            case YEAR -> Integer.toString(earliest.getYear());
            case RANGE -> earliest.getYear() == latest.getYear() && !earliest.equals(latest)
                    ? earliest + "/" + latest
                    : earliest.getYear() + "/" + latest.getYear();
        };
    }

    /** True when the two dates can be the same day. */
    public boolean overlaps(PartialDate other) {
        return !earliest.isAfter(other.latest) && !other.earliest.isAfter(latest);
    }

    @Override
    public String toString() {
        return iso();
    }
}
