package io.vigil.registry.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects a party's fields while a parser reads them; {@link #build()} makes the immutable {@link Party}. */
public final class PartyBuilder {
    private final String id;
    private PartyType type = PartyType.UNKNOWN;
    private final List<PartyName> names = new ArrayList<>();
    private final Set<PartialDate> datesOfBirth = new LinkedHashSet<>();
    private final Set<String> placesOfBirth = new LinkedHashSet<>();
    private final Set<String> nationalities = new LinkedHashSet<>();
    private final Set<String> citizenships = new LinkedHashSet<>();
    private final List<Address> addresses = new ArrayList<>();
    private final Set<Identifier> identifiers = new LinkedHashSet<>();
    private String gender;
    private final Set<String> titles = new LinkedHashSet<>();
    private final Set<Relation> relations = new LinkedHashSet<>();
    private final List<String> remarks = new ArrayList<>();
    private final Set<Designation> designations = new LinkedHashSet<>();

    PartyBuilder(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public PartyBuilder type(PartyType type) {
        this.type = type;
        return this;
    }

    public PartyType type() {
        return type;
    }

    /** Adds a name unless the same name of the same kind is already there. */
    public PartyBuilder name(PartyName name) {
        boolean duplicate = names.stream().anyMatch(n -> n.fullName().equals(name.fullName()));
        if (!duplicate) {
            names.add(name);
        }
        return this;
    }

    public List<PartyName> names() {
        return names;
    }

    public PartyBuilder dateOfBirth(PartialDate date) {
        datesOfBirth.add(date);
        return this;
    }

    public PartyBuilder placeOfBirth(String place) {
        if (place != null && !place.isBlank()) {
            placesOfBirth.add(place.strip());
        }
        return this;
    }

    public PartyBuilder nationality(String country) {
        if (country != null && !country.isBlank()) {
            nationalities.add(country.strip());
        }
        return this;
    }

    public PartyBuilder citizenship(String country) {
        if (country != null && !country.isBlank()) {
            citizenships.add(country.strip());
        }
        return this;
    }

    public PartyBuilder address(Address address) {
        if (!address.text().isEmpty() && !addresses.contains(address)) {
            addresses.add(address);
        }
        return this;
    }

    public PartyBuilder identifier(Identifier identifier) {
        identifiers.add(identifier);
        return this;
    }

    public PartyBuilder gender(String gender) {
        if (gender != null && !gender.isBlank()) {
            this.gender = gender.strip();
        }
        return this;
    }

    public PartyBuilder title(String title) {
        if (title != null && !title.isBlank()) {
            titles.add(title.strip());
        }
        return this;
    }

    public PartyBuilder relation(Relation relation) {
        relations.add(relation);
        return this;
    }

    public PartyBuilder remark(String remark) {
        if (remark != null && !remark.isBlank()) {
            remarks.add(remark.strip());
        }
        return this;
    }

    public PartyBuilder designation(Designation designation) {
        designations.add(designation);
        return this;
    }

    public Party build() {
        // primary names first, keeping source order otherwise
        List<PartyName> ordered = new ArrayList<>(names);
        ordered.sort((a, b) -> Boolean.compare(!a.isPrimary(), !b.isPrimary()));
        return new Party(id, type, ordered, List.copyOf(datesOfBirth), List.copyOf(placesOfBirth),
                List.copyOf(nationalities), List.copyOf(citizenships), addresses, List.copyOf(identifiers), gender,
                List.copyOf(titles), List.copyOf(relations), remarks, List.copyOf(designations));
    }
}
