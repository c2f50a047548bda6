package io.vigil.registry.match.explain;

import java.util.Locale;

/**
 * One attribute compared between the query and the listed party, and its effect on the score in points.
 *
 * <p>Example: {@code AttributeEffect("date of birth", "1990", "1950", -35, "born 40 years apart")}.
 *
 * @param attribute what was compared: {@code date of birth}, {@code country}, {@code party type},
 *     {@code legal form}, {@code name quality}
 * @param queryValue the query's value, null when the query had none
 * @param listValue the list's value(s), null when the list had none
 * @param effect points added to (positive) or taken from (negative) the name score
 * @param reason a short plain-language reason
 */
public record AttributeEffect(String attribute, String queryValue, String listValue, double effect, String reason) {

    @Override
    public String toString() {
        return attribute + " " + (queryValue == null ? "-" : queryValue) + " vs " + (listValue == null ? "-" : listValue)
                + " " + String.format(Locale.ROOT, "%+.1f", effect) + " (" + reason + ")";
    }
}
