package io.vigil.registry.match.score;

import io.vigil.registry.match.explain.AttributeEffect;
import io.vigil.registry.match.explain.Explanation;
import io.vigil.registry.model.NameQuality;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyName;
import java.util.ArrayList;
import java.util.List;

/**
 * The final score, 0–100, of one list name for one screened record: the name similarity, then the adjustments —
 * legal form (a stated one that differs, or one only the record states), a weak alias, date of birth, country and
 * party type, each only when both sides have it — clamped to
 * 0–100 and rounded to one decimal. Stateless and thread-safe.
 *
 * <p>Example: {@code "Choi Cheol-min"} born {@code 1978} against {@code "CHOE, Chol Min"} (ofac:43598, born
 * 1978-04-03) → name 96.7, date of birth +3 → 99.7.
 */
public final class MatchScorer {

    /** A weak (low-quality) alias: the sources say it is too broad to identify anyone on its own. */
    public static final double WEAK_ALIAS = -6;
    public static final double LEGAL_FORM_DIFFERS = -6;
    /**
     * A legal form the record states and the listed name lacks ({@code ROSNEFT TRADING SA} / {@code ROSNEFT}). The
     * other way round costs nothing: records and payment messages drop legal forms far more often than lists do, so
     * a record without one says nothing about it.
     */
    public static final double LEGAL_FORM_ONE_SIDE = -2;
    /** The most the attributes can add: the same day of birth and the same country. */
    public static final double MAX_BONUS = BirthDateComparison.SAME_DAY + CountryComparison.SAME;

    private final NameSimilarity names;
    private final BirthDateComparison birthDates = new BirthDateComparison();
    private final CountryComparison countries = new CountryComparison();
    private final PartyTypeComparison types = new PartyTypeComparison();

    public MatchScorer(NameSimilarity names) {
        this.names = names;
    }

    public static MatchScorer standard() {
        return new MatchScorer(new NameSimilarity(new RomanizedTokenSimilarity()));
    }

    /** The name similarity alone, 0–100 (an upper bound of the final score minus {@link #MAX_BONUS}). */
    public double nameScore(ScorableName query, ScorableName list) {
        return names.score(query, list);
    }

    /** The final score given the name score already computed. */
    public double score(double nameScore, ScorableName query, QueryAttributes attributes, ScorableName list,
            PartyName name, Party party) {
        double total = nameScore;
        for (AttributeEffect e : effects(query, attributes, list, name, party)) {
            total += e.effect();
        }
        return round(Math.max(0, Math.min(100, total)));
    }

    /** The whole explanation, its final score equal to {@link #score}. */
    public Explanation explain(ScorableName query, QueryAttributes attributes, ScorableName list, PartyName name,
            Party party) {
        double nameScore = names.score(query, list);
        List<AttributeEffect> effects = effects(query, attributes, list, name, party);
        double total = nameScore;
        for (AttributeEffect e : effects) {
            total += e.effect();
        }
        return new Explanation(name.fullName(), name.kind(), name.quality(), query.normalized().text(),
                list.normalized().text(), names.explain(query, list), round(nameScore), effects,
                round(Math.max(0, Math.min(100, total))));
    }

    private List<AttributeEffect> effects(ScorableName query, QueryAttributes attributes, ScorableName list,
            PartyName name, Party party) {
        List<AttributeEffect> effects = new ArrayList<>(4);
        List<String> ql = query.legalForms();
        List<String> ll = list.legalForms();
        if (!ql.isEmpty() && !ll.isEmpty()) {
            boolean shared = ql.stream().anyMatch(ll::contains);
            effects.add(new AttributeEffect("legal form", String.join(" ", ql), String.join(" ", ll),
                    shared ? 0 : LEGAL_FORM_DIFFERS, shared ? "same legal form" : "different legal forms"));
        } else if (!ql.isEmpty()) {
            // a legal form the record states and the listed name lacks; a record without one says nothing (records
            // and payment messages omit legal forms far more often than lists do)
            effects.add(new AttributeEffect("legal form", ql.isEmpty() ? null : String.join(" ", ql),
                    ll.isEmpty() ? null : String.join(" ", ll), LEGAL_FORM_ONE_SIDE, "legal form on one side only"));
        }
        if (name.quality() == NameQuality.WEAK) {
            effects.add(new AttributeEffect("name quality", null, "weak alias", WEAK_ALIAS,
                    "the list marks this alias as weak (low quality)"));
        }
        add(effects, birthDates.compare(attributes.dateOfBirth(), party));
        add(effects, countries.compare(attributes.country(), party));
        boolean typeStated = attributes.type() != null && attributes.type() != PartyType.UNKNOWN;
        add(effects, typeStated ? types.compare(attributes.type(), party.type())
                : types.compareInferred(ql, party.type()));
        return effects;
    }

    private static void add(List<AttributeEffect> effects, AttributeEffect e) {
        if (e != null) {
            effects.add(e);
        }
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
