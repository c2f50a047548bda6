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

    /** Patronymic endings, Russian, Ukrainian and Belarusian, masculine then feminine. */
    private static final String[] MASCULINE_PATRONYMIC = {"ovych", "evych", "ovich", "evich", "avich"};
    private static final String[] FEMININE_PATRONYMIC = {"ovna", "evna", "ivna", "avna"};
    private static final int MIN_STEM = 3;

    /**
     * The keys of a patronymic: the canonical form of the given name it is made from, marked as a patronymic and
     * by gender, so that the Russian, Ukrainian and Belarusian patronymics of one name share a key
     * ({@code andreyevich}, {@code andriyovych} → {@code andrey/pm}; {@code oleksandrivna}, {@code aleksandrovna} →
     * {@code aleksandr/pf}). The given name is looked up as the stem left by the ending, or the stem with the vowel
     * or {@code -y} the patronymic drops ({@code mykola} in {@code mykolayovych}, {@code dmytro} in
     * {@code dmytrovych}, {@code vasily} in {@code vasilyevich}). A stem this table does not know is keyed by its
     * skeleton ({@code herasym} and {@code gerasim} → {@code gerasim/pm}). Adds nothing to a token without a
     * patronymic ending.
     */
    void addPatronymicKeys(String token, java.util.function.UnaryOperator<String> skeleton, List<String> out) {
        String marker = null;
        String stem = null;
        for (String ending : MASCULINE_PATRONYMIC) {
            if (token.endsWith(ending)) {
                marker = "/pm";
                stem = token.substring(0, token.length() - ending.length());
                break;
            }
        }
        for (int i = 0; stem == null && i < FEMININE_PATRONYMIC.length; i++) {
            if (token.endsWith(FEMININE_PATRONYMIC[i])) {
                marker = "/pf";
                stem = token.substring(0, token.length() - FEMININE_PATRONYMIC[i].length());
            }
        }
        if (stem == null || stem.length() < MIN_STEM) {
            return;
        }
        TreeSet<String> canonical = new TreeSet<>();
        for (String given : givenNamesOf(stem)) {
            String[] c = canonicalBySpelling.get(given);
            if (c != null) {
                canonical.addAll(List.of(c));
            }
        }
        if (canonical.isEmpty()) {
            canonical.add(skeleton.apply(stem));
        }
        for (String c : canonical) {
            out.add(c + marker);
        }
    }

    /** The given names a patronymic stem may come from. */
    private static List<String> givenNamesOf(String stem) {
        List<String> names = new java.util.ArrayList<>(8);
        names.add(stem);
        names.add(stem + "y");
        names.add(stem + "i");
        names.add(stem + "a");
        names.add(stem + "o");
        names.add(stem + "iy");
        char last = stem.charAt(stem.length() - 1);
        if (last == 'y' || last == 'i') {
            names.add(stem.substring(0, stem.length() - 1)); // mykolay(ovych) → mykola, nikolai(evich) → nikola
        }
        if (stem.endsWith("ayl")) {
            names.add(stem.substring(0, stem.length() - 2) + "il"); // mikhayl(ovich) → mikhail
        }
        return names;
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
