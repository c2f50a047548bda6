package io.vigil.registry.match.score;

import io.vigil.registry.match.explain.AttributeEffect;
import io.vigil.registry.model.PartyType;

/**
 * Compares the screened party type with the listed one: a person against an organization, vessel or aircraft
 * (or the reverse) {@value #PERSON_VS_OTHER}; two different non-person types {@value #OTHER_KIND}; the same 0.
 * Example: {@code person} against an entity → {@code -40 (a person is not an organization)}.
 */
public final class PartyTypeComparison {

    public static final double PERSON_VS_OTHER = -40;
    public static final double OTHER_KIND = -10;
    /**
     * The screened name carries a legal form ({@code Horizon SA}), so it names an organization, but the listed
     * party is a person, vessel or aircraft. Milder than a stated type, because the type is inferred.
     */
    public static final double LEGAL_FORM_VS_OTHER = -15;
    static final String ATTRIBUTE = "party type";

    /** The effect, or null when either type is unknown. */
    public AttributeEffect compare(PartyType query, PartyType listed) {
        if (query == null || query == PartyType.UNKNOWN || listed == PartyType.UNKNOWN) {
            return null;
        }
        String q = query.cliName();
        String l = listed.cliName();
        if (query == listed) {
            return new AttributeEffect(ATTRIBUTE, q, l, 0, "same type");
        }
        if (query == PartyType.INDIVIDUAL || listed == PartyType.INDIVIDUAL) {
            return new AttributeEffect(ATTRIBUTE, q, l, PERSON_VS_OTHER,
                    "a " + q + " is not a" + (l.startsWith("o") || l.startsWith("a") ? "n " : " ") + l);
        }
        return new AttributeEffect(ATTRIBUTE, q, l, OTHER_KIND, "another kind of entity");
    }

    /**
     * When the query states no type but its name has a legal form: an organization, compared with the listed type.
     * Example: {@code Horizon SA} against the vessel {@code HORIZON} → {@code -15 (legal form SA: an organization,
     * not a vessel)}; against an organization, or with no legal form, null.
     */
    public AttributeEffect compareInferred(java.util.List<String> queryLegalForms, PartyType listed) {
        if (queryLegalForms.isEmpty() || listed == PartyType.ORGANIZATION || listed == PartyType.UNKNOWN) {
            return null;
        }
        String forms = String.join(" ", queryLegalForms);
        return new AttributeEffect(ATTRIBUTE, "organization (legal form " + forms + ")", listed.cliName(),
                LEGAL_FORM_VS_OTHER, "legal form " + forms + ": an organization, not a" + (listed.cliName()
                        .startsWith("a") ? "n " : " ") + listed.cliName());
    }
}
