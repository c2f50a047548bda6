package io.vigil.registry.match.explain;

/** How a query token was paired with a list token, as shown in every explanation. */
public enum TokenMatchMethod {
    /** the same normalized text */
    EXACT("exact"),
    /** the same name in another romanization (Korean syllable table, Arabic/Russian/Chinese name forms) */
    ROMANIZATION("romanization variant"),
    /** equal after the transliteration rewrite rules (e.g. -iy/-y, kh/h, ye/e) */
    TRANSLITERATION("transliteration variant"),
    /**
     * equal consonant skeletons of an Arabic name: one side written in Arabic script (no short vowels), or two Latin
     * spellings that differ in their vowels and in the letter chosen for one Arabic letter
     */
    CONSONANTS("same consonants (Arabic name)"),
    /** Jaro–Winkler similarity at or above the fuzzy floor */
    FUZZY("spelling similarity"),
    /** one token written as two on the other side (Chol Min / Cholmin) */
    JOINED("joined / split"),
    /**
     * a query token that is the syllabic abbreviation of two words of a listed organization name (IZHMASH /
     * IZHEVSKIY MASHINOSTROITELNYI)
     */
    ABBREVIATION("syllabic abbreviation"),
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
    DROPPED_MIDDLE("given and family names matched, middle names on one side only"),
    /**
     * a Spanish married name ({@code de} and the husband's family name) on one side, a second family name or none on
     * the other ({@code Rosario Maria MURILLO ZAMBRANA} / {@code MURILLO DE ORTEGA, Rosario Maria}): those names
     * count at a reduced weight
     */
    MARRIED_NAME("given and first family names matched, a married name on one side"),
    /**
     * every word of a listed organization name matched and the record adds a word inside the name, not at either end
     * ({@code RAWAFED TRIBUTARY DAMASCUS} / {@code RAWAFED DAMASCUS}): the added word counts at a reduced weight
     */
    INSERTED_WORD("every listed word matched, a word added inside the name");

    private final String label;

    TokenMatchMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
