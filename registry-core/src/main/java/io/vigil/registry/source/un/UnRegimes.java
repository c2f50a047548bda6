package io.vigil.registry.source.un;

import io.vigil.registry.model.ReferenceData;
import java.util.HashMap;
import java.util.List;
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
        for (List<String> row : ReferenceData.rows(UnRegimes.class, "un-regimes.tsv", 3)) {
            m.put(row.get(0), new Regime(row.get(1), row.get(2)));
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
