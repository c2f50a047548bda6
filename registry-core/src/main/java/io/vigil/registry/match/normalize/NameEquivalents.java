package io.vigil.registry.match.normalize;

import io.vigil.registry.model.ReferenceData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The name-form table {@code name-equivalents.tsv}: Arabic, Persian, Russian and Chinese name elements with their
 * common spellings, each mapped to one canonical form ({@code "mohammed"} → {@code [muhammad]},
 * {@code "alexander"} → {@code [aleksandr]}). Immutable.
 */
final class NameEquivalents {

    static final String TABLE = "name-equivalents.tsv";

    private final Map<String, String[]> canonicalBySpelling;

    private NameEquivalents(Map<String, String[]> canonicalBySpelling) {
        this.canonicalBySpelling = canonicalBySpelling;
    }

    static NameEquivalents load() {
        Map<String, TreeSet<String>> map = new HashMap<>();
        for (List<String> row : ReferenceData.rows(NameEquivalents.class, TABLE, 3)) {
            String canonical = row.get(1);
            map.computeIfAbsent(canonical, k -> new TreeSet<>()).add(canonical);
            for (String spelling : row.get(2).split(" +")) {
                map.computeIfAbsent(spelling, k -> new TreeSet<>()).add(canonical);
            }
        }
        Map<String, String[]> frozen = new HashMap<>();
        map.forEach((k, v) -> frozen.put(k, v.toArray(String[]::new)));
        return new NameEquivalents(frozen);
    }

    void addKeys(String token, List<String> out) {
        String[] canonical = canonicalBySpelling.get(token);
        if (canonical != null) {
            for (String c : canonical) {
                out.add(c);
            }
        }
    }
}
