package io.vigil.registry.match.explain;

/** How a query token was paired with a list token, as shown in every explanation. */
public enum TokenMatchMethod {
    /** the same normalized text */
    EXACT("exact"),
    /** the same name in another romanization (Korean syllable table, Arabic/Russian/Chinese name forms) */
    ROMANIZATION("romanization variant"),
    /** equal after the transliteration rewrite rules (e.g. -iy/-y, kh/h, ye/e) */
    TRANSLITERATION("transliteration variant"),
    /** equal consonant skeletons, one side written in Arabic script (no short vowels) */
    CONSONANTS("same consonants (Arabic script)"),
    /** Jaro–Winkler similarity at or above the fuzzy floor */
    FUZZY("spelling similarity"),
    /** one token written as two on the other side (Chol Min / Cholmin) */
    JOINED("joined / split"),
    /** a query token that matched nothing */
    UNMATCHED_QUERY("query token unmatched"),
    /** a list token that matched nothing */
    UNMATCHED_LIST("list token unmatched"),
    /**
     * the query holds only generic words of organization names and particles, all found in a listed name whose
     * distinctive word it lacks ({@code Societe Generale} / {@code SOCIETE GENERALE DE PAIN}): the name score is
     * scaled down
     */
    GENERIC_ONLY("only generic words matched, a distinctive listed word missing"),
    /**
     * the given and family names of both sides matched and only one side has further names between them (a middle
     * name or patronymic the other side dropped: {@code Karim Yusuf Haddad} / {@code HADDAD, Karim}): those
     * names count at a reduced weight
     */
    DROPPED_MIDDLE("given and family names matched, middle names on one side only");

    private final String label;

    TokenMatchMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
