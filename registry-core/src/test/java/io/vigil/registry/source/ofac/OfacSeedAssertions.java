package io.vigil.registry.source.ofac;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.registry.model.Address;
import io.vigil.registry.model.Authorities;
import io.vigil.registry.model.DatePrecision;
import io.vigil.registry.model.Designation;
import io.vigil.registry.model.Identifier;
import io.vigil.registry.model.IdentifierType;
import io.vigil.registry.model.NameKind;
import io.vigil.registry.model.NameQuality;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.model.Relation;
import io.vigil.registry.source.ParsedList;
import java.time.LocalDate;

/** Shared assertions on seed person CHOE Chol Min (ent 43598), for the fixture and the real list. */
final class OfacSeedAssertions {

    private OfacSeedAssertions() {
    }

    static Party party(ParsedList list, String id) {
        return list.parties().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no party " + id));
    }

    static void assertChoeCholMin(Party p, String secondAcademyId) {
        assertThat(p.id()).isEqualTo("ofac:43598");
        assertThat(p.type()).isEqualTo(PartyType.INDIVIDUAL);
        assertThat(p.names()).containsExactly(
                new PartyName("CHOE, Chol Min", "Chol Min", "CHOE", NameKind.PRIMARY, NameQuality.STRONG, "Latn"),
                new PartyName("CHOE, Chol-min", "Chol-min", "CHOE", NameKind.AKA, NameQuality.STRONG, "Latn"));
        assertThat(p.datesOfBirth()).hasSize(1);
        assertThat(p.datesOfBirth().get(0).earliest()).isEqualTo(LocalDate.of(1978, 4, 3));
        assertThat(p.datesOfBirth().get(0).latest()).isEqualTo(LocalDate.of(1978, 4, 3));
        assertThat(p.datesOfBirth().get(0).precision()).isEqualTo(DatePrecision.DAY);
        assertThat(p.nationalities()).containsExactly("KP");
        assertThat(p.gender()).isEqualTo("Male");
        assertThat(p.identifiers()).containsExactly(new Identifier(IdentifierType.PASSPORT, "Passport", "108410050",
                "Korea, North", "KP", "expires 19 Oct 2023"));
        assertThat(p.relations()).containsExactly(
                new Relation("Linked To", "SECOND ACADEMY OF NATURAL SCIENCES", secondAcademyId));
        assertThat(p.addresses()).containsExactly(new Address(null, "Beijing", null, null, "China", "CN"));
        assertThat(p.designations()).containsExactly(new Designation(Authorities.OFAC, Authorities.OFAC_SDN_LIST,
                "NPWMD", "E.O. 13382", null, "43598", "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=43598",
                "ofac-sdn-csv"));
        assertThat(p.remarks()).containsExactly(
                "Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210",
                "Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions: "
                        + "North Korea Sanctions Regulations section 510.214");
        assertThat(p.titles()).isEmpty();
        assertThat(p.placesOfBirth()).isEmpty();
    }
}
