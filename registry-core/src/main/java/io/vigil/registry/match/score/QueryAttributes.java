package io.vigil.registry.match.score;

import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.PartyType;

/**
 * The secondary attributes a screened record may carry; each is null when the record does not give it.
 *
 * @param dateOfBirth year, month or day
 * @param country ISO 3166 alpha-2, upper case
 * @param type person, organization, vessel or aircraft
 */
public record QueryAttributes(PartialDate dateOfBirth, String country, PartyType type) {

    public static final QueryAttributes NONE = new QueryAttributes(null, null, null);

    public QueryAttributes {
        if (type == PartyType.UNKNOWN) {
            type = null;
        }
    }
}
