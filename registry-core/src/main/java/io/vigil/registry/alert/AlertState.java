package io.vigil.registry.alert;

import java.util.Locale;

/**
 * Where an alert stands after its decisions: {@link #OPEN} until decided, {@link #CLEARED} (a false positive),
 * {@link #CONFIRMED} (a true match), {@link #ESCALATED}, or {@link #CLOSED} by the system (the subject left the book).
 */
public enum AlertState {
    OPEN, CLEARED, CONFIRMED, ESCALATED, CLOSED;

    /** {@code open}, {@code cleared}, {@code confirmed}, {@code escalated} or {@code closed}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AlertState parse(String label) {
        for (AlertState s : values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown alert state '" + label + "'");
    }
}
