package io.vigil.registry.match;

import java.util.Locale;

/** What a hit asks of the analyst: {@code alert} at or above the alert threshold, {@code review} between. */
public enum Decision {
    ALERT, REVIEW;

    /** {@code alert} or {@code review}, as written in hits.csv and JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
