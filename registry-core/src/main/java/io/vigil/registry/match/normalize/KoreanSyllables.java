package io.vigil.registry.match.normalize;

import io.vigil.registry.model.ReferenceData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The Korean romanization table {@code korean-syllables.tsv}: each Hangul syllable with its McCune–Reischauer,
 * Revised Romanization and passport spellings. A Latin token's keys are the syllables it can spell
 * ({@code "choi"} → {@code [최]}); a joined given name is segmented into known syllables
 * ({@code "cheolmin"} → {@code [철민]}, {@code "sugil"} → {@code [수길]}). Immutable.
 */
final class KoreanSyllables {

    static final String TABLE = "korean-syllables.tsv";
    private static final int MAX_JOINED_KEYS = 24;

    private final Map<String, String[]> syllablesBySpelling;
    private final int longestSpelling;

    private KoreanSyllables(Map<String, String[]> syllablesBySpelling) {
        this.syllablesBySpelling = syllablesBySpelling;
        int longest = 0;
        for (String s : syllablesBySpelling.keySet()) {
            longest = Math.max(longest, s.length());
        }
        this.longestSpelling = longest;
    }

    static KoreanSyllables load() {
        Map<String, TreeSet<String>> bySpelling = new HashMap<>();
        for (List<String> row : ReferenceData.rows(KoreanSyllables.class, TABLE, 3)) {
            String hangul = row.get(0);
            for (String spelling : row.get(2).split(" +")) {
                bySpelling.computeIfAbsent(spelling, k -> new TreeSet<>()).add(hangul);
            }
        }
        Map<String, String[]> frozen = new HashMap<>();
        bySpelling.forEach((k, v) -> frozen.put(k, v.toArray(String[]::new)));
        return new KoreanSyllables(frozen);
    }

    /** The syllables one spelling can stand for, empty when the table does not know it. */
    String[] syllables(String spelling) {
        return syllablesBySpelling.getOrDefault(spelling, NO_KEYS);
    }

    /**
     * The keys of a token: the syllables it spells, or, for a token of two or three syllables written together,
     * every joined syllable string it can be segmented into.
     */
    void addKeys(String token, List<String> out) {
        String[] direct = syllablesBySpelling.get(token);
        if (direct != null) {
            for (String s : direct) {
                out.add(s);
            }
            return;
        }
        if (token.length() < 3 || token.length() > 3 * longestSpelling) {
            return;
        }
        List<String> joined = new ArrayList<>();
        segment(token, 0, "", 0, joined);
        out.addAll(joined);
    }

    private void segment(String token, int from, String prefix, int depth, List<String> out) {
        if (from == token.length()) {
            if (depth >= 2) {
                out.add(prefix);
            }
            return;
        }
        if (depth == 3 || out.size() >= MAX_JOINED_KEYS) {
            return;
        }
        int max = Math.min(token.length(), from + longestSpelling);
        for (int end = from + 1; end <= max; end++) {
            String[] syllables = syllablesBySpelling.get(token.substring(from, end));
            if (syllables == null) {
                continue;
            }
            for (String s : syllables) {
                segment(token, end, prefix + s, depth + 1, out);
                if (out.size() >= MAX_JOINED_KEYS) {
                    return;
                }
            }
        }
    }

    /** The joined keys of two adjacent tokens, e.g. {@code chol}+{@code min} → {@code [철민, …]}. */
    static String[] join(String[] left, String[] right) {
        if (left.length == 0 || right.length == 0) {
            return NO_KEYS;
        }
        TreeSet<String> joined = new TreeSet<>();
        for (String l : left) {
            for (String r : right) {
                if (isHangul(l) && isHangul(r)) {
                    joined.add(l + r);
                }
            }
        }
        return joined.toArray(String[]::new);
    }

    static boolean isHangul(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '\uAC00' || c > '\uD7A3') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    static final String[] NO_KEYS = new String[0];
}
