package io.vigil.batch.screening;

import java.util.Locale;

/** How a run screened its records. */
public enum ScreeningMode {
    /** every record against every party of the snapshot */
    FULL,
    /** new and changed records in full, the others against the parties added or changed since the last screening */
    DELTA,
    /** stored past payments against the parties added or changed since they were screened */
    LOOKBACK;

    /** {@code full}, {@code delta} or {@code lookback}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ScreeningMode parse(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
