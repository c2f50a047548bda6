package io.vigil.registry.match.normalize;

import com.ibm.icu.text.SpoofChecker;
import java.lang.Character.UnicodeScript;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Folds look-alike letters from other scripts into the script of the rest of the name, using the Unicode
 * confusables data (UTS #39 skeletons, through ICU's {@link SpoofChecker}): a Cyrillic {@code о} or {@code а} inside
 * a Latin name becomes the Latin {@code o} or {@code a}, so that {@code "Chоe Chоl Min"} (Cyrillic {@code о}) reads
 * as {@code "Choe Chol Min"}, and a Latin {@code a} inside a Cyrillic name becomes the Cyrillic {@code а}.
 *
 * <p>The rules, so that real names written in two scripts are left alone:
 * <ul>
 *   <li>The name's script is the one most of its letters are in (Latin, Cyrillic or Greek); a name with no script
 *       holding more than half of its letters is left alone.</li>
 *   <li>A word with letters of the name's script and of others has each other letter replaced by the letter of
 *       the name's script it is confusable with (same skeleton), when every such letter has one; else the word is
 *       left alone.</li>
 *   <li>A word wholly in another script is folded the same way only when every letter has a look-alike
 *       ({@code "СНОЕ Chol Min"} → {@code "CHOE Chol Min"}); {@code "Иван"} has none for {@code И} and stays
 *       Cyrillic, to be transliterated.</li>
 * </ul>
 * The letters a name may be folded into are the basic letters of each script (ASCII for Latin, U+0400–U+045F for
 * Cyrillic, U+0391–U+03C9 for Greek). Thread-safe; the tables are built once, on first use.
 */
final class Confusables {

    private static final UnicodeScript[] TARGETS = {UnicodeScript.LATIN, UnicodeScript.CYRILLIC,
        UnicodeScript.GREEK};

    private Confusables() {
    }

    /** Target script → (code point of another script → the look-alike letter of the target script). */
    private static final class Tables {
        static final Map<UnicodeScript, Map<Integer, String>> FOLD = build();

        private static Map<UnicodeScript, Map<Integer, String>> build() {
            SpoofChecker checker = new SpoofChecker.Builder().build();
            Map<UnicodeScript, Map<String, String>> bySkeleton = new EnumMap<>(UnicodeScript.class);
            for (UnicodeScript t : TARGETS) {
                bySkeleton.put(t, new HashMap<>());
            }
            addTargets(checker, bySkeleton.get(UnicodeScript.LATIN), 'A', 'Z');
            addTargets(checker, bySkeleton.get(UnicodeScript.LATIN), 'a', 'z');
            addTargets(checker, bySkeleton.get(UnicodeScript.CYRILLIC), 0x0400, 0x045F);
            addTargets(checker, bySkeleton.get(UnicodeScript.GREEK), 0x0391, 0x03C9);
            Map<UnicodeScript, Map<Integer, String>> fold = new EnumMap<>(UnicodeScript.class);
            for (UnicodeScript t : TARGETS) {
                fold.put(t, new HashMap<>());
            }
            // every letter of the scripts a name can hide letters from
            int[][] sources = {{0x0041, 0x024F}, {0x0370, 0x03FF}, {0x0400, 0x052F}, {0x0530, 0x058F},
                {0x13A0, 0x13FF}, {0x1D00, 0x1DBF}, {0x1E00, 0x1FFF}, {0x2C60, 0x2C7F}, {0xA640, 0xA69F},
                {0xA720, 0xA7FF}, {0xAB30, 0xAB6F}};
            for (int[] range : sources) {
                for (int cp = range[0]; cp <= range[1]; cp++) {
                    if (!Character.isLetter(cp)) {
                        continue;
                    }
                    UnicodeScript script = UnicodeScript.of(cp);
                    String skeleton = checker.getSkeleton(new String(Character.toChars(cp)));
                    for (UnicodeScript t : TARGETS) {
                        if (t == script) {
                            continue;
                        }
                        String target = bySkeleton.get(t).get(skeleton);
                        if (target != null) {
                            fold.get(t).put(cp, target);
                        }
                    }
                }
            }
            Map<UnicodeScript, Map<Integer, String>> frozen = new EnumMap<>(UnicodeScript.class);
            fold.forEach((k, v) -> frozen.put(k, Map.copyOf(v)));
            return frozen;
        }

        private static void addTargets(SpoofChecker checker, Map<String, String> out, int from, int to) {
            for (int cp = from; cp <= to; cp++) {
                if (Character.isLetter(cp)) {
                    String letter = new String(Character.toChars(cp));
                    out.putIfAbsent(checker.getSkeleton(letter), letter);
                }
            }
        }
    }

    /** The name with look-alike letters folded into the name's script; the same string when nothing changes. */
    static String fold(String name) {
        // cheap exit: one script only (the common case)
        if (PlainAscii.is(name)) {
            return name; // its letters are all Latin
        }
        UnicodeScript first = null;
        boolean mixed = false;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            UnicodeScript s = UnicodeScript.of(cp);
            if (first == null) {
                first = s;
            } else if (s != first) {
                mixed = true;
                break;
            }
        }
        if (!mixed) {
            return name;
        }
        Map<UnicodeScript, Integer> counts = new EnumMap<>(UnicodeScript.class);
        int letters = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                counts.merge(UnicodeScript.of(cp), 1, Integer::sum);
                letters++;
            }
        }
        UnicodeScript main = null;
        for (UnicodeScript t : TARGETS) {
            if (counts.getOrDefault(t, 0) * 2 > letters) {
                main = t;
            }
        }
        if (main == null) {
            return name;
        }
        Map<Integer, String> fold = Tables.FOLD.get(main);
        StringBuilder out = new StringBuilder(name.length());
        int i = 0;
        while (i < name.length()) {
            int cp = name.codePointAt(i);
            if (!Character.isLetter(cp)) {
                out.appendCodePoint(cp);
                i += Character.charCount(cp);
                continue;
            }
            int end = i;
            while (end < name.length() && Character.isLetter(name.codePointAt(end))) {
                end += Character.charCount(name.codePointAt(end));
            }
            out.append(foldWord(name.substring(i, end), main, fold));
            i = end;
        }
        return out.toString();
    }

    private static String foldWord(String word, UnicodeScript main, Map<Integer, String> fold) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            i += Character.charCount(cp);
            if (UnicodeScript.of(cp) == main) {
                out.appendCodePoint(cp);
                continue;
            }
            String target = fold.get(cp);
            if (target == null) {
                return word;
            }
            out.append(target);
        }
        return out.toString();
    }
}
