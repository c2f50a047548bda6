package io.vigil.registry.match.score;

import io.vigil.registry.match.explain.TokenMatchMethod;
import io.vigil.registry.match.normalize.NameToken;

/**
 * Similarity of a query token to a list token, 0 (different) to 1 (identical). Implementations are stateless and
 * thread-safe; {@link #method} names the rule that produced a non-zero similarity, for explanations.
 */
public interface TokenSimilarity {

    double similarity(NameToken query, NameToken list);

    TokenMatchMethod method(NameToken query, NameToken list);
}
