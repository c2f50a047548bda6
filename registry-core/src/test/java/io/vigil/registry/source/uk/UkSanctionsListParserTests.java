package io.vigil.registry.source.uk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.vigil.registry.model.Address;
import io.vigil.registry.model.Authorities;
import io.vigil.registry.model.DatePrecision;
import io.vigil.registry.model.Designation;
import io.vigil.registry.model.Identifier;
import io.vigil.registry.model.IdentifierType;
import io.vigil.registry.model.NameKind;
import io.vigil.registry.model.NameQuality;
import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.model.Relation;
import io.vigil.registry.source.ParsedList;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The FCDO UK Sanctions List XML fixture (written from the published structure). */
class UkSanctionsListParserTests {

    static final Path FIXTURE = Path.of("src/test/resources/fixtures/uk/UK-Sanctions-List.xml");
    private static final String DPRK_REGS =
            "The Democratic People's Republic of Korea (Sanctions) (EU Exit) Regulations 2019";

    private final UkSanctionsListParser parser = new UkSanctionsListParser();

    @Test
    void parse_fixture_readsSourceAndThreeParties() throws Exception {
        // given the fixture with three designations

        // when
        ParsedList list = parser.parse(FIXTURE);

        // then
        assertThat(parser.sourceType()).isEqualTo("uk-fcdo");
        assertThat(list.source().sourceType()).isEqualTo("uk-fcdo");
        assertThat(list.source().authority()).isEqualTo(Authorities.UK_FCDO);
        assertThat(list.source().listName()).isEqualTo(Authorities.UK_FCDO_LIST);
        assertThat(list.source().publicationDate()).isEqualTo(LocalDate.of(2022, 12, 5));
        assertThat(list.source().publicationDateNote()).contains("DateGenerated");
        assertThat(list.source().url()).isEqualTo("https://www.gov.uk/government/publications/the-uk-sanctions-list");
        assertThat(list.source().mainFile().name()).isEqualTo("UK-Sanctions-List.xml");
        assertThat(list.source().mainFile().sha256()).hasSize(64);
        assertThat(list.parties()).extracting(Party::id, Party::type).containsExactly(
                tuple("uk:DPR0301", PartyType.INDIVIDUAL), tuple("uk:99119", PartyType.ORGANIZATION),
                tuple("uk:99170", PartyType.VESSEL));
        assertThat(list.warnings()).singleElement().asString().contains("empty <Name>").contains("DPR9016");
    }

    @Test
    void parse_fixtureIndividual_readsEveryField() throws Exception {
        // when
        Party p = parser.parse(FIXTURE).parties().get(0);

        // then names: primary, variation and aliases, Hangul original script
        assertThat(p.names()).containsExactly(
                new PartyName("Il Ho JON", "Il Ho", "JON", NameKind.PRIMARY, NameQuality.STRONG, "Latn"),
                new PartyName("Il-ho JON", "Il-ho", "JON", NameKind.AKA, NameQuality.STRONG, "Latn"),
                new PartyName("Il Ho CHON", "Il Ho", "CHON", NameKind.AKA, NameQuality.STRONG, "Latn"),
                new PartyName("Jon the elder", null, "Jon the elder", NameKind.AKA, NameQuality.WEAK, "Latn"),
                new PartyName("전일호", null, null, NameKind.ORIGINAL_SCRIPT, NameQuality.STRONG, "Hang"));
        assertThat(p.datesOfBirth()).extracting(PartialDate::precision, PartialDate::iso, PartialDate::text)
                .containsExactly(tuple(DatePrecision.DAY, "1956-02-20", "20/02/1956"),
                        tuple(DatePrecision.YEAR, "1955", "dd/mm/1955"),
                        tuple(DatePrecision.MONTH, "1957-02", "dd/02/1957"));
        assertThat(p.nationalities()).containsExactly("KP");
        assertThat(p.placesOfBirth()).containsExactly("Pyongyang, North Korea");
        assertThat(p.gender()).isEqualTo("Male");
        assertThat(p.titles()).containsExactly("Lieutenant General", "Official of the Workers' Party of Korea");
        assertThat(p.addresses()).containsExactly(new Address("Pyongyang", null, null, null, "North Korea", "KP"));
        assertThat(p.identifiers()).containsExactly(
                new Identifier(IdentifierType.UK_SANCTIONS_LIST_REF, "UniqueID", "DPR0301", null, null, null),
                new Identifier(IdentifierType.PASSPORT, "Passport", "PS463120423", null, null, "North Korea passport"),
                new Identifier(IdentifierType.NATIONAL_ID, "National Identifier", "1956-0220-77", null, null,
                        "fixture number"));
        assertThat(p.remarks()).containsExactly("Designation source: UK", "Sanctions imposed: Asset freeze|Travel Ban",
                "(UK Sanctions List Ref):DPR0301. Fixture entry.",
                "UK statement of reasons: Fixture statement of reasons.");
        assertThat(p.relations()).isEmpty();
        assertThat(p.designations()).containsExactly(new Designation(Authorities.UK_FCDO, Authorities.UK_FCDO_LIST,
                DPRK_REGS, DPRK_REGS, LocalDate.of(2022, 12, 2), "DPR0301", UkSanctionsListParser.URL, "uk-fcdo"));
    }

    @Test
    void parse_fixtureEntity_readsEveryField() throws Exception {
        // when
        Party p = parser.parse(FIXTURE).parties().get(1);

        // then
        assertThat(p.id()).isEqualTo("uk:99119");
        assertThat(p.names()).containsExactly(
                new PartyName("4TH INSTITUTE OF APPLIED SCIENCES", null, null, NameKind.PRIMARY, NameQuality.STRONG,
                        "Latn"),
                new PartyName("FOURTH INSTITUTE OF APPLIED SCIENCES", null, null, NameKind.AKA, NameQuality.STRONG,
                        "Latn"),
                new PartyName("UNGYONG KWAHAK YONGUSO", null, null, NameKind.AKA, NameQuality.WEAK, "Latn"));
        assertThat(p.datesOfBirth()).isEmpty();
        assertThat(p.gender()).isNull();
        assertThat(p.addresses()).containsExactly(new Address("Pyongyang", null, null, null, "North Korea", "KP"));
        assertThat(p.identifiers()).extracting(Identifier::type, Identifier::label, Identifier::value).containsExactly(
                tuple(IdentifierType.UK_SANCTIONS_LIST_REF, "UniqueID", "DPR9016"),
                tuple(IdentifierType.UN_REFERENCE, "UNReferenceNumber", "KPe.918"),
                tuple(IdentifierType.UN_REFERENCE, "UN Ref", "KPe.918"),
                tuple(IdentifierType.OTHER, "Phone number", "+850-2-000-0000"),
                tuple(IdentifierType.REGISTRATION, "Business registration number", "FIXTURE-REG-0001"));
        assertThat(p.relations()).containsExactly(new Relation("Subsidiary", "Songak General Machinery Trading Corporation", null));
        assertThat(p.remarks()).containsExactly("Designation source: UN", "Sanctions imposed: Asset freeze",
                "UN Ref KPe.918. The Fourth Institute of Applied Sciences is a national-level organization responsible"
                        + " for research and development of the DPRK's rocket engines.",
                "Type of entity: Research organisation");
        assertThat(p.designations()).containsExactly(new Designation(Authorities.UK_FCDO, Authorities.UK_FCDO_LIST,
                DPRK_REGS, DPRK_REGS, LocalDate.of(2013, 4, 23), "DPR9016", UkSanctionsListParser.URL, "uk-fcdo"));
    }

    @Test
    void parse_fixtureShip_readsImoAndShipDetails() throws Exception {
        // when
        Party p = parser.parse(FIXTURE).parties().get(2);

        // then
        assertThat(p.id()).isEqualTo("uk:99170");
        assertThat(p.type()).isEqualTo(PartyType.VESSEL);
        assertThat(p.primaryName()).isEqualTo("SOKAM");
        assertThat(p.identifiers()).containsExactly(
                new Identifier(IdentifierType.UK_SANCTIONS_LIST_REF, "UniqueID", "DPR9040", null, null, null),
                new Identifier(IdentifierType.IMO, "IMO number", "9088172", null, null, "IMO9088172"));
        assertThat(p.remarks()).containsExactly("Designation source: UN",
                "Sanctions imposed: Asset freeze|Prohibition of port entry|Deflag", "IMO: 9088172. MMSI: 445990172.",
                "Current believed flag: North Korea", "Type of ship: Tanker");
        assertThat(p.designations()).singleElement().satisfies(d -> {
            assertThat(d.sourceReference()).isEqualTo("DPR9040");
            assertThat(d.listedOn()).isEqualTo(LocalDate.of(2017, 10, 19));
            assertThat(d.program()).isEqualTo(DPRK_REGS);
        });
    }
}
