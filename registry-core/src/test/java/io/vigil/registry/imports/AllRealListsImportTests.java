package io.vigil.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.vigil.registry.model.Authorities;
import io.vigil.registry.model.Designation;
import io.vigil.registry.model.Party;
import io.vigil.registry.store.JdbcSnapshotStore;
import io.vigil.registry.store.PartyChange;
import io.vigil.registry.store.SnapshotInfo;
import io.vigil.registry.store.SnapshotSource;
import io.vigil.registry.testing.SharedLists;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance import of issue 13: every real list in ../shared (OFAC SDN and non-SDN, UN, the 2018 OFSI CSV,
 * the 2022 OFSI workbook, the EU 1.1 excerpt, the Japan MOF workbook) and the bundled notices, in one snapshot with
 * the counts of SOURCES.md; the three WPK officials linked across OFAC, the notices and Japan. Skipped when the
 * shared lists are absent.
 */
class AllRealListsImportTests {

    @TempDir
    Path tmp;

    private static Path notices() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("config").resolve("notices");
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException("config/notices not found");
    }

    private JdbcSnapshotStore store() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + tmp.resolve("vigil").toAbsolutePath());
        return new JdbcSnapshotStore(ds, Clock.fixed(Instant.parse("2026-12-06T02:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void everyRealList_oneSnapshot_countsOfSourcesMd_andJonIlHoCitedByOfacEuNoticeAndJapan() throws Exception {
        List<SourceRequest> requests = List.of(
                new SourceRequest("ofac-sdn-csv", SharedLists.require("ofac")),
                new SourceRequest("ofac-cons-csv", SharedLists.require("ofac")),
                new SourceRequest("un-xml", SharedLists.require("un/consolidated.xml")),
                new SourceRequest("uk-ofsi-csv", SharedLists.require("uk/sanctionsconlist.csv")),
                new SourceRequest("uk-ofsi-xlsx", SharedLists.require("uk/ofsi_conlist_2022-05-04.xlsx")),
                new SourceRequest("eu-xml", SharedLists.require("eu/fsf_1.1_excerpt_2020-04-15.xml")),
                new SourceRequest("jp-mof", SharedLists.require("jp/shisantouketsu20260305.xlsx")),
                new SourceRequest("notices", notices()));
        JdbcSnapshotStore store = store();
        RegistryImporter importer = new RegistryImporter(ListParserRegistry.defaults(), store);

        // when
        ImportResult result = importer.importSources(requests);
        System.out.println("all real lists: " + result.partyCount() + " parties, " + result.linkCount() + " links, "
                + result.totalTime().toMillis() + " ms");
        result.sources().forEach(s -> System.out.println("  " + s.sourceType() + " " + s.entryCount() + " entries, "
                + s.warnings().size() + " warnings"));

        // then each source counts the entries SOURCES.md gives for its file
        assertThat(result.snapshotId()).isEqualTo(1);
        assertThat(result.sources()).extracting(ImportResult.SourceCount::sourceType,
                ImportResult.SourceCount::entryCount).startsWith(tuple("ofac-sdn-csv", 13_821),
                        tuple("ofac-cons-csv", 442), tuple("un-xml", 1_003), tuple("uk-ofsi-csv", 2_106),
                        tuple("uk-ofsi-xlsx", 3_430), tuple("eu-xml", 5), tuple("jp-mof", 2_862));
        SnapshotInfo info = store.active().orElseThrow();
        assertThat(info.sources()).extracting(s -> s.source().sourceType(), SnapshotSource::entryCount)
                .startsWith(tuple("ofac-sdn-csv", 13_821), tuple("ofac-cons-csv", 442), tuple("un-xml", 1_003),
                        tuple("uk-ofsi-csv", 2_106), tuple("uk-ofsi-xlsx", 3_430), tuple("eu-xml", 5),
                        tuple("jp-mof", 2_862));
        assertThat(info.partiesByAuthority().get(Authorities.JAPAN_MOF)).isEqualTo(2_862);

        // and JON Il Ho is linked to his Japanese entry and the notices: OFAC, the EU (notice) and Japan cited
        List<String> group = new ArrayList<>(store.linkedIds(1, "ofac:39496"));
        assertThat(group).contains("jp:17-73", "notice:jon-il-ho");
        List<Designation> cited = new ArrayList<>();
        for (String id : group) {
            cited.addAll(store.party(1, id).orElseThrow().designations());
        }
        cited.addAll(store.party(1, "ofac:39496").orElseThrow().designations());
        assertThat(cited).extracting(Designation::authority).contains(Authorities.OFAC, Authorities.EU,
                Authorities.JAPAN_MOF);
        assertThat(cited).filteredOn(d -> d.authority().equals(Authorities.JAPAN_MOF))
                .extracting(Designation::listedOn).containsExactly(LocalDate.of(2023, 3, 17));
        assertThat(store.links(1, "jp:17-73")).anySatisfy(l -> assertThat(l.reason())
                .contains("same passport PS463120423 (KP)"));
        // and so are YU Jin and KIM Su Gil, by name, date of birth and nationality
        assertThat(store.linkedIds(1, "ofac:39497")).contains("jp:17-75");
        assertThat(store.linkedIds(1, "ofac:39498")).contains("jp:17-74");
        Party jp = store.party(1, "jp:17-73").orElseThrow();
        assertThat(jp.names()).extracting(n -> n.fullName()).contains("チョン・イルホ");

        // and importing the 2022 MOF .xls first, then the 2026 workbook, the diff shows what Japan changed
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + tmp.resolve("jp-diff").toAbsolutePath());
        JdbcSnapshotStore jpStore = new JdbcSnapshotStore(ds, Clock.systemUTC());
        RegistryImporter jpImporter = new RegistryImporter(ListParserRegistry.defaults(), jpStore);
        jpImporter.importSources(List.of(new SourceRequest("jp-mof",
                SharedLists.require("jp/shisantouketsu_2022-04-12.xls"))));
        jpImporter.importSources(List.of(new SourceRequest("jp-mof",
                SharedLists.require("jp/shisantouketsu20260305.xlsx"))));
        var diff = new io.vigil.registry.store.RegistryDiff(jpStore).diff(1, 2);
        System.out.println("jp-mof 2022 -> 2026: " + diff.added().size() + " added, " + diff.removed().size()
                + " removed, " + diff.changed().size() + " changed");
        assertThat(diff.added()).extracting(e -> e.partyId()).contains("jp:17-73", "jp:17-74", "jp:17-75");
        assertThat(diff.added().size() - diff.removed().size()).isEqualTo(2_862 - 1_954);
        assertThat(diff.changed()).isNotEmpty().allSatisfy(c -> assertThat(c).isInstanceOf(PartyChange.class));
    }
}
