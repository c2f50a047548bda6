package io.vigil.registry.match.score;

import io.vigil.registry.match.normalize.NameToken;

/**
 * How much a token says about identity: rare tokens weigh more than common ones ({@code kim}, {@code mohammed},
 * {@code trading}). Implementations are immutable and thread-safe.
 */
public interface TokenWeights {

    /** A weight of at least 1. */
    float weight(NameToken token);

    /** Every token weighs 1. */
    static TokenWeights uniform() {
        return token -> 1f;
    }
}
