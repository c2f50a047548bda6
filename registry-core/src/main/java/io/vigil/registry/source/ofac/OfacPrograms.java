package io.vigil.registry.source.ofac;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        try (InputStream in = OfacPrograms.class.getResourceAsStream("ofac-programs.tsv")) {
            if (in == null) {
                throw new IllegalStateException("ofac-programs.tsv missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length != 2) {
                    throw new IllegalStateException("ofac-programs.tsv: bad line: " + line);
                }
                m.put(parts[0].strip(), parts[1].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(m);
    }
}
