package io.vigil.registry.match.normalize;

/**
 * Factory for {@link NameNormalizer}s.
 *
 * <p>Example: {@code NameNormalizers.standard().normalize("CHOE, Chol Min", true).text()} → {@code "choe chol min"}.
 */
public final class NameNormalizers {

    private NameNormalizers() {
    }

    /**
     * The standard pipeline, with the bundled tables: {@code korean-syllables.tsv}, {@code name-equivalents.tsv},
     * {@code name-rewrites.tsv}, {@code token-rewrites.tsv}, {@code honorifics.tsv}, {@code legal-forms.tsv}.
     * Loading takes a few milliseconds; build one and share it.
     */
    public static NameNormalizer standard() {
        return new StandardNameNormalizer(KoreanSyllables.load(), NameEquivalents.load(),
                RewriteRules.load("name-rewrites.tsv"), RewriteRules.load("token-rewrites.tsv"),
                TokenPhrases.honorifics(), TokenPhrases.legalForms());
    }
}
