package io.vigil.registry.match.score;

import io.vigil.registry.match.normalize.NamePartRoles;
import io.vigil.registry.match.normalize.NameNormalizer;
import io.vigil.registry.match.normalize.NameToken;
import io.vigil.registry.match.normalize.NormalizedName;
import java.util.List;

/**
 * A normalized name ready for scoring: its tokens with their weights (rarity, times the share its role keeps:
 * {@link NamePartRoles}), and the joined form of each pair of adjacent
 * short tokens ({@code chol}+{@code min} → {@code cholmin}). Immutable; list names are prepared once per snapshot.
 */
public final class ScorableName {

    /** Tokens longer than this are never joined with a neighbour. */
    static final int MAX_JOINABLE_LENGTH = 7;

    private final NormalizedName normalized;
    private final NameToken[] tokens;
    private final float[] weights;
    private final NameToken[] joined;
    private final float totalWeight;
    private final NamePartRoles.Role[] roles;
    private static final NamePartRoles ROLES = NamePartRoles.standard();

    private ScorableName(NormalizedName normalized, NameToken[] tokens, float[] weights, NameToken[] joined,
            NamePartRoles.Role[] roles) {
        this.normalized = normalized;
        this.roles = roles;
        this.tokens = tokens;
        this.weights = weights;
        this.joined = joined;
        float total = 0;
        for (float w : weights) {
            total += w;
        }
        this.totalWeight = total;
    }

    public static ScorableName of(NormalizedName normalized, TokenWeights weights, NameNormalizer normalizer) {
        List<NameToken> list = normalized.tokens();
        NameToken[] tokens = list.toArray(NameToken[]::new);
        float[] w = new float[tokens.length];
        List<String> texts = new java.util.ArrayList<>(tokens.length);
        for (NameToken t : tokens) {
            texts.add(t.text());
        }
        // a particle, patronymic, middle name or generic organization word keeps a share of its rarity weight
        NamePartRoles.Role[] roles = ROLES.roles(texts, normalized.original(), normalized.person());
        for (int i = 0; i < tokens.length; i++) {
            w[i] = weights.weight(tokens[i]) * ROLES.factor(roles[i]);
        }
        NameToken[] joined = new NameToken[Math.max(0, tokens.length - 1)];
        for (int i = 0; i + 1 < tokens.length; i++) {
            if (joinable(tokens[i]) && joinable(tokens[i + 1])) {
                joined[i] = normalizer.joined(tokens[i], tokens[i + 1]);
            }
        }
        return new ScorableName(normalized, tokens, w, joined, roles);
    }

    /** Whether the token is joined with an adjacent joinable token. */
    public static boolean joinable(NameToken t) {
        return t.length() <= MAX_JOINABLE_LENGTH && t.digits().isEmpty();
    }

    public NormalizedName normalized() {
        return normalized;
    }

    public int size() {
        return tokens.length;
    }

    public NameToken token(int i) {
        return tokens[i];
    }

    /** The role of token {@code i} ({@link NamePartRoles}). */
    public NamePartRoles.Role role(int i) {
        return roles[i];
    }

    public float weight(int i) {
        return weights[i];
    }

    /** The joined form of tokens {@code i} and {@code i+1}, or null when they are not joinable. */
    public NameToken joined(int i) {
        return i < joined.length ? joined[i] : null;
    }

    public float totalWeight() {
        return totalWeight;
    }

    public List<String> legalForms() {
        return normalized.legalForms();
    }
}
