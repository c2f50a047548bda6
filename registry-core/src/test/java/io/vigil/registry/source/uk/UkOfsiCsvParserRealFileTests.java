package io.vigil.registry.source.uk;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.registry.model.Authorities;
import io.vigil.registry.model.DatePrecision;
import io.vigil.registry.model.Designation;
import io.vigil.registry.model.Identifier;
import io.vigil.registry.model.IdentifierType;
import io.vigil.registry.model.NameKind;
import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.source.ParsedList;
import io.vigil.registry.testing.SharedLists;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The real OFSI consolidated list of 2018-04-13 (../shared/data/lists/uk/sanctionsconlist.csv). */
class UkOfsiCsvParserRealFileTests {

    private final UkOfsiCsvParser parser = new UkOfsiCsvParser();

    @Test
    void parse_realList_groupsNameRowsIntoParties() throws Exception {
        // given the real list (9,487 name rows, 2,106 Group IDs per SOURCES.md)
        Path file = SharedLists.require("uk/sanctionsconlist.csv");

        // when
        long start = System.nanoTime();
        ParsedList list = parser.parse(file);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("uk-ofsi-csv: " + list.parties().size() + " parties in " + millis + " ms");

        // then
        assertThat(list.parties()).hasSize(2_106);
        Map<PartyType, Long> byType = list.parties().stream()
                .collect(Collectors.groupingBy(Party::type, Collectors.counting()));
        assertThat(byType).containsOnly(Map.entry(PartyType.INDIVIDUAL, 1_426L),
                Map.entry(PartyType.ORGANIZATION, 680L));
        assertThat(list.parties().stream().flatMap(p -> p.designations().stream()).map(Designation::program)
                .distinct()).hasSize(26);
        assertThat(list.parties()).allSatisfy(p -> {
            assertThat(p.id()).startsWith("uk:");
            assertThat(p.names().get(0).kind()).isEqualTo(NameKind.PRIMARY);
            assertThat(p.names().stream().filter(PartyName::isPrimary)).hasSize(1);
        });
        assertThat(list.parties().stream().mapToInt(p -> p.designations().size()).sum()).isEqualTo(2_114);
        assertThat(list.source().publicationDate()).isEqualTo(LocalDate.of(2018, 4, 13));
        assertThat(list.source().sourceType()).isEqualTo("uk-ofsi-csv");
        assertThat(list.source().authority()).isEqualTo(Authorities.UK_OFSI);
        assertThat(list.source().mainFile().sizeBytes()).isEqualTo(3_649_692L);
        assertThat(list.warnings()).singleElement().asString()
                .contains("not valid UTF-8").contains("windows-1252");
    }

    @Test
    void parse_realList_rowCountsMatchSources() throws Exception {
        // given the real list read independently with commons-csv
        Path file = SharedLists.require("uk/sanctionsconlist.csv");
        Map<String, Long> rowsByGroupType;
        try (Reader r = Files.newBufferedReader(file, Charset.forName("windows-1252"))) {
            rowsByGroupType = CSVFormat.DEFAULT.parse(r).stream().skip(2).map(rec -> rec.get(23))
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        }

        // when
        ParsedList list = parser.parse(file);

        // then 6,857 Individual and 2,630 Entity name rows become 1,426 and 680 parties
        assertThat(rowsByGroupType).containsOnly(Map.entry("Individual", 6_857L), Map.entry("Entity", 2_630L));
        assertThat(list.parties().stream().filter(p -> p.type() == PartyType.INDIVIDUAL)).hasSize(1_426);
    }

    @Test
    void parse_realList_alQahtaniGroup13349() throws Exception {
        // given
        Path file = SharedLists.require("uk/sanctionsconlist.csv");

        // when
        Party p = parser.parse(file).parties().stream().filter(x -> x.id().equals("uk:13349")).findFirst()
                .orElseThrow();

        // then
        assertThat(p.type()).isEqualTo(PartyType.INDIVIDUAL);
        assertThat(p.primaryName()).isEqualTo("Nayef Salam Muhammad Ujaym AL-HABABI");
        assertThat(p.names().get(0).familyName()).isEqualTo("AL-HABABI");
        assertThat(p.names().get(0).givenName()).isEqualTo("Nayef Salam Muhammad Ujaym");
        assertThat(p.names()).extracting(PartyName::fullName).contains("Sheikh Farooq AL-QAHTANI",
                "Faruq AL-QAHTANI", "Farouq al-Qahtani AL QATARI", "Faruq AL-QATARI", "Imran Farouk SHAYKH",
                "Nayf Salam Muhammad Ujaym AL-HABABI");
        assertThat(p.names()).hasSize(8);
        assertThat(p.datesOfBirth()).extracting(PartialDate::precision, PartialDate::iso)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(DatePrecision.YEAR, "1980"),
                        org.assertj.core.groups.Tuple.tuple(DatePrecision.YEAR, "1981"));
        assertThat(p.placesOfBirth()).containsExactly("Saudi Arabia");
        assertThat(p.nationalities()).containsExactly("SA", "QA");
        assertThat(p.identifiers()).extracting(Identifier::type, Identifier::value).contains(
                org.assertj.core.groups.Tuple.tuple(IdentifierType.UN_REFERENCE, "QDe.004"),
                org.assertj.core.groups.Tuple.tuple(IdentifierType.PASSPORT, "592667"));
        assertThat(p.identifiers()).filteredOn(i -> i.type() == IdentifierType.PASSPORT).singleElement()
                .extracting(Identifier::note)
                .isEqualTo("Passport No: 592667 (Qatari passport issued on 3 May 2007).");
        assertThat(p.addresses()).singleElement().satisfies(a -> {
            assertThat(a.country()).isEqualTo("Afghanistan (since 2009)");
            assertThat(a.countryCode()).isEqualTo("AF");
        });
        assertThat(p.remarks()).containsExactly("UN Ref QDe.004. Emir for the eastern zone of Afghanistan. Has led"
                + " an Al-Qaida battalion in Afghanistan since at least mid-2010.");
        assertThat(p.designations()).containsExactly(new Designation(Authorities.UK_OFSI, Authorities.UK_OFSI_LIST,
                "The ISIL (Da'esh) and Al-Qaida organisations", null, LocalDate.of(2016, 4, 1), "13349",
                UkOfsiCsvParser.URL, "uk-ofsi-csv"));
    }
}
