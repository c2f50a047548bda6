package io.vigil.registry.match.normalize;

import io.vigil.registry.model.ReferenceData;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An ordered list of regular-expression rewrites read from a table of {@code pattern, replacement, note} rows
 * ({@code name-rewrites.tsv} for whole names, {@code token-rewrites.tsv} for single tokens). Immutable.
 *
 * <p>Example: the rule {@code (?:iy|yy|ij)$ → y} rewrites {@code "yevgeniy"} to {@code "yevgeny"}.
 */
final class RewriteRules {

    private final List<Pattern> patterns;
    private final List<String> replacements;

    private RewriteRules(List<Pattern> patterns, List<String> replacements) {
        this.patterns = List.copyOf(patterns);
        this.replacements = List.copyOf(replacements);
    }

    static RewriteRules load(String table) {
        List<Pattern> patterns = new ArrayList<>();
        List<String> replacements = new ArrayList<>();
        for (List<String> row : ReferenceData.rows(RewriteRules.class, table, 3)) {
            patterns.add(Pattern.compile(row.get(0)));
            replacements.add(row.get(1).equals("-") ? "" : row.get(1));
        }
        return new RewriteRules(patterns, replacements);
    }

    String apply(String text) {
        String out = text;
        for (int i = 0; i < patterns.size(); i++) {
            out = patterns.get(i).matcher(out).replaceAll(replacements.get(i));
        }
        return out;
    }
}
