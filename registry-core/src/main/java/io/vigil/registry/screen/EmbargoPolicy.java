package io.vigil.registry.screen;

import io.vigil.registry.model.Countries;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The jurisdictions whose appearance in a country field is an alert on its own, each with the reason reported.
 *
 * <p>Example: {@code EmbargoPolicy.defaults().reasonFor("KP")} → {@code "embargoed jurisdiction (configured
 * default): North Korea"}; {@code reasonFor("Korea, North")} → the same (country names are recognised);
 * {@code reasonFor("FR")} → empty.
 *
 * <p>The defaults are KP, IR, CU and SY, the comprehensively sanctioned countries that have an ISO 3166 alpha-2
 * code. Sanctioned regions (Crimea, and the so-called Donetsk and Luhansk People's Republics) have no ISO code of
 * their own, so a country field cannot name them: they are left out here and must be caught from addresses or
 * free text. The reasons are deliberately modest: they say the jurisdiction is configured as embargoed, not which
 * legal instrument applies to a given payment.
 *
 * @param reasons ISO alpha-2 code (upper case) → reason
 */
public record EmbargoPolicy(Map<String, String> reasons) {

    public EmbargoPolicy {
        TreeMap<String, String> m = new TreeMap<>();
        reasons.forEach((code, reason) -> {
            String c = code.strip().toUpperCase(Locale.ROOT);
            if (c.length() != 2) {
                throw new IllegalArgumentException("embargoed jurisdiction '" + code
                        + "' is not an ISO 3166 alpha-2 code");
            }
            m.put(c, reason);
        });
        reasons = Collections.unmodifiableMap(m);
    }

    /** KP, IR, CU and SY, each with {@code "embargoed jurisdiction (configured default): <country name>"}. */
    public static EmbargoPolicy defaults() {
        Map<String, String> m = new TreeMap<>();
        for (String code : new String[] {"CU", "IR", "KP", "SY"}) {
            m.put(code, "embargoed jurisdiction (configured default): " + Countries.displayName(code));
        }
        return new EmbargoPolicy(m);
    }

    /** No embargoed jurisdiction. */
    public static EmbargoPolicy none() {
        return new EmbargoPolicy(Map.of());
    }

    /** The reason when the value (an ISO alpha-2 code or a country name) is an embargoed jurisdiction. */
    public Optional<String> reasonFor(String countryValue) {
        return iso2(countryValue).map(reasons::get);
    }

    /** The ISO alpha-2 code of a code or country name, upper case, or empty when not recognised. */
    static Optional<String> iso2(String countryValue) {
        if (countryValue == null || countryValue.isBlank()) {
            return Optional.empty();
        }
        return Countries.toIso2(countryValue.strip()).map(c -> c.toUpperCase(Locale.ROOT));
    }
}
