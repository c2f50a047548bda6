package io.vigil.registry.match.eval;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Comparison keys used to keep the evaluation set honest.
 *
 * <p>{@link #key(String)} is a copy of the package-private {@code io.vigil.registry.link.NameKeys.key}: NFKD,
 * marks stripped, a few letters folded, punctuation to spaces, lower-cased with {@link Locale#ROOT}, tokens sorted:
 * {@code "CHOE, Chol Min"} → {@code "choe chol min"}.
 *
 * <p>{@link #folded(String)} goes further: it folds the spelling variants the positives test (Choi/Choe,
 * Cheol/Chol, Mohammed/Muhammad, Aleksandr/Alexander…) and joins nothing, so that {@code "Choi Cheol-min"} and
 * {@code "CHOE, Chol Min"} share the folded key {@code "choe chol min"}. A negative whose folded key equals a listed
 * name's folded key would be a true name match (the same name, spelled another way), so it is dropped.
 */
final class EvalKeys {

    /** Token spelling variants → one canonical spelling (applied after lower-casing, marks stripped). */
    private static final Map<String, String> FOLD = Map.ofEntries(
            // Korean surnames
            Map.entry("choi", "choe"), Map.entry("chwe", "choe"), Map.entry("lee", "ri"), Map.entry("rhee", "ri"),
            Map.entry("yi", "ri"), Map.entry("li", "ri"), Map.entry("park", "pak"), Map.entry("bak", "pak"),
            Map.entry("jeon", "jon"), Map.entry("chon", "jon"), Map.entry("chun", "jon"), Map.entry("jeong", "jong"),
            Map.entry("jung", "jong"), Map.entry("chung", "jong"), Map.entry("chong", "jong"), Map.entry("yoo", "yu"),
            Map.entry("ryu", "yu"), Map.entry("yoon", "yun"), Map.entry("oh", "o"), Map.entry("koh", "ko"),
            Map.entry("go", "ko"), Map.entry("shin", "sin"), Map.entry("moon", "mun"), Map.entry("cho", "jo"),
            Map.entry("jang", "chang"), Map.entry("hyun", "hyon"), Map.entry("hyeon", "hyon"),
            // Korean given-name syllables
            Map.entry("cheol", "chol"), Map.entry("chul", "chol"), Map.entry("kyung", "kyong"),
            Map.entry("gyeong", "kyong"), Map.entry("young", "yong"), Map.entry("yeong", "yong"),
            Map.entry("seong", "song"), Map.entry("sung", "song"), Map.entry("eun", "un"), Map.entry("myung", "myong"),
            Map.entry("myeong", "myong"), Map.entry("hyuk", "hyok"), Map.entry("hyeok", "hyok"),
            Map.entry("seok", "sok"), Map.entry("suk", "sok"), Map.entry("byung", "pyong"),
            Map.entry("byeong", "pyong"), Map.entry("gwang", "kwang"), Map.entry("gil", "kil"),
            Map.entry("shik", "sik"), Map.entry("hee", "hui"), Map.entry("soo", "su"), Map.entry("woo", "u"),
            Map.entry("chin", "jin"), Map.entry("deok", "tok"), Map.entry("duk", "tok"), Map.entry("bong", "pong"),
            Map.entry("tae", "thae"),
            // Arabic and Persian
            Map.entry("mohammed", "muhammad"), Map.entry("mohammad", "muhammad"), Map.entry("mohamed", "muhammad"),
            Map.entry("muhammed", "muhammad"), Map.entry("mohamad", "muhammad"), Map.entry("mohd", "muhammad"),
            Map.entry("ahmed", "ahmad"), Map.entry("mahmoud", "mahmud"), Map.entry("husayn", "hussein"),
            Map.entry("hussain", "hussein"), Map.entry("husain", "hussein"), Map.entry("hossein", "hussein"),
            Map.entry("hosein", "hussein"), Map.entry("hasan", "hassan"), Map.entry("yousef", "yusuf"),
            Map.entry("youssef", "yusuf"), Map.entry("yousif", "yusuf"), Map.entry("ebrahim", "ibrahim"),
            Map.entry("umar", "omar"), Map.entry("uthman", "othman"), Map.entry("osman", "othman"),
            Map.entry("osama", "usama"), Map.entry("saeed", "said"), Map.entry("sa'id", "said"),
            Map.entry("abou", "abu"), Map.entry("khaled", "khalid"), Map.entry("waleed", "walid"),
            Map.entry("gamal", "jamal"), Map.entry("qassem", "qasim"), Map.entry("kasim", "qasim"),
            Map.entry("ghasem", "qasim"), Map.entry("qasem", "qasim"), Map.entry("abdallah", "abdullah"),
            Map.entry("abdollah", "abdullah"), Map.entry("mostafa", "mustafa"), Map.entry("moustafa", "mustafa"),
            Map.entry("mehdi", "mahdi"), Map.entry("hamed", "hamid"), Map.entry("rasheed", "rashid"),
            Map.entry("saleem", "salim"), Map.entry("selim", "salim"), Map.entry("suleiman", "sulayman"),
            Map.entry("sulaiman", "sulayman"), Map.entry("soleiman", "sulayman"), Map.entry("ismael", "ismail"),
            Map.entry("esmail", "ismail"), Map.entry("nasser", "nasir"), Map.entry("naser", "nasir"),
            Map.entry("hafez", "hafiz"), Map.entry("mohsen", "muhsin"), Map.entry("jaafar", "jafar"),
            Map.entry("mujtaba", "mojtaba"), Map.entry("kareem", "karim"), Map.entry("tarek", "tariq"),
            Map.entry("faysal", "faisal"), Map.entry("noor", "nur"), Map.entry("jawad", "javad"),
            Map.entry("seyed", "sayyid"), Map.entry("seyyed", "sayyid"), Map.entry("sayyed", "sayyid"),
            Map.entry("sayed", "sayyid"), Map.entry("sayyid", "sayyid"), Map.entry("musavi", "mousavi"),
            // Russian
            Map.entry("alexander", "aleksandr"), Map.entry("alexandr", "aleksandr"),
            Map.entry("alexey", "aleksey"), Map.entry("aleksei", "aleksey"), Map.entry("alexei", "aleksey"),
            Map.entry("evgeny", "yevgeny"), Map.entry("evgeniy", "yevgeny"), Map.entry("yevgeniy", "yevgeny"),
            Map.entry("evgenii", "yevgeny"), Map.entry("dmitry", "dmitriy"), Map.entry("dmitrii", "dmitriy"),
            Map.entry("sergei", "sergey"), Map.entry("andrei", "andrey"), Map.entry("yuri", "yuriy"),
            Map.entry("yury", "yuriy"), Map.entry("iurii", "yuriy"), Map.entry("maxim", "maksim"),
            Map.entry("mihail", "mikhail"), Map.entry("elena", "yelena"), Map.entry("tatiana", "tatyana"),
            Map.entry("natalia", "natalya"), Map.entry("nataliya", "natalya"), Map.entry("olga", "olga"));

    private EvalKeys() {
    }

    /** Copy of {@code NameKeys.key}: {@code "Chol Min CHOE"} → {@code "choe chol min"}. */
    static String key(String name) {
        String[] tokens = tokens(name);
        if (tokens.length == 0) {
            return "";
        }
        Arrays.sort(tokens);
        return String.join(" ", tokens);
    }

    /**
     * {@link #key(String)} after folding spelling variants, joining hyphenated Korean-style given names split and
     * collapsing doubled letters: {@code "Choi Cheol-min"} → {@code "choe chol min"},
     * {@code "Mohammed Hasan"} → {@code "hasan muhamad"}.
     */
    static String folded(String name) {
        String[] tokens = tokens(name);
        if (tokens.length == 0) {
            return "";
        }
        for (int i = 0; i < tokens.length; i++) {
            String t = FOLD.getOrDefault(tokens[i], tokens[i]);
            tokens[i] = t.replaceAll("(.)\\1", "$1");
        }
        Arrays.sort(tokens);
        return String.join(" ", tokens);
    }

    private static String[] tokens(String name) {
        String t = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        StringBuilder sb = new StringBuilder(t.length());
        t.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                sb.append(fold(Character.toString(cp).toLowerCase(Locale.ROOT)));
            } else {
                sb.append(' ');
            }
        });
        String s = sb.toString().strip();
        return s.isEmpty() ? new String[0] : s.split("\\s+");
    }

    private static String fold(String lower) {
        String folded = io.vigil.registry.model.Scripts.foldLetter(lower);
        return folded == null ? lower : folded;
    }
}
