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
}
