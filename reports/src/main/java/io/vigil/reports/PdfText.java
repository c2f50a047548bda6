package io.vigil.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers, scores and instants are printed in the PDF: fixed formats, {@link Locale#ROOT}, UTC. */
final class PdfText {

    private static final DateTimeFormatter UTC = DateTimeFormatter
            .ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private PdfText() {
    }

    /** {@code 16930 -> "16,930"}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 72.0 -> "72"}, {@code 99.70 -> "99.7"}, {@code 99.999 -> "99.999"} (at most 3 decimals). */
    static String score(double score) {
        if (Double.isNaN(score) || Double.isInfinite(score)) {
            return Double.toString(score);
        }
        BigDecimal d = BigDecimal.valueOf(score).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /** {@code 2026-11-21T01:02:03Z -> "2026-11-21 01:02:03 UTC"}; null gives "not recorded". */
    static String instant(Instant instant) {
        return instant == null ? "not recorded" : UTC.format(instant);
    }

    /** {@code null} or blank gives {@code absent}. */
    static String orElse(String value, String absent) {
        return value == null || value.isBlank() ? absent : value;
    }
}
