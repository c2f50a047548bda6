package io.vigil.registry.match.normalize;

/**
 * Characters that change how a name is displayed, or hide in it, without being part of it: the bidirectional
 * controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), zero-width spaces and joiners, the soft hyphen,
 * the byte order mark, every other format character (Unicode category Cf), and the invisible Hangul fillers.
 *
 * <p>Example: {@code strip("CHOE\u200B CHOL\u2066 MIN\u2069")} → {@code "CHOE CHOL MIN"}.
 */
public final class Invisible {

    private Invisible() {
    }

    /** Whether {@code cp} is removed by {@link #strip}. */
    public static boolean isInvisible(int cp) {
        return Character.getType(cp) == Character.FORMAT || cp == 0x115F || cp == 0x1160 || cp == 0x3164
                || cp == 0xFFA0 || cp == 0x034F;
    }

    /** Whether the text holds a bidirectional control. */
    public static boolean hasBidiControls(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u061C' || c == '\u200E' || c == '\u200F' || c >= '\u202A' && c <= '\u202E'
                    || c >= '\u2066' && c <= '\u2069') {
                return true;
            }
        }
        return false;
    }

    /** The text without invisible characters; the same string when it has none. */
    public static String strip(String text) {
        int i = 0;
        while (i < text.length() && !isInvisible(text.codePointAt(i))) {
            i += Character.charCount(text.codePointAt(i));
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        sb.append(text, 0, i);
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!isInvisible(cp)) {
                sb.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }
}
