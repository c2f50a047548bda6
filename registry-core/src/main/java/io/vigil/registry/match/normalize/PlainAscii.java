package io.vigil.registry.match.normalize;

import java.lang.Character.UnicodeScript;

/**
 * Shortcuts for text made only of ASCII characters (U+0000–U+007F), the common case of screened values, where the
 * general Unicode steps are known to change nothing: ASCII text is in NFC, NFD, NFKC and NFKD alike (no ASCII
 * character has a decomposition or combines); no ASCII character is a format character (category Cf) or otherwise
 * invisible; its letters are exactly {@code A–Z} and {@code a–z}, all of the Latin script, and every other ASCII
 * character is of the Common script. {@code PlainAsciiTest} checks each of these claims over the 128 characters.
 */
final class PlainAscii {

    private PlainAscii() {
    }

    /** Whether every character of {@code text} is ASCII. */
    static boolean is(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** {@link UnicodeScript#of(int)}, without its table search for ASCII code points. */
    static UnicodeScript script(int cp) {
        if (cp < 0x80) {
            return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' ? UnicodeScript.LATIN : UnicodeScript.COMMON;
        }
        return UnicodeScript.of(cp);
    }
}
