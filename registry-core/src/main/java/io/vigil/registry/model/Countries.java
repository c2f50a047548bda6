package io.vigil.registry.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
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
        try (InputStream in = Countries.class.getResourceAsStream("countries.tsv")) {
            if (in == null) {
                throw new IllegalStateException("countries.tsv missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                m.put(key(parts[1]), parts[0].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(m);
    }
}
