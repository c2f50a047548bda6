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
    /** Per rule, literals one of which any match must contain; null when the pattern gives none. */
    private final List<String[]> guards;

    private RewriteRules(List<Pattern> patterns, List<String> replacements) {
        this.patterns = List.copyOf(patterns);
        this.replacements = List.copyOf(replacements);
        List<String[]> g = new ArrayList<>();
        for (Pattern p : patterns) {
            g.add(leadingLiterals(p.pattern()));
        }
        this.guards = java.util.Collections.unmodifiableList(g);
    }

    /**
     * The literal text a match must start with, read off the pattern: after an optional {@code \b}, a run of
     * lower-case letters and spaces, or a non-capturing group of such alternatives ({@code (?:abd|ab)}). Null when
     * the pattern starts otherwise. Lets {@link #apply} skip a rule whose literal is absent without running it.
     */
    static String[] leadingLiterals(String pattern) {
        String rest = pattern.startsWith("\\b") ? pattern.substring(2) : pattern;
        if (rest.startsWith("(?:")) {
            int close = rest.indexOf(')');
            if (close < 0) {
                return null;
            }
            if (close + 1 < rest.length() && "?*{".indexOf(rest.charAt(close + 1)) >= 0) {
                return null;
            }
            String[] alternatives = rest.substring(3, close).split("\\|", -1);
            for (int i = 0; i < alternatives.length; i++) {
                String lit = literalRun(alternatives[i]);
                if (lit.isEmpty() || lit.length() != alternatives[i].length()) {
                    return null;
                }
                alternatives[i] = lit;
            }
            return alternatives;
        }
        String lit = literalRun(rest);
        if (lit.isEmpty()) {
            return null;
        }
        // a quantifier after the last letter makes it optional
        if (lit.length() < rest.length() && "?*{".indexOf(rest.charAt(lit.length())) >= 0) {
            lit = lit.substring(0, lit.length() - 1);
        }
        return lit.isEmpty() ? null : new String[] {lit};
    }

    private static String literalRun(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) >= 'a' && s.charAt(i) <= 'z' || s.charAt(i) == ' ')) {
            i++;
        }
        return s.substring(0, i);
    }

    /** The rules applied without the literal guards (to check that the guards change nothing). */
    String applyUnguarded(String text) {
        String out = text;
        for (int i = 0; i < patterns.size(); i++) {
            out = patterns.get(i).matcher(out).replaceAll(replacements.get(i));
        }
        return out;
    }

    private static boolean mayMatch(String[] literals, String text) {
        if (literals == null) {
            return true;
        }
        for (String l : literals) {
            if (text.contains(l)) {
                return true;
            }
        }
        return false;
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

    /** The patterns, one a line, in order (what a check that the table is the one it was written for compares). */
    String patternsText() {
        StringBuilder sb = new StringBuilder();
        for (Pattern p : patterns) {
            sb.append(p.pattern()).append('\n');
        }
        return sb.toString();
    }

    String apply(String text) {
        String out = text;
        for (int i = 0; i < patterns.size(); i++) {
            if (mayMatch(guards.get(i), out)) {
                out = patterns.get(i).matcher(out).replaceAll(replacements.get(i));
            }
        }
        return out;
    }
}
