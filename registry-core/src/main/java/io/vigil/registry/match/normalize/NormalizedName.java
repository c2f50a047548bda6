package io.vigil.registry.match.normalize;

import java.util.List;

/**
 * A name after the normalization pipeline: its comparable tokens, and what the pipeline set aside. Immutable.
 *
 * <p>Example: {@code "Mr. CH'OE Ch'ŏl-min Trading Co., Ltd."} → tokens {@code [choe, chol, min, trading]},
 * legal forms {@code [CO, LTD]}, honorifics {@code [mr]}.
 *
 * @param original the name as given
 * @param tokens the comparable tokens, in the name's order
 * @param legalForms the legal-form classes recognised (organizations only), e.g. {@code [LTD]}
 * @param honorifics the leading honorifics removed, e.g. {@code [mr]}
 * @param person whether it was normalized as a person's name (name-part positions then carry roles)
 */
public record NormalizedName(String original, List<NameToken> tokens, List<String> legalForms,
        List<String> honorifics, boolean person) {

    public NormalizedName {
        tokens = List.copyOf(tokens);
        legalForms = List.copyOf(legalForms);
        honorifics = List.copyOf(honorifics);
    }

    /** The tokens' text joined with single spaces, e.g. {@code "choe chol min"}. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (NameToken t : tokens) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(t.text());
        }
        return sb.toString();
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }
}
