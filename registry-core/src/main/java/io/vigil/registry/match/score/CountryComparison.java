package io.vigil.registry.match.score;

import io.vigil.registry.match.explain.AttributeEffect;
import io.vigil.registry.model.Address;
import io.vigil.registry.model.Countries;
import io.vigil.registry.model.Party;
import java.util.TreeSet;

/**
 * Compares the screened country with the party's nationalities, citizenships and address countries: one of them
 * +{@value #SAME}; none of them {@value #OTHER} (a weak signal: listed persons live and trade abroad).
 * Example: {@code CN} against CHOE Chol Min (nationality KP, address China) → {@code +2}.
 */
public final class CountryComparison {

    public static final double SAME = 2;
    public static final double OTHER = -4;
    static final String ATTRIBUTE = "country";

    /** The effect, or null when the query has no country. */
    public AttributeEffect compare(String country, Party party) {
        if (country == null) {
            return null;
        }
        TreeSet<String> listed = new TreeSet<>();
        party.nationalities().forEach(c -> add(listed, c));
        party.citizenships().forEach(c -> add(listed, c));
        for (Address a : party.addresses()) {
            add(listed, a.country());
        }
        if (listed.isEmpty()) {
            return new AttributeEffect(ATTRIBUTE, country, null, 0, "no country listed");
        }
        String shown = String.join(", ", listed);
        return listed.contains(country)
                ? new AttributeEffect(ATTRIBUTE, country, shown, SAME, "listed nationality or address")
                : new AttributeEffect(ATTRIBUTE, country, shown, OTHER, "not a listed nationality or address");
    }

    private static void add(TreeSet<String> set, String nameOrCode) {
        if (nameOrCode != null && !nameOrCode.isBlank()) {
            Countries.toIso2(nameOrCode).ifPresent(set::add);
        }
    }
}
