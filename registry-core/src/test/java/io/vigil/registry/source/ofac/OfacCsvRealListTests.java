package io.vigil.registry.source.ofac;

import static io.vigil.registry.source.ofac.OfacSeedAssertions.assertChoeCholMin;
import static io.vigil.registry.source.ofac.OfacSeedAssertions.party;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.registry.model.NameKind;
import io.vigil.registry.model.NameQuality;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.model.Relation;
import io.vigil.registry.model.SourceFile;
import io.vigil.registry.source.ParsedList;
import io.vigil.registry.testing.SharedLists;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The real OFAC CSV files in ../shared/data/lists/ofac, counts from SOURCES.md. Skipped when absent. */
class OfacCsvRealListTests {

    @Test
    void read_sdnSet_countsMatchSources() throws Exception {
        // given the 2023-12-28 set: sdn.csv, add.csv, alt.csv, sdn_comments.csv
        Path dir = SharedLists.require("ofac/sdn.csv").getParent();
        // when
        long start = System.nanoTime();
        OfacCsvReader.Result result = new OfacCsvReader(OfacCsvSet.SDN).read(dir);
        long millis = (System.nanoTime() - start) / 1_000_000;
        ParsedList list = result.list();
        // then
        assertThat(list.parties()).hasSize(13_821);
        Map<PartyType, Long> byType = list.parties().stream()
                .collect(Collectors.groupingBy(Party::type, Collectors.counting()));
        assertThat(byType).containsExactlyInAnyOrderEntriesOf(Map.of(PartyType.INDIVIDUAL, 6_646L,
                PartyType.ORGANIZATION, 6_033L, PartyType.VESSEL, 764L, PartyType.AIRCRAFT, 378L));
        assertThat(result.stats()).isEqualTo(new OfacCsvReader.Stats(13_821, 18_990, 17_091, 13, 3));
        // 2,652 of the 18,990 add.csv rows are all -0-; every other row is a distinct address of its entry
        assertThat(list.parties().stream().mapToInt(p -> p.addresses().size()).sum()).isEqualTo(16_338);
        long strongAliases = list.parties().stream().flatMap(p -> p.names().stream())
                .filter(n -> n.kind() != NameKind.PRIMARY && n.quality() == NameQuality.STRONG).count();
        // 3 alt.csv rows repeat a name the entry already has
        assertThat(strongAliases).isEqualTo(17_088);
        assertThat(list.warnings()).containsExactly(
                "sdn_comments.csv line 1: ent_num 12300 is not in sdn.csv; its remarks continuation was ignored",
                "sdn_comments.csv line 2: ent_num 15599 is not in sdn.csv; its remarks continuation was ignored",
                "sdn_comments.csv line 3: ent_num 15600 is not in sdn.csv; its remarks continuation was ignored");
        assertThat(list.source().files()).extracting(SourceFile::name)
                .containsExactly("sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv");
        assertThat(list.source().files().get(0).sizeBytes()).isEqualTo(3_477_010L);
        long relations = list.parties().stream().mapToLong(p -> p.relations().size()).sum();
        long resolved = list.parties().stream().flatMap(p -> p.relations().stream())
                .filter(r -> r.targetPartyId() != null).count();
        System.out.printf(java.util.Locale.ROOT,
                "OFAC sdn.csv set: %d parties in %d ms; %d relations, %d resolved to a party id; %d weak aliases%n",
                list.parties().size(), millis, relations, resolved,
                list.parties().stream().flatMap(p -> p.names().stream())
                        .filter(n -> n.quality() == NameQuality.WEAK).count());
    }

    @Test
    void read_sdnSet_choeCholMinExactlyAsPublished() throws Exception {
        // given
        Path dir = SharedLists.require("ofac/sdn.csv").getParent();
        // when
        ParsedList list = new OfacSdnCsvParser().parse(dir);
        // then
        assertChoeCholMin(party(list, "ofac:43598"), "ofac:12215");
        assertThat(party(list, "ofac:12215").primaryName()).isEqualTo("SECOND ACADEMY OF NATURAL SCIENCES");
    }

    @Test
    void read_sdnSet_commentsJoinedIntoTheirEntries() throws Exception {
        // given TIAN Yinyin (28263), whose remarks continue in sdn_comments.csv
        Path dir = SharedLists.require("ofac/sdn.csv").getParent();
        // when
        Party tian = party(new OfacSdnCsvParser().parse(dir), "ofac:28263");
        // then
        assertThat(tian.names()).extracting(n -> n.fullName()).contains("snowsjohn").doesNotContain("snowsjo");
        assertThat(tian.relations()).extracting(Relation::targetName).containsExactly("LAZARUS GROUP");
        assertThat(tian.relations().get(0).targetPartyId()).isEqualTo("ofac:27307");
    }

    @Test
    void read_sdnAlone20240503_countsMatchSources() throws Exception {
        // given the 2024-05-03 directory, which holds only sdn.csv
        Path dir = SharedLists.require("ofac/2024-05-03/sdn.csv").getParent();
        // when
        long start = System.nanoTime();
        ParsedList list = new OfacSdnCsvParser().parse(dir);
        long millis = (System.nanoTime() - start) / 1_000_000;
        // then
        assertThat(list.parties()).hasSize(14_965);
        assertThat(list.parties()).filteredOn(p -> p.type() == PartyType.INDIVIDUAL).hasSize(6_854);
        assertThat(list.source().files()).extracting(SourceFile::name).containsExactly("sdn.csv");
        assertThat(list.warnings()).isEmpty();
        Map<String, Party> byId = list.parties().stream().collect(Collectors.toMap(Party::id, Function.identity()));
        assertThat(byId).containsKeys("ofac:39496", "ofac:39497", "ofac:39498", "ofac:43598", "ofac:43616");
        assertThat(byId.get("ofac:43598").identifiers()).extracting(i -> i.value()).containsExactly("108410050");
        System.out.printf(java.util.Locale.ROOT, "OFAC 2024-05-03 sdn.csv alone: %d parties in %d ms%n",
                list.parties().size(), millis);
    }

    @Test
    void read_consSet_countsMatchSources() throws Exception {
        // given cons_prim.csv, cons_add.csv, cons_alt.csv, cons_comments.csv
        Path dir = SharedLists.require("ofac/cons_prim.csv").getParent();
        // when
        long start = System.nanoTime();
        OfacCsvReader.Result result = new OfacCsvReader(OfacCsvSet.CONS).read(dir);
        long millis = (System.nanoTime() - start) / 1_000_000;
        // then
        assertThat(result.list().parties()).hasSize(442);
        assertThat(result.stats()).isEqualTo(new OfacCsvReader.Stats(442, 574, 1_073, 10, 0));
        assertThat(result.list().warnings()).isEmpty();
        assertThat(result.list().source().files()).extracting(SourceFile::name)
                .containsExactly("cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv");
        assertThat(result.list().parties()).allSatisfy(p -> assertThat(p.designations())
                .allSatisfy(d -> assertThat(d.sourceType()).isEqualTo("ofac-cons-csv")));
        System.out.printf(java.util.Locale.ROOT, "OFAC cons set: %d parties in %d ms%n",
                result.list().parties().size(), millis);
    }
}
