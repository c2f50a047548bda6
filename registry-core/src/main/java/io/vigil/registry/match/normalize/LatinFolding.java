package io.vigil.registry.match.normalize;

import io.vigil.registry.model.Scripts;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds Latin text to lower-case ASCII letters, digits and single spaces: case folded with {@link Locale#ROOT},
 * diacritics and breves stripped ({@code ŏ} → {@code o}), letters that do not decompose mapped ({@code ß} →
 * {@code ss}, {@code ø} → {@code o}), apostrophes and the ayn/hamza signs removed without a space
 * ({@code Ch'ŏl} → {@code chol}, {@code ʿly} → {@code ly}), every other character a separator.
 */
final class LatinFolding {

    private LatinFolding() {
    }

    static String fold(String text) {
        String decomposed = PlainAscii.is(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(decomposed.length());
        boolean space = true;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                sb.append(c);
                space = false;
                continue;
            }
            if (c >= 'A' && c <= 'Z') {
                sb.append((char) (c + ('a' - 'A')));
                space = false;
                continue;
            }
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK || type == Character.FORMAT || isApostrophe(c)) {
                continue;
            }
            if (Character.isLetter(c)) {
                String folded = special(Character.toString(c).toLowerCase(Locale.ROOT));
                if (folded != null) {
                    sb.append(folded);
                    space = false;
                    continue;
                }
            }
            if (!space) {
                sb.append(' ');
                space = true;
            }
        }
        int end = sb.length();
        if (end > 0 && sb.charAt(end - 1) == ' ') {
            sb.setLength(end - 1);
        }
        return sb.toString();
    }

    private static boolean isApostrophe(char c) {
        return switch (c) {
            case '\'', '\u2019', '\u2018', '\u02BC', '\u02BB', '\u02BF', '\u02BE', '`', '\u00B4', '\u02B9',
                    '\u02BA', '\u2032' -> true;
            default -> false;
        };
    }

    /** Lower-case letters with no ASCII decomposition; null for any other letter (a separator). */
    private static String special(String lower) {
        if (lower.length() == 1) {
            char c = lower.charAt(0);
            if (c >= 'a' && c <= 'z') {
                return lower;
            }
        }
        return Scripts.foldLetter(lower);
    }
}
