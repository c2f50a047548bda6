package io.vigil.registry.link;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/** Order-insensitive comparison keys for names: {@code "CHOE, Chol Min"} and {@code "Chol Min CHOE"} → {@code "choe chol min"}. */
final class NameKeys {

    private NameKeys() {
    }

    /**
     * NFKD, diacritics stripped, letters that do not decompose folded (ø, ł, đ, ß, æ, œ, ı), punctuation turned into
     * spaces, lower-cased with {@link Locale#ROOT}, tokens sorted. Empty when no letter or digit remains.
     */
    static String key(String name) {
        String t = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        StringBuilder sb = new StringBuilder(t.length());
        t.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                sb.append(fold(Character.toString(cp).toLowerCase(Locale.ROOT)));
            } else {
                sb.append(' ');
            }
        });
        String[] tokens = sb.toString().strip().split("\\s+");
        if (tokens.length == 1 && tokens[0].isEmpty()) {
            return "";
        }
        Arrays.sort(tokens);
        return String.join(" ", tokens);
    }

    private static String fold(String lower) {
        String folded = io.vigil.registry.model.Scripts.foldLetter(lower);
        return folded == null ? lower : folded;
    }
}
