package io.vigil.batch.screening;

import io.vigil.registry.screen.EmbargoPolicy;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How screening runs: chunk size (records per commit), threads for matching, the skip limit for rejected rows,
 * and the embargoed jurisdictions. From {@code vigil.screening.*}.
 */
public record ScreeningSettings(int chunkSize, int threads, long skipLimit, List<String> embargoedCountries) {

    public ScreeningSettings {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("vigil.screening.chunk-size must be at least 1, got " + chunkSize);
        }
        if (threads < 1) {
            threads = Runtime.getRuntime().availableProcessors();
        }
        if (skipLimit < 0) {
            throw new IllegalArgumentException("vigil.screening.skip-limit must be 0 or more, got " + skipLimit);
        }
        embargoedCountries = List.copyOf(embargoedCountries);
    }

    /** The embargo policy: the configured countries, each with the default reason. */
    public EmbargoPolicy embargo() {
        if (embargoedCountries.isEmpty()) {
            return EmbargoPolicy.defaults();
        }
        Map<String, String> reasons = new TreeMap<>();
        EmbargoPolicy defaults = EmbargoPolicy.defaults();
        for (String c : embargoedCountries) {
            String code = c.strip().toUpperCase(Locale.ROOT);
            reasons.put(code, defaults.reasons().getOrDefault(code, "embargoed jurisdiction (configured in "
                    + "vigil.screening.embargoed-countries)"));
        }
        return new EmbargoPolicy(reasons);
    }
}
