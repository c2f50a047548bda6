package io.vigil.registry.source.ofac;

import io.vigil.registry.model.ReferenceData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * OFAC program tags: splits the Program column ({@code "SDGT] [IRGC"} → {@code [SDGT, IRGC]}) and maps a tag to
 * its legal basis from {@code ofac-programs.tsv} ({@code NPWMD} → {@code E.O. 13382}; unknown → null).
 */
final class OfacPrograms {

    private static final Map<String, String> LEGAL_BASIS = load();

    private OfacPrograms() {
    }

    /**
     * The program tags of a Program column as OFAC writes it: the outer brackets are usually missing
     * ({@code "SDGT] [IRGC"}), sometimes present ({@code "[SDGT] [IFSR]"}). Empty for {@code -0-} or blank.
     */
    static List<String> split(String column) {
        String c = OfacCsvRows.clean(column);
        List<String> tags = new ArrayList<>();
        if (c == null) {
            return tags;
        }
        if (c.startsWith("[")) {
            c = c.substring(1);
        }
        if (c.endsWith("]")) {
            c = c.substring(0, c.length() - 1);
        }
        for (String t : c.split("\\]\\s*\\[")) {
            String tag = t.strip();
            if (!tag.isEmpty() && !tags.contains(tag)) {
                tags.add(tag);
            }
        }
        return tags;
    }

    /** The legal basis of a program tag, or null when no fixed public mapping is recorded. */
    static String legalBasis(String tag) {
        return tag == null ? null : LEGAL_BASIS.get(tag);
    }

    private static Map<String, String> load() {
        Map<String, String> m = new HashMap<>();
        for (List<String> row : ReferenceData.rows(OfacPrograms.class, "ofac-programs.tsv", 2)) {
            m.put(row.get(0), row.get(1));
        }
        return Map.copyOf(m);
    }
}
