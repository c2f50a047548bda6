package io.vigil.registry.source.un;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The UN sanctions regimes keyed by the consolidated list's {@code UN_LIST_TYPE} code, read from
 * {@code un-regimes.tsv} beside this class: {@code DPRK} → {@code 1718 (2006) DPRK sanctions},
 * legal basis {@code UNSC Resolution 1718 (2006)}. An unknown code maps to itself with no legal basis.
 */
final class UnRegimes {

    record Regime(String program, String legalBasis) {
    }

    private final Map<String, Regime> byCode;

    private UnRegimes(Map<String, Regime> byCode) {
        this.byCode = Map.copyOf(byCode);
    }

    static UnRegimes load() {
        Map<String, Regime> m = new HashMap<>();
        try (InputStream in = UnRegimes.class.getResourceAsStream("un-regimes.tsv")) {
            if (in == null) {
                throw new IllegalStateException("un-regimes.tsv missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length != 3) {
                    throw new IllegalStateException("un-regimes.tsv: expected 3 tab-separated fields: " + line);
                }
                m.put(parts[0].strip(), new Regime(parts[1].strip(), parts[2].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new UnRegimes(m);
    }

    /** The regime of a code; an unknown or blank code gives the code itself and no legal basis. */
    Regime of(String code) {
        if (code == null) {
            return new Regime(null, null);
        }
        Regime known = byCode.get(code.strip());
        return known != null ? known : new Regime(code.strip(), null);
    }
}
