package io.vigil.registry.model;

import java.lang.Character.UnicodeScript;
import java.util.EnumMap;
import java.util.Map;

/** Detects the dominant writing system of a name, as an ISO 15924 code. */
public final class Scripts {

    private static final Map<UnicodeScript, String> CODES = new EnumMap<>(UnicodeScript.class);

    static {
        CODES.put(UnicodeScript.LATIN, "Latn");
        CODES.put(UnicodeScript.HANGUL, "Hang");
        CODES.put(UnicodeScript.HAN, "Hani");
        CODES.put(UnicodeScript.HIRAGANA, "Jpan");
        CODES.put(UnicodeScript.KATAKANA, "Jpan");
        CODES.put(UnicodeScript.ARABIC, "Arab");
        CODES.put(UnicodeScript.CYRILLIC, "Cyrl");
        CODES.put(UnicodeScript.GREEK, "Grek");
        CODES.put(UnicodeScript.HEBREW, "Hebr");
        CODES.put(UnicodeScript.THAI, "Thai");
        CODES.put(UnicodeScript.GEORGIAN, "Geor");
        CODES.put(UnicodeScript.ARMENIAN, "Armn");
        CODES.put(UnicodeScript.DEVANAGARI, "Deva");
        CODES.put(UnicodeScript.ETHIOPIC, "Ethi");
        CODES.put(UnicodeScript.MYANMAR, "Mymr");
        CODES.put(UnicodeScript.KHMER, "Khmr");
    }

    private Scripts() {
    }

    /**
     * The script of most letters in {@code text}: {@code "최철민"} → {@code Hang}, {@code "Choe"} → {@code Latn};
     * {@code Zyyy} (common) when it has no letters, {@code Zzzz} for a script not in the table.
     */
    public static String detect(String text) {
        Map<UnicodeScript, Integer> counts = new EnumMap<>(UnicodeScript.class);
        text.codePoints().filter(Character::isLetter)
                .forEach(cp -> counts.merge(UnicodeScript.of(cp), 1, Integer::sum));
        return counts.entrySet().stream()
                .max(Map.Entry.<UnicodeScript, Integer>comparingByValue()
                        .thenComparing(e -> e.getKey() == UnicodeScript.LATIN ? 1 : 0))
                .map(e -> CODES.getOrDefault(e.getKey(), "Zzzz"))
                .orElse("Zyyy");
    }

    /**
     * The ASCII spelling of a lower-case Latin letter that has no Unicode decomposition ({@code ß} → {@code ss},
     * {@code ø} → {@code o}, {@code ł} → {@code l}, {@code ı} → {@code i}), or null for any other letter.
     */
    public static String foldLetter(String lower) {
        return switch (lower) {
            case "ø" -> "o";
            case "ł" -> "l";
            case "đ", "ð" -> "d";
            case "ß" -> "ss";
            case "æ" -> "ae";
            case "œ" -> "oe";
            case "ı" -> "i";
            case "þ" -> "th";
            case "ħ" -> "h";
            case "ŧ" -> "t";
            case "ŋ" -> "ng";
            case "ə" -> "a";
            default -> null;
        };
    }
}
