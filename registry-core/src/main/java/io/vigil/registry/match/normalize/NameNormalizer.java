package io.vigil.registry.match.normalize;

/**
 * The one normalization pipeline applied to every list name (once, when a snapshot is indexed) and to every
 * screened name. Implementations are immutable and thread-safe.
 *
 * <p>Example: {@code normalize("Choi Cheol-min", false)} → tokens {@code choi[최] cheol[철] min[민]};
 * {@code normalize("최철민", false)} → {@code choe[최] cheol[철] min[민]}.
 */
public interface NameNormalizer {

    /**
     * Normalizes one name.
     *
     * @param name the name as written, in any script
     * @param person true when the name is known to be an individual's: legal forms are then not recognised
     */
    NormalizedName normalize(String name, boolean person);

    /** The keys of a single lower-case ASCII token, as the normalizer would give it (for index lookups). */
    NameToken token(String text);

    /**
     * Two adjacent tokens written as one, for comparing {@code "chol min"} with {@code "cholmin"}: the joined text,
     * keyed both as one word and as the two words' keys joined ({@code chol}+{@code min} → {@code [철민]}).
     */
    NameToken joined(NameToken left, NameToken right);

    /**
     * The words of a text that this normalizer reads word by word, or null (the default: no such guarantee).
     * When not null, every name cut from the text at characters other than ASCII letters and digits (the text
     * itself, a party of a "t/a" name, its leading words, a window of words of free text) normalizes, as a person's
     * name or not, to tokens each of which is {@link #token(String) token(w)} for one of these words, in the order
     * of the words: two adjacent tokens come from two words, the first before the second.
     */
    default java.util.List<String> plainWords(String text) {
        return null;
    }

    /**
     * False only when the normalizer certainly keeps the lower-case word as a token wherever it stands in a name
     * (it is not, nor may it be read as, a word of an honorific or a legal form). The default, true, proves nothing.
     */
    default boolean mayDrop(String word) {
        return true;
    }
}
