package io.vigil.registry.model;

import java.util.List;
import java.util.Objects;

/**
 * A designated party as one source lists it. Lists are never null; they are empty when the source is silent.
 *
 * @param id {@code <source>:<id>}, e.g. {@code ofac:43598}, {@code un:KPi.066}, {@code uk:13349},
 *     {@code eu:1234}, {@code notice:kr-2022-12-02-01}
 * @param type individual, organization, vessel or aircraft
 * @param names the primary name first, then aliases in source order
 * @param datesOfBirth dates of birth (or of registration for organizations, when the source says so)
 * @param placesOfBirth places of birth as written
 * @param nationalities nationalities as ISO alpha-2 codes when recognised, else as written
 * @param citizenships citizenships, same form
 * @param addresses addresses and locations
 * @param identifiers passports, national ids, IMO numbers, BICs…
 * @param gender {@code Male}, {@code Female} or null
 * @param titles titles and positions
 * @param relations stated links to other parties
 * @param remarks remarks and notes that were not parsed into fields, verbatim
 * @param designations at least one; every authority's designation of this entry
 */
public record Party(String id, PartyType type, List<PartyName> names, List<PartialDate> datesOfBirth,
        List<String> placesOfBirth, List<String> nationalities, List<String> citizenships, List<Address> addresses,
        List<Identifier> identifiers, String gender, List<String> titles, List<Relation> relations,
        List<String> remarks, List<Designation> designations) {

    public Party {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        names = List.copyOf(names);
        datesOfBirth = List.copyOf(datesOfBirth);
        placesOfBirth = List.copyOf(placesOfBirth);
        nationalities = List.copyOf(nationalities);
        citizenships = List.copyOf(citizenships);
        addresses = List.copyOf(addresses);
        identifiers = List.copyOf(identifiers);
        titles = List.copyOf(titles);
        relations = List.copyOf(relations);
        remarks = List.copyOf(remarks);
        designations = List.copyOf(designations);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("party " + id + " has no name");
        }
        if (designations.isEmpty()) {
            throw new IllegalArgumentException("party " + id + " has no designation");
        }
        if (id.indexOf(':') <= 0) {
            throw new IllegalArgumentException("party id must be <source>:<id>: " + id);
        }
    }

    /** The primary name (the first name), e.g. {@code "CHOE, Chol Min"}. */
    public String primaryName() {
        return names.get(0).fullName();
    }

    /** The source prefix of the id, e.g. {@code ofac}. */
    public String source() {
        return id.substring(0, id.indexOf(':'));
    }

    /** A builder, convenient for parsers that fill a party field by field. */
    public static PartyBuilder builder(String id) {
        return new PartyBuilder(id);
    }
}
