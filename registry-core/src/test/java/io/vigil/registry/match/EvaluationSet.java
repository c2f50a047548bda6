package io.vigil.registry.match;

import io.vigil.registry.model.PartyType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the labelled evaluation sets in {@code src/test/resources/io/vigil/registry/match/eval/}. */
final class EvaluationSet {

    /** One labelled query: a positive has the party it must find, a negative has none. */
    record Case(String category, MatchQuery query, String expected, String note) {
    }

    private EvaluationSet() {
    }

    static List<Case> positives() {
        return read("eval/positives.tsv", 7, true);
    }

    static List<Case> negatives() {
        return read("eval/negatives.tsv", 6, false);
    }

    /** The unseen set's positives: other lists' own spellings of OFAC parties (see UnseenSetGenerator). */
    static List<Case> unseenPositives() {
        return read("eval/unseen-positives.tsv", 7, true);
    }

    /** The unseen set's negatives, generated with another seed. */
    static List<Case> unseenNegatives() {
        return read("eval/unseen-negatives.tsv", 6, false);
    }

    private static List<Case> read(String resource, int columns, boolean positive) {
        List<Case> out = new ArrayList<>();
        try (InputStream in = EvaluationSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != columns) {
                    throw new IllegalStateException(resource + ": expected " + columns + " fields: " + line);
                }
                if (header && (f[0].equals("category") || f[0].equals("locale"))) {
                    header = false;
                    continue;
                }
                header = false;
                MatchQuery q = MatchQuery.of(f[1]).withDateOfBirth(dash(f[2])).withCountry(dash(f[3]))
                        .withType(dash(f[4]) == null ? null : PartyType.fromText(f[4]));
                out.add(positive ? new Case(f[0], q, f[5], f[6]) : new Case(f[0], q, null, f[5]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String dash(String s) {
        return s.isEmpty() || s.equals("-") ? null : s;
    }
}
