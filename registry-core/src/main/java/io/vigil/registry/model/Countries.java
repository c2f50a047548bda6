package io.vigil.registry.model;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises country names as the lists write them and maps them to ISO 3166 alpha-2 codes:
 * {@code "Korea, North"} → {@code KP}, {@code "Iran (Islamic Republic of)"} → {@code IR}, {@code "RU"} → {@code RU}.
 * English names come from the JDK; list-specific spellings from {@code countries.tsv} beside this class.
 */
public final class Countries {

    private static final Map<String, String> BY_NAME = load();

    private Countries() {
    }

    /** The ISO alpha-2 code for a country name or code, or empty when it is not recognised. */
    public static Optional<String> toIso2(String nameOrCode) {
        if (nameOrCode == null || nameOrCode.isBlank()) {
            return Optional.empty();
        }
        String key = key(nameOrCode);
        String code = BY_NAME.get(key);
        int comma = nameOrCode.indexOf(',');
        if (code == null && comma > 0) {
            // list style "Virgin Islands, British", "Man, Isle of": try the natural order
            code = BY_NAME.get(key(nameOrCode.substring(comma + 1) + " " + nameOrCode.substring(0, comma)));
        }
        return Optional.ofNullable(code);
    }

    /** The code when recognised, else the input stripped. */
    public static String codeOrName(String nameOrCode) {
        return toIso2(nameOrCode).orElse(nameOrCode == null ? null : nameOrCode.strip());
    }

    /** English name of an ISO alpha-2 code, e.g. {@code KP} → {@code North Korea}. */
    public static String displayName(String iso2) {
        String name = new Locale("", iso2).getDisplayCountry(Locale.ENGLISH);
        return name.isEmpty() || name.equals(iso2) ? iso2 : name;
    }

    static String key(String s) {
        String plain = plainKey(s);
        if (plain != null) {
            return plain;
        }
        return slowKey(s);
    }

    /**
     * The key of a single ASCII word of letters and digits (a code such as {@code DE} or {@code DEU}, a one-word name),
     * without the Unicode normalization and regular expressions of {@link #slowKey}, which leave such a word
     * lower-cased and otherwise unchanged, except for the three words they rewrite or drop ({@code st}, {@code the},
     * {@code and}); null for anything else.
     */
    static String plainKey(String s) {
        int n = s.length();
        if (n == 0) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return null;
            }
        }
        String t = s.toLowerCase(Locale.ROOT);
        return t.equals("st") || t.equals("the") || t.equals("and") ? null : t;
    }

    static String slowKey(String s) {
        String t = Normalizer.normalize(s.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        t = t.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^a-z0-9]+", " ").strip();
        t = (" " + t + " ").replace(" st ", " saint ").replace(" the ", " ").replace(" and ", " ").strip();
        return t;
    }

    private static Map<String, String> load() {
        Map<String, String> m = new HashMap<>();
        for (String iso2 : Locale.getISOCountries()) {
            Locale l = new Locale("", iso2);
            m.put(key(iso2), iso2);
            m.put(key(l.getISO3Country()), iso2);
            m.put(key(l.getDisplayCountry(Locale.ENGLISH)), iso2);
        }
        for (List<String> row : ReferenceData.rows(Countries.class, "countries.tsv", 2)) {
            m.put(key(row.get(1)), row.get(0));
            // codes in use beyond the JDK's ISO list, e.g. XK (Kosovo, user-assigned, used by the EU and SWIFT)
            m.putIfAbsent(key(row.get(0)), row.get(0));
        }
        return Map.copyOf(m);
    }
}
