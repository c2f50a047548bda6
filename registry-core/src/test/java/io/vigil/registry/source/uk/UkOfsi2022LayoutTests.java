package io.vigil.registry.source.uk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.vigil.registry.link.PartyLinker;
import io.vigil.registry.link.PartyLinks;
import io.vigil.registry.model.Authorities;
import io.vigil.registry.model.Designation;
import io.vigil.registry.model.Identifier;
import io.vigil.registry.model.IdentifierType;
import io.vigil.registry.model.NameKind;
import io.vigil.registry.model.NameQuality;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.source.ListParseException;
import io.vigil.registry.source.ParsedList;
import io.vigil.registry.testing.SharedLists;
import io.vigil.registry.testing.Workbooks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OFSI 2022 layout (36 columns) as CSV ({@code uk-ofsi-csv}, recognised by its header) and as the workbook
 * ({@code uk-ofsi-xlsx}), on rows written by the test (invented groups 91001–91002), and on the real 2022 workbook.
 */
class UkOfsi2022LayoutTests {

    static final List<String> HEADER_2022 = List.of("Name 6", "Name 1", "Name 2", "Name 3", "Name 4", "Name 5",
            "Title", "Name Non-Latin Script", "Non-Latin Script Type", "Non-Latin Script Language", "DOB",
            "Town of Birth", "Country of Birth", "Nationality", "Passport Number", "Passport Details",
            "National Identification Number", "National Identification Details", "Position", "Address 1",
            "Address 2", "Address 3", "Address 4", "Address 5", "Address 6", "Post/Zip Code", "Country",
            "Other Information", "Group Type", "Alias Type", "Alias Quality", "Regime", "Listed On",
            "UK Sanctions List Date Designated", "Last Updated", "Group ID");

    @TempDir
    Path tmp;

    /** A 36-cell row from column → value pairs. */
    static List<Object> row(Object... pairs) {
        List<Object> r = new ArrayList<>(Arrays.asList(new Object[HEADER_2022.size()]));
        for (int i = 0; i < pairs.length; i += 2) {
            int c = HEADER_2022.indexOf((String) pairs[i]);
            if (c < 0) {
                throw new IllegalArgumentException("no column " + pairs[i]);
            }
            r.set(c, pairs[i + 1]);
        }
        return r;
    }

    static List<List<Object>> rows() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(new ArrayList<>(List.of("Last Updated", "04/05/2022")));
        rows.add(new ArrayList<>(HEADER_2022));
        Object[] person = {"Group Type", "Individual", "Regime", "Russia", "Listed On", "15/03/2022",
            "UK Sanctions List Date Designated", "15/03/2022", "Last Updated", "15/03/2022", "Group ID", "91001",
            "DOB", "20/02/1956", "Nationality", "Russia", "Passport Number", "7712345678",
            "Other Information", "(UK Sanctions List Ref):RUS9001 (UK Statement of Reasons):Invented fixture person."};
        rows.add(with(person, "Name 6", "PETROV", "Name 1", "Ivan", "Name 2", "Ivanovich", "Name Non-Latin Script",
                "Петров Иван Иванович", "Non-Latin Script Type", "Cyrillic", "Non-Latin Script Language", "Russian",
                "Alias Type", "Primary name"));
        rows.add(with(person, "Name 6", "PETROFF", "Name 1", "Ivan", "Alias Type", "AKA", "Alias Quality",
                "Low quality"));
        rows.add(with(person, "Name 6", "PETROV", "Name 1", "Iwan", "Alias Type", "Primary name variation",
                "Alias Quality", "Good quality"));
        rows.add(row("Name 6", "FIXTURE SHIPPING LLC", "Group Type", "Entity", "Alias Type", "Primary name",
                "Regime", "Democratic People's Republic of Korea", "Listed On", "02/12/2011",
                "UK Sanctions List Date Designated", "31/12/2020", "Group ID", "91002", "Country", "North Korea",
                "Other Information", "(UK Sanctions List Ref):DPR9002"));
        rows.add(row("Name 6", "OLD FIXTURE SHIPPING", "Group Type", "Entity", "Alias Type", "FKA",
                "Regime", "Democratic People's Republic of Korea", "Listed On", "02/12/2011",
                "UK Sanctions List Date Designated", "31/12/2020", "Group ID", "91002"));
        return rows;
    }

    private static List<Object> with(Object[] base, Object... more) {
        Object[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return row(all);
    }

    private static String csv(List<List<Object>> rows) {
        StringBuilder sb = new StringBuilder();
        for (List<Object> r : rows) {
            List<String> cells = new ArrayList<>();
            for (Object v : r) {
                String s = v == null ? "" : v.toString();
                cells.add(s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s);
            }
            sb.append(String.join(",", cells)).append("\r\n");
        }
        return sb.toString();
    }

    private static Map<String, Party> byId(ParsedList list) {
        return list.parties().stream().collect(Collectors.toMap(Party::id, Function.identity()));
    }

    private void assertFixture(ParsedList list, String sourceType) {
        assertThat(list.parties()).extracting(Party::id).containsExactly("uk:91001", "uk:91002");
        assertThat(list.source().publicationDate()).isEqualTo(LocalDate.of(2022, 5, 4));
        assertThat(list.source().publicationDateNote()).contains("2022 layout");
        Party petrov = byId(list).get("uk:91001");
        assertThat(petrov.type()).isEqualTo(PartyType.INDIVIDUAL);
        assertThat(petrov.names()).extracting(PartyName::fullName, PartyName::kind, PartyName::quality)
                .containsExactly(tuple("Ivan Ivanovich PETROV", NameKind.PRIMARY, NameQuality.STRONG),
                        tuple("Петров Иван Иванович", NameKind.ORIGINAL_SCRIPT, NameQuality.STRONG),
                        tuple("Ivan PETROFF", NameKind.AKA, NameQuality.WEAK),
                        tuple("Iwan PETROV", NameKind.AKA, NameQuality.STRONG));
        assertThat(petrov.names().get(1).script()).isEqualTo("Cyrl");
        assertThat(petrov.identifiers()).extracting(Identifier::type, Identifier::value).containsExactlyInAnyOrder(
                tuple(IdentifierType.PASSPORT, "7712345678"), tuple(IdentifierType.UK_SANCTIONS_LIST_REF, "RUS9001"));
        assertThat(petrov.designations()).containsExactly(new Designation(Authorities.UK_OFSI,
                Authorities.UK_OFSI_LIST, "Russia", null, LocalDate.of(2022, 3, 15), "91001", UkOfsiCsvParser.URL,
                sourceType));
        Party shipping = byId(list).get("uk:91002");
        assertThat(shipping.designations().get(0).listedOn()).isEqualTo(LocalDate.of(2011, 12, 2));
        assertThat(shipping.remarks()).contains("Regime Democratic People's Republic of Korea: Listed On 2011-12-02, "
                + "UK Sanctions List Date Designated 2020-12-31");
        assertThat(shipping.names()).extracting(PartyName::fullName, PartyName::kind).containsExactly(
                tuple("FIXTURE SHIPPING LLC", NameKind.PRIMARY), tuple("OLD FIXTURE SHIPPING", NameKind.FKA));
    }

    @Test
    void csvParser_recognises2022LayoutByItsHeader() throws Exception {
        Path file = Files.writeString(tmp.resolve("ConList.csv"), csv(rows()), StandardCharsets.UTF_8);

        assertFixture(new UkOfsiCsvParser().parse(file), "uk-ofsi-csv");
    }

    @Test
    void xlsxParser_readsTheSameRowsAsTheCsv() throws Exception {
        Map<String, List<List<Object>>> sheets = Workbooks.sheets();
        sheets.put("Data", rows());
        Path file = Workbooks.write(tmp.resolve("ConList.xlsx"), sheets, false);

        UkOfsiXlsxParser.Result r = new UkOfsiXlsxParser().read(file);

        assertThat(r.layout()).isEqualTo(OfsiRows.Layout.OFSI_2022);
        assertThat(r.nameRows()).isEqualTo(5);
        assertFixture(r.list(), "uk-ofsi-xlsx");
    }

    @Test
    void ukSanctionsListReference_linksTheOfsiEntryToTheFcdoEntry() throws Exception {
        Path file = Files.writeString(tmp.resolve("ConList.csv"), csv(rows()), StandardCharsets.UTF_8);
        Party ofsi = byId(new UkOfsiCsvParser().parse(file)).get("uk:91001");
        Party fcdo = Party.builder("ukfcdo:RUS9001").type(PartyType.INDIVIDUAL)
                .name(PartyName.of("Ivan PETROV", NameKind.PRIMARY, NameQuality.STRONG))
                .identifier(new Identifier(IdentifierType.UK_SANCTIONS_LIST_REF, "UniqueID", "RUS9001", null, null,
                        null))
                .designation(new Designation(Authorities.UK_FCDO, Authorities.UK_FCDO_LIST, "Russia", null, null,
                        "RUS9001", null, "uk-fcdo")).build();

        PartyLinks links = new PartyLinker().link(List.of(ofsi, fcdo));

        assertThat(links.links()).singleElement().satisfies(l -> assertThat(l.reason())
                .isEqualTo("same UK Sanctions List reference RUS9001"));
    }

    @Test
    void dateOfBirth_2022LayoutYearAndMonthForms() {
        assertThat(UkText.dateOfBirth("1954")).hasValueSatisfying(d -> assertThat(d.iso()).isEqualTo("1954"));
        assertThat(UkText.dateOfBirth("05/1954")).hasValueSatisfying(d -> assertThat(d.iso()).isEqualTo("1954-05"));
        assertThat(UkText.dateOfBirth("20/02/1956")).hasValueSatisfying(d -> assertThat(d.iso())
                .isEqualTo("1956-02-20"));
        assertThat(UkText.dateOfBirth("circa 1954")).isEmpty();
    }

    @Test
    void header_withSomeButNotAll2022Columns_isRefused() throws Exception {
        List<List<Object>> rows = rows();
        List<Object> header = new ArrayList<>(HEADER_2022);
        header.set(HEADER_2022.indexOf("UK Sanctions List Date Designated"), "Date Designated");
        rows.set(1, header);
        Path file = Files.writeString(tmp.resolve("mixed.csv"), csv(rows), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new UkOfsiCsvParser().parse(file)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("mixed.csv line 2: unrecognised OFSI layout: the header has Name Non-Latin "
                        + "Script")
                .hasMessageEndingWith("but not UK Sanctions List Date Designated");
    }

    @Test
    void xlsx_badListedOnDate_namesSheetAndRow() throws Exception {
        List<List<Object>> rows = rows();
        rows.get(3).set(HEADER_2022.indexOf("Listed On"), "2022-03-15");
        Map<String, List<List<Object>>> sheets = Workbooks.sheets();
        sheets.put("Data", rows);
        Path file = Workbooks.write(tmp.resolve("bad.xlsx"), sheets, false);

        assertThatThrownBy(() -> new UkOfsiXlsxParser().parse(file)).isInstanceOf(ListParseException.class)
                .hasMessage("bad.xlsx sheet 'Data' row 4: Listed On '2022-03-15' is not DD/MM/YYYY (Group ID 91001)");
    }

    @Test
    void xlsx_workbookWithoutDataSheet_isRefused() throws Exception {
        Map<String, List<List<Object>>> sheets = Workbooks.sheets();
        sheets.put("一覧", List.of(List.of("index")));
        sheets.put("Other", List.of(List.of("x")));
        Path file = Workbooks.write(tmp.resolve("jp.xlsx"), sheets, false);

        assertThatThrownBy(() -> new UkOfsiXlsxParser().parse(file)).isInstanceOf(ListParseException.class)
                .hasMessage("jp.xlsx: not an OFSI consolidated list workbook: no sheet 'Data' among [一覧, Other]");
    }

    @Test
    void realWorkbook_2022_readsEveryNameRowAndGroup() throws Exception {
        // given the real OFSI ConList.xlsx of 2022-05-04 (SOURCES.md: 15,261 name rows; 3,430 Group IDs =
        // 2,771 Individual, 644 Entity, 15 Ship; 30 regimes; DPRK 236 groups)
        Path file = SharedLists.require("uk/ofsi_conlist_2022-05-04.xlsx");

        long start = System.nanoTime();
        UkOfsiXlsxParser.Result r = new UkOfsiXlsxParser().read(file);
        System.out.println("uk-ofsi-xlsx: " + r.list().parties().size() + " parties in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
        ParsedList list = r.list();

        assertThat(r.layout()).isEqualTo(OfsiRows.Layout.OFSI_2022);
        assertThat(r.nameRows()).isEqualTo(15_261);
        assertThat(list.parties()).hasSize(3_430);
        assertThat(list.parties().stream().collect(Collectors.groupingBy(Party::type, Collectors.counting())))
                .containsOnly(Map.entry(PartyType.INDIVIDUAL, 2_771L), Map.entry(PartyType.ORGANIZATION, 644L),
                        Map.entry(PartyType.VESSEL, 15L));
        assertThat(list.parties().stream().flatMap(p -> p.designations().stream()).map(Designation::program)
                .distinct()).hasSize(30);
        assertThat(list.parties().stream().filter(p -> p.designations().stream()
                .anyMatch(d -> d.program().equals("Democratic People's Republic of Korea")))).hasSize(236);
        assertThat(list.source().publicationDate()).isEqualTo(LocalDate.of(2022, 5, 4));
        // bare years (1954) and month-years are dates of birth; only the file's three '00/00/0' are not
        assertThat(list.warnings()).filteredOn(w -> w.contains("DOB '")).hasSize(3)
                .allMatch(w -> w.contains("DOB '00/00/0'"));
        // every group but one cites its UK Sanctions List reference (15,260 of 15,261 rows carry one)
        assertThat(list.parties().stream().filter(p -> p.identifiers().stream()
                .anyMatch(i -> i.type() == IdentifierType.UK_SANCTIONS_LIST_REF))).hasSizeGreaterThan(3_420);
        assertThat(list.parties().stream().flatMap(p -> p.names().stream())
                .filter(n -> n.kind() == NameKind.ORIGINAL_SCRIPT)).isNotEmpty();
        Party first = byId(list).get("uk:12431");
        assertThat(first.names()).extracting(PartyName::fullName)
                .contains("(GENERAL) ORGANIZATION FOR ENGINEERING INDUSTRIES");
        assertThat(first.identifiers()).extracting(Identifier::type, Identifier::value)
                .contains(tuple(IdentifierType.UK_SANCTIONS_LIST_REF, "SYR0306"));
        assertThat(first.designations()).extracting(Designation::program, Designation::listedOn)
                .containsExactly(tuple("Syria", LocalDate.of(2011, 12, 2)));
        assertThat(first.remarks()).contains("Regime Syria: Listed On 2011-12-02, UK Sanctions List Date Designated "
                + "2020-12-31");
    }
}
