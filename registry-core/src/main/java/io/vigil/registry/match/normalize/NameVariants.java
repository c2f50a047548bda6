package io.vigil.registry.match.normalize;

import com.ibm.icu.text.Bidi;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The forms of one screened name that are searched besides the name as written, so that a name cannot be hidden by
 * the way it is written. The whole name is always the first variant. Then, each searched on its own:
 * <ul>
 *   <li>{@link Kind#VISUAL}: when the name holds bidirectional controls, the text in the order a reader sees it
 *       ({@code "\u202Enim lohc eohc"} is displayed, and searched, as {@code "choe chol min"});</li>
 *   <li>{@link Kind#PART}: each party of a name joined by "trading as", "t/a", "d/b/a", "dba", "doing business
 *       as", "c/o", "care of", "a/k/a", "aka", "also known as", "f/k/a" or "formerly known as", or listed with
 *       {@code ;} or {@code |}, and a name of two or more words in parentheses beside the rest
 *       ({@code "PJSC SBERBANK (PUBLIC JOINT-STOCK COMPANY SBERBANK)"} → both)
 *       ({@code "Golden Harbour Ltd t/a Korea Sokchon General Corporation"} → {@code "Golden Harbour Ltd"},
 *       {@code "Korea Sokchon General Corporation"});</li>
 *   <li>{@link Kind#LEADING}: for a long name (more than {@value #LONG_NAME_WORDS} words or {@value #LONG_NAME_CHARS}
 *       characters), its first 2 to {@value #MAX_LEADING_WORDS} words, so a listed name at the start of a long
 *       string is still found ({@code "Choe Chol Min"} + 500 characters of padding → {@code "Choe Chol"},
 *       {@code "Choe Chol Min"}, …).</li>
 * </ul>
 * Invisible characters (bidirectional controls, zero-width and other format characters) are removed from every
 * variant; the normalizer removes them too. At most {@value #MAX_CHARS} characters of a name are looked at.
 * Duplicates are dropped. Stateless and thread-safe.
 */
public final class NameVariants {

    /** A name with more words than this is long. */
    public static final int LONG_NAME_WORDS = 12;
    /** A name with more characters than this is long. */
    public static final int LONG_NAME_CHARS = 100;
    /** The longest leading window of a long name, in words. */
    public static final int MAX_LEADING_WORDS = 8;
    /** The characters of a name looked at; the rest is ignored. */
    public static final int MAX_CHARS = 2_000;

    private static final Pattern PARTY_SEPARATOR = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])(?:t/as?|trading\\s+as"
            + "|d/b/a|d\\.b\\.a\\.?|dba|doing\\s+business\\s+as|c/o|care\\s+of|a/k/a|a\\.k\\.a\\.?|aka"
            + "|also\\s+known\\s+as|f/k/a|formerly\\s+known\\s+as)(?![\\p{L}\\p{N}])");
    /** A field holding several names: {@code MOSTOTREST; OPEN JOINT STOCK COMPANY 'MOSTOTREST'}. */
    private static final Pattern NAME_LIST_SEPARATOR = Pattern.compile("[;|]");
    /** A parenthesised name of two or more words: {@code PJSC SBERBANK (PUBLIC JOINT-STOCK COMPANY SBERBANK)}. */
    private static final Pattern PARENTHESISED = Pattern.compile("[(（]\\s*([^()（）]*?\\S\\s+\\S[^()（）]*?)\\s*[)）]");
    private static final Pattern EDGES = Pattern.compile("^[\\s,;:()\\[\\]\"'-]+|[\\s,;:()\\[\\]\"'-]+$");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** How a variant was made from the name. */
    public enum Kind {
        /** the name as written */
        WHOLE,
        /** the name in the order it is displayed (bidirectional controls applied) */
        VISUAL,
        /** one party of a "trading as" / "c/o" name */
        PART,
        /** the first words of a long name */
        LEADING
    }

    /** One text to search, and how it was made. */
    public record Variant(String text, Kind kind) {

        /** How an explanation names it: {@code part "Korea Sokchon General Corporation"}. */
        public String describe() {
            return switch (kind) {
                case WHOLE -> "the name";
                case VISUAL -> "the name in display order \"" + text + "\"";
                case PART -> "the party \"" + text + "\" of the name";
                case LEADING -> "the leading words \"" + text + "\" of the name";
            };
        }
    }

    private NameVariants() {
    }

    /** The variants of {@code name}, the whole name first. */
    public static List<Variant> of(String name) {
        String bounded = bounded(name);
        List<Variant> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String clean = Invisible.strip(bounded);
        out.add(new Variant(bounded, Kind.WHOLE));
        seen.add(key(clean));
        if (Invisible.hasBidiControls(bounded)) {
            add(out, seen, visual(bounded), Kind.VISUAL);
        }
        List<String> parts = new ArrayList<>();
        for (String listed : NAME_LIST_SEPARATOR.split(clean)) {
            parts.addAll(List.of(PARTY_SEPARATOR.split(listed)));
        }
        java.util.regex.Matcher inner = PARENTHESISED.matcher(clean);
        boolean parenthesised = false;
        while (inner.find()) {
            parts.add(inner.group(1));
            parenthesised = true;
        }
        if (parenthesised) {
            parts.add(PARENTHESISED.matcher(clean).replaceAll(" "));
        }
        if (parts.size() > 1) {
            for (String p : parts) {
                add(out, seen, EDGES.matcher(p).replaceAll(""), Kind.PART);
            }
        }
        String[] words = SPACES.split(clean.strip());
        if (words.length > LONG_NAME_WORDS || clean.length() > LONG_NAME_CHARS) {
            StringBuilder window = new StringBuilder(words[0]);
            for (int k = 2; k <= Math.min(MAX_LEADING_WORDS, words.length - 1); k++) {
                window.append(' ').append(words[k - 1]);
                add(out, seen, window.toString(), Kind.LEADING);
            }
        }
        return List.copyOf(out);
    }

    /** At most {@link #MAX_CHARS} characters, not splitting a surrogate pair. */
    public static String bounded(String name) {
        if (name.length() <= MAX_CHARS) {
            return name;
        }
        int end = Character.isHighSurrogate(name.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return name.substring(0, end);
    }

    /** The text in display order, with the bidirectional controls applied and removed. */
    public static String visual(String text) {
        Bidi bidi = new Bidi(text, Bidi.LEVEL_DEFAULT_LTR);
        return Invisible.strip(bidi.writeReordered(Bidi.REMOVE_BIDI_CONTROLS | Bidi.DO_MIRRORING));
    }

    private static void add(List<Variant> out, Set<String> seen, String text, Kind kind) {
        String t = text.strip();
        if (t.isEmpty() || !seen.add(key(t))) {
            return;
        }
        out.add(new Variant(t, kind));
    }

    private static String key(String text) {
        return SPACES.matcher(text.strip()).replaceAll(" ").toLowerCase(java.util.Locale.ROOT);
    }
}
