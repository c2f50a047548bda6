package io.vigil.registry.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Groups an import's warnings by kind for the console, where 15,000 lines of "alt.csv line …: ent_num … is not in
 * sdn.csv" would hide everything else. Two warnings are of the same kind when they differ only in numbers and in
 * quoted values. Every warning still goes to the log; this is only the console's view.
 *
 * <p>Example: three warnings {@code "alt.csv line 12: ent_num 5 is not in sdn.csv; row ignored"}, {@code "… line
 * 13: ent_num 6 …"}, {@code "… line 14: ent_num 7 …"} and one {@code "sdn.csv line 40: unknown SDN_Type 'boat'"} with
 * 2 examples → {@code ["3 warnings like: alt.csv line 12: ent_num 5 is not in sdn.csv; row ignored | alt.csv line
 * 13: ent_num 6 is not in sdn.csv; row ignored", "sdn.csv line 40: unknown SDN_Type 'boat'"]}.
 */
public final class WarningSummary {

    private WarningSummary() {
    }

    /** The kind of a warning: numbers as {@code #}, quoted values as {@code '…'}. */
    static String kind(String warning) {
        return warning.replaceAll("'[^']*'", "'…'").replaceAll("\\d+", "#");
    }

    /** One line per kind, in order of first appearance: the warning itself, or the count and the first examples. */
    public static List<String> summarize(List<String> warnings, int examples) {
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String w : warnings) {
            String k = kind(w);
            counts.merge(k, 1, Integer::sum);
            List<String> ex = byKind.computeIfAbsent(k, x -> new ArrayList<>());
            if (ex.size() < Math.max(1, examples)) {
                ex.add(w);
            }
        }
        List<String> out = new ArrayList<>();
        byKind.forEach((k, ex) -> {
            int n = counts.get(k);
            out.add(n == 1 ? ex.get(0)
                    : String.format(Locale.ROOT, "%,d warnings like: %s", n, String.join(" | ", ex)));
        });
        return out;
    }
}
