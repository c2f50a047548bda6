package io.vigil.registry.model;

/** Operations on whole {@link Party} values. */
public final class Parties {

    private Parties() {
    }

    /**
     * One entry from two records of the same entry id (e.g. the EU's one {@code sanctionEntity} per regime): the
     * first record's fields, then whatever the second adds that the first lacks (names, dates, places,
     * nationalities, addresses, identifiers, titles, relations, remarks, designations), each kept once, in order.
     * The type and gender are the first's unless it states none.
     *
     * @throws IllegalArgumentException when the ids differ
     */
    public static Party merge(Party first, Party second) {
        if (!first.id().equals(second.id())) {
            throw new IllegalArgumentException("cannot merge " + first.id() + " with " + second.id());
        }
        PartyBuilder b = Party.builder(first.id())
                .type(first.type() != PartyType.UNKNOWN ? first.type() : second.type());
        for (Party p : new Party[] {first, second}) {
            p.names().forEach(b::name);
            p.datesOfBirth().forEach(b::dateOfBirth);
            p.placesOfBirth().forEach(b::placeOfBirth);
            p.nationalities().forEach(b::nationality);
            p.citizenships().forEach(b::citizenship);
            p.addresses().forEach(b::address);
            p.identifiers().forEach(b::identifier);
            p.titles().forEach(b::title);
            p.relations().forEach(b::relation);
            p.designations().forEach(b::designation);
        }
        b.gender(second.gender());
        b.gender(first.gender());
        first.remarks().forEach(b::remark);
        second.remarks().stream().filter(r -> !first.remarks().contains(r)).forEach(b::remark);
        return b.build();
    }
}
