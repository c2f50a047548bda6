package io.vigil.registry.match.explain;

import io.vigil.registry.model.NameKind;
import io.vigil.registry.model.NameQuality;
import java.util.List;
import java.util.Locale;

/**
 * Why a list entry matched: the list name or alias that matched and its quality, the token pairs and their
 * similarities, every attribute compared with its effect, the name score and the final score.
 *
 * <p>Example summary: {@code name "CHOE, Chol Min" (primary, strong): choi~choe 0.95 romanization variant;
 * cheol~chol 0.95 romanization variant; min~min 1.00 exact; name score 96.7; date of birth 1978 vs 1978-04-03 +3.0
 * (same year); final 99.7}.
 *
 * @param matchedName the list name or alias as published
 * @param kind primary name or alias kind
 * @param quality strong, or weak (low-quality alias, scored lower)
 * @param queryTokens the normalized query
 * @param nameTokens the normalized list name
 * @param tokens the token pairs, query order, then the unmatched list tokens
 * @param nameScore the name similarity, 0–100, before attributes
 * @param attributes every attribute compared, with its effect
 * @param score the final score, 0–100
 */
public record Explanation(String matchedName, NameKind kind, NameQuality quality, String queryTokens,
        String nameTokens, List<TokenMatch> tokens, double nameScore, List<AttributeEffect> attributes,
        double score) {

    public Explanation {
        tokens = List.copyOf(tokens);
        attributes = List.copyOf(attributes);
    }

    /** One line for reports and the console. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("name \"").append(matchedName).append("\" (").append(kind.name().toLowerCase(Locale.ROOT).replace('_',
                ' ')).append(", ").append(quality.name().toLowerCase(Locale.ROOT)).append("): ");
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0) {
                sb.append("; ");
            }
            sb.append(tokens.get(i));
        }
        sb.append("; name score ").append(format(nameScore));
        for (AttributeEffect a : attributes) {
            sb.append("; ").append(a);
        }
        sb.append("; final ").append(format(score));
        return sb.toString();
    }

    static String format(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
