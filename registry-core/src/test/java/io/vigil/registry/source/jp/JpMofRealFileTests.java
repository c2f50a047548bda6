package io.vigil.registry.source.jp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.vigil.registry.model.Authorities;
import io.vigil.registry.model.Designation;
import io.vigil.registry.model.Identifier;
import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.testing.SharedLists;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The real MOF workbooks of ../shared/data/lists/jp against the counts of SOURCES.md; skipped when absent. */
class JpMofRealFileTests {

    private final JpMofParser parser = new JpMofParser();

    private static long dprk(Map<String, Party> byId) {
        return byId.keySet().stream().filter(id -> id.matches("jp:1[3-7]-.*")).count();
    }

    @Test
    void parse_2026Workbook_readsEveryNamedEntryAndTheThreeWpkOfficials() throws Exception {
        // given the 2026-03-05 workbook (SOURCES.md: 44 programme sheets plus the index; 2,862 named entries plus
        // 598 削除 placeholder rows; DPRK sheets 13–17 hold 330 entries)
        JpMofParser.Result r = parser.read(SharedLists.require("jp/shisantouketsu20260305.xlsx"));
        Map<String, Party> byId = r.list().parties().stream().collect(Collectors.toMap(Party::id,
                Function.identity()));

        // then
        assertThat(r.list().parties()).hasSize(2_862);
        assertThat(r.removedRows()).isEqualTo(598);
        assertThat(r.programmeSheets()).isEqualTo(41); // 44 programme sheets, of which 3 lifted (【解除】) and empty
        assertThat(dprk(byId)).isEqualTo(330);
        assertThat(r.list().source().publicationDate()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(r.list().warnings()).containsExactly("shisantouketsu20260305.xlsx sheet '2.タリバーン関係者等' row "
                + "276: 告示番号 274 has no name; row skipped");

        // and the three WPK officials of 2023-03-17, sheet 17, notices 73–75
        Party jon = byId.get("jp:17-73");
        assertThat(jon.names()).extracting(PartyName::fullName).containsExactly("Jon Il Ho", "チョン・イルホ",
                "Chon Il Ho");
        assertThat(jon.datesOfBirth()).extracting(PartialDate::iso).containsExactly("1956-02-20");
        assertThat(jon.identifiers()).extracting(Identifier::value, Identifier::countryCode)
                .containsExactly(tuple("PS463120423", "KP"));
        assertThat(byId.get("jp:17-74").primaryName()).isEqualTo("Kim Su Gil");
        assertThat(byId.get("jp:17-74").datesOfBirth()).extracting(PartialDate::iso).containsExactly("1950");
        assertThat(byId.get("jp:17-75").primaryName()).isEqualTo("Yu Jin");
        assertThat(byId.get("jp:17-75").names()).extracting(PartyName::fullName).contains("Yu Chin", "Yoo Jin");
        for (String id : new String[] {"jp:17-73", "jp:17-74", "jp:17-75"}) {
            assertThat(byId.get(id).designations()).extracting(Designation::authority, Designation::program,
                    Designation::listedOn).containsExactly(tuple(Authorities.JAPAN_MOF, "北朝鮮(協調；個人)",
                            LocalDate.of(2023, 3, 17)));
        }
        // the near miss RYU JIN (15(#27)) is another person, with another passport
        assertThat(byId.get("jp:17-15").primaryName()).isEqualTo("RYU JIN");
        assertThat(byId.get("jp:17-15").identifiers()).extracting(Identifier::value).containsExactly("563410081");
    }

    @Test
    void parse_2022XlsWorkbook_readsTheOlderBinaryFormat() throws Exception {
        // given the 2022 .xls (SOURCES.md: 38 programme sheets; 1,954 named entries plus 550 削除 placeholders;
        // DPRK sheets hold 302 entries; latest notice 2022.4.12)
        JpMofParser.Result r = parser.read(SharedLists.require("jp/shisantouketsu_2022-04-12.xls"));
        Map<String, Party> byId = r.list().parties().stream().collect(Collectors.toMap(Party::id,
                Function.identity()));

        assertThat(r.list().parties()).hasSize(1_954);
        assertThat(r.removedRows()).isEqualTo(550);
        assertThat(dprk(byId)).isEqualTo(302);
        assertThat(r.list().source().publicationDate()).isEqualTo(LocalDate.of(2022, 4, 12));
        assertThat(byId).doesNotContainKeys("jp:17-73", "jp:17-74", "jp:17-75");
    }
}
