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
 *   <li>{@link Kind#BRANCH}: an organization's name without the branch or office it names at its end: without the
 *       word {@code office}, {@code branch}, {@code filiale}, {@code succursale} or {@code sucursal} and the one or
 *       two words of place before it ({@code "Golden Star Trading Ltd - Dubai Office"} → {@code "Golden Star
 *       Trading Ltd - Dubai"}, {@code "Golden Star Trading Ltd"}), or with the word and the place after it
 *       ({@code "Harbour Light Bank, Branch in Rome"} → {@code "Harbour Light Bank"}): a branch is the
 *       organization, and lists name an organization with or without it;</li>
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
        /** an organization's name without the branch or office it names at its end */
        BRANCH,
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
                case BRANCH -> "the name without its branch or office \"" + text + "\"";
                case LEADING -> "the leading words \"" + text + "\" of the name";
            };
        }
    }

    private NameVariants() {
    }

    /** The variants of {@code name}, the whole name first. */
    public static List<Variant> of(String name) {
        String bounded = bounded(name);
        String clean = Invisible.strip(bounded);
        boolean bidi = Invisible.hasBidiControls(bounded);
        boolean parties = mayHoldParties(clean);
        List<String> branchless = withoutBranch(clean);
        boolean longName = clean.length() > LONG_NAME_CHARS || wordCount(clean.strip()) > LONG_NAME_WORDS;
        if (!bidi && !parties && branchless.isEmpty() && !longName) {
            return List.of(new Variant(bounded, Kind.WHOLE)); // most names: the name alone, no regular expression run
        }
        List<Variant> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        out.add(new Variant(bounded, Kind.WHOLE));
        seen.add(key(clean));
        if (bidi) {
            add(out, seen, visual(bounded), Kind.VISUAL);
        }
        List<String> parts = new ArrayList<>();
        if (parties) {
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
        }
        if (parts.size() > 1) {
            for (String p : parts) {
                add(out, seen, EDGES.matcher(p).replaceAll(""), Kind.PART);
            }
        }
        for (String withoutBranch : branchless) {
            add(out, seen, EDGES.matcher(withoutBranch).replaceAll(""), Kind.BRANCH);
        }
        if (longName) {
            String[] words = SPACES.split(clean.strip());
            StringBuilder window = new StringBuilder(words[0]);
            for (int k = 2; k <= Math.min(MAX_LEADING_WORDS, words.length - 1); k++) {
                window.append(' ').append(words[k - 1]);
                add(out, seen, window.toString(), Kind.LEADING);
            }
        }
        return List.copyOf(out);
    }

    /**
     * False when the name certainly holds no separator of names or parties and no parenthesis, so that it is one
     * part ({@link #NAME_LIST_SEPARATOR}, {@link #PARTY_SEPARATOR}, {@link #PARENTHESISED} find nothing): plain ASCII
     * (no other character can match a separator case-insensitively, as the Kelvin sign matches {@code k}) without
     * {@code ; | ( / .} and without the words every other separator contains. True when it may hold one.
     */
    static boolean mayHoldParties(String name) {
        int n = name.length();
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (c >= 0x80 || c == ';' || c == '|' || c == '(' || c == '/' || c == '.') {
                return true;
            }
            // each hint where its first letter is (ASCII: | 0x20 lower-cases a letter, and no other character becomes
            // one of these letters)
            switch (c | 0x20) {
                case 't', 'd', 'c', 'a', 'f' -> {
                    for (String hint : PARTY_HINTS) {
                        if (hint.charAt(0) == (c | 0x20) && name.regionMatches(true, i, hint, 0, hint.length())) {
                            return true;
                        }
                    }
                }
                default -> {
                }
            }
        }
        return false;
    }

    /** Every alternative of {@link #PARTY_SEPARATOR} without a slash or a dot contains one of these. */
    private static final String[] PARTY_HINTS = {"trading", "dba", "doing", "care", "aka", "also", "formerly"};

    /**
     * The number of words {@code SPACES.split(name)} gives for a stripped name that is not empty: runs
     * of characters other than the spaces of {@code \s} (space, tab, line feed, vertical tab, form feed, carriage
     * return), none of which {@code strip()} leaves at either end. 0 for an empty name (the split
     * gives one word: both stay far below {@link #LONG_NAME_WORDS}).
     */
    static int wordCount(String name) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (!space && !inWord) {
                count++;
            }
            inWord = !space;
        }
        return count;
    }

    /** The words that name a branch or office of an organization. */
    private static final Pattern BRANCH_WORD = Pattern.compile(
            "(?iu)(?<![\\p{L}\\p{N}])(?:office|offices|branch|branches|filiale|succursale|sucursal)(?![\\p{L}\\p{N}])");
    /** What may follow the branch word: a place of at most two words, after "in", "of" or "at" or not. */
    private static final Pattern PLACE_AFTER = Pattern.compile(
            "(?iu)\\s*(?:(?:in|of|at)\\s+)?(?:[\\p{L}.'-]+(?:\\s+[\\p{L}.'-]+)?)?\\s*[)）]?\\s*");
    private static final Pattern WORD_BEFORE = Pattern.compile("[\\s,;:()\\[\\]\"'–—-]*[\\p{L}.'&]+[\\s,;:()\\[\\]\"'–—-]*$");

    /**
     * The name without the branch it names at its end, as up to three texts (the last branch word with none, one
     * or two words before it removed, or the branch word and a place after it); empty when the name names no
     * branch there. Each text keeps at least {@value #MIN_BRANCH_HEAD_WORDS} words.
     */
    static List<String> withoutBranch(String name) {
        if (!mayNameBranch(name)) {
            return List.of(); // most names: no regular expression run on the screening path
        }
        java.util.regex.Matcher m = BRANCH_WORD.matcher(name);
        int start = -1;
        int end = -1;
        while (m.find()) {
            start = m.start();
            end = m.end();
        }
        if (start < 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>(3);
        String head = name.substring(0, start);
        String tail = name.substring(end);
        if (tail.isBlank() || EDGES.matcher(tail).replaceAll("").isEmpty()) {
            // "... Dubai Office": the name without the word, then without one and two words of place before it
            String h = head;
            for (int k = 0; k < 3; k++) {
                if (words(h) < MIN_BRANCH_HEAD_WORDS) {
                    break;
                }
                out.add(h);
                java.util.regex.Matcher w = WORD_BEFORE.matcher(h);
                if (!w.find()) {
                    break;
                }
                h = h.substring(0, w.start());
            }
        } else if (PLACE_AFTER.matcher(tail).matches() && words(head) >= MIN_BRANCH_HEAD_WORDS) {
            // "..., Branch in Rome", "... (Office of Paris)"
            out.add(head);
        }
        return out;
    }

    /** The beginnings of the branch words ({@link #BRANCH_WORD}), for a check without a regular expression. */
    private static final String[] BRANCH_STEMS = {"office", "branch", "filiale", "succursale", "sucursal"};

    /** False when the name certainly holds no branch word: none of their beginnings occurs in it, in any case. */
    private static boolean mayNameBranch(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = (char) (name.charAt(i) | 0x20);
            if (c == 'o' || c == 'b' || c == 'f' || c == 's') {
                for (String stem : BRANCH_STEMS) {
                    if (name.regionMatches(true, i, stem, 0, stem.length())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A name without its branch keeps at least this many words ("John Branch" is not the branch of "John"). */
    private static final int MIN_BRANCH_HEAD_WORDS = 2;

    private static int words(String text) {
        String t = EDGES.matcher(text).replaceAll("").strip();
        return t.isEmpty() ? 0 : SPACES.split(t).length;
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
