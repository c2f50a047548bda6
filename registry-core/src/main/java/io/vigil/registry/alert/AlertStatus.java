package io.vigil.registry.alert;

import java.util.Locale;

/**
 * What one night says of a hit, given the alert's history: the status column of hits.csv and the reports.
 *
 * <ul>
 *   <li>{@link #NEW}: the alert was never raised before this run.</li>
 *   <li>{@link #RERAISED}: it was cleared, but the screened values or the listed entry changed since the
 *       clearance, or the clearance expired.</li>
 *   <li>{@link #OPEN}: raised on an earlier night and not decided yet (or escalated, or a clearance awaits its
 *       second reviewer).</li>
 *   <li>{@link #CONFIRMED}: a true match; reported every night until the party leaves the list or the decision is
 *       revoked.</li>
 *   <li>{@link #SUPPRESSED}: cleared earlier, nothing relevant changed, the clearance not expired. Not an alert;
 *       still listed, citing the decision.</li>
 * </ul>
 */
public enum AlertStatus {
    NEW, RERAISED, OPEN, CONFIRMED, SUPPRESSED;

    /** {@code new}, {@code reraised}, {@code open}, {@code confirmed} or {@code suppressed}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the statuses an analyst has to work: new, re-raised and open. */
    public boolean needsDecision() {
        return this == NEW || this == RERAISED || this == OPEN;
    }

    /** The status of a label ({@code "reraised"} → {@link #RERAISED}). */
    public static AlertStatus parse(String label) {
        for (AlertStatus s : values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown alert status '" + label + "'");
    }
}
