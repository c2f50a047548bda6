package io.vigil.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.registry.store.JdbcSnapshotStore;
import io.vigil.registry.store.PartyChange;
import io.vigil.registry.store.RegistryDiff;
import io.vigil.registry.store.SnapshotDiff;
import io.vigil.registry.testing.SharedLists;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Diffs two real OFAC SDN editions (scraped 2023-12-28 and 2024-05-03) through the snapshot store and checks the
 * counts against the raw ent_num rows of the two sdn.csv files. Skipped when the shared lists are absent.
 */
class RealSdnDiffTests {

    private static final List<Integer> SEEDS = List.of(39496, 39497, 39498, 43598, 43616);

    @TempDir
    Path tmp;

    @Test
    void diff_sdnEditions_countsMatchRawEntNumsAndSeedPersonsAreUnchanged() throws Exception {
        // given the raw rows of both editions, read without the parser
        Path oldSdn = SharedLists.require("ofac/sdn.csv");
        Path newSdn = SharedLists.require("ofac/2024-05-03/sdn.csv");
        Map<Integer, String> oldRows = RawListFacts.ofacRows(oldSdn);
        Map<Integer, String> newRows = RawListFacts.ofacRows(newSdn);
        assertThat(oldRows).hasSize(13_821);
        assertThat(newRows).hasSize(14_965);
        Set<String> addedIds = ids(newRows.keySet(), oldRows.keySet());
        Set<String> removedIds = ids(oldRows.keySet(), newRows.keySet());
        Set<String> commonIds = new TreeSet<>(ids(oldRows.keySet(), Set.of()));
        commonIds.retainAll(ids(newRows.keySet(), Set.of()));
        Set<String> differingRows = new TreeSet<>();
        for (String id : commonIds) {
            int ent = Integer.parseInt(id.substring(5));
            if (!oldRows.get(ent).equals(newRows.get(ent))) {
                differingRows.add(id);
            }
        }
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + tmp.resolve("db").resolve("vigil").toAbsolutePath());
        JdbcSnapshotStore store = new JdbcSnapshotStore(ds, Clock.fixed(Instant.parse("2024-05-03T02:00:00Z"),
                ZoneOffset.UTC));
        RegistryImporter importer = new RegistryImporter(ListParserRegistry.defaults(), store);
        RegistryDiff registryDiff = new RegistryDiff(store);

        // when the full 2023-12-28 set (sdn + add + alt + comments) is snapshot 1 and the 2024-05-03 sdn.csv,
        // alone in a directory, is snapshot 2
        importer.importSources(List.of(new SourceRequest("ofac-sdn-csv", SharedLists.require("ofac"))));
        Path newOnly = Files.createDirectories(tmp.resolve("2024-05-03"));
        Files.copy(newSdn, newOnly.resolve("sdn.csv"));
        importer.importSources(List.of(new SourceRequest("ofac-sdn-csv", newOnly)));
        long t0 = System.nanoTime();
        SnapshotDiff full = registryDiff.diff(1, 2);
        long fullMillis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("full 2023 set → 2024 sdn.csv alone: " + full.summary() + " (" + fullMillis + " ms)");

        // then added and removed are exactly the ent_nums only in the newer and only in the older file
        assertThat(full.added()).extracting(PartyChange::partyId).containsExactlyInAnyOrderElementsOf(addedIds);
        assertThat(full.removed()).extracting(PartyChange::partyId).containsExactlyInAnyOrderElementsOf(removedIds);
        assertThat(addedIds).hasSize(1_256);
        assertThat(removedIds).hasSize(112);
        // and every common entry is changed or unchanged; most changed ones only lost the add/alt rows
        assertThat(full.changed().size() + full.unchanged()).isEqualTo(commonIds.size());
        assertThat(full.changed().size()).isGreaterThan(differingRows.size());
        // e.g. CHOE Chol Min: identical sdn.csv row, but his alias and Beijing address came from alt/add.csv
        assertThat(full.find("ofac:43598").orElseThrow().changes()).containsExactly(
                "names: -'CHOE, Chol-min'", "addresses: -Beijing, China");

        // when each edition's sdn.csv ALONE is imported (snapshots 3 and 4) and those are compared
        Path oldOnly = Files.createDirectories(tmp.resolve("2023-12-28"));
        Files.copy(oldSdn, oldOnly.resolve("sdn.csv"));
        importer.importSources(List.of(new SourceRequest("ofac-sdn-csv", oldOnly)));
        importer.importSources(List.of(new SourceRequest("ofac-sdn-csv", newOnly)));
        SnapshotDiff clean = registryDiff.diff(3, 4);
        System.out.println("2023-12-28 sdn.csv alone → 2024-05-03 sdn.csv alone: " + clean.summary()
                + "; raw rows differing: " + differingRows.size());

        // then added/removed are the same ent_nums, and changed are exactly the entries whose raw row differs
        assertThat(clean.added()).extracting(PartyChange::partyId).containsExactlyInAnyOrderElementsOf(addedIds);
        assertThat(clean.removed()).extracting(PartyChange::partyId).containsExactlyInAnyOrderElementsOf(removedIds);
        assertThat(clean.changed()).extracting(PartyChange::partyId).containsExactlyInAnyOrderElementsOf(
                differingRows);
        assertThat(clean.unchanged()).isEqualTo(commonIds.size() - differingRows.size());
        // and the five seed persons' rows are byte-identical, so they are unchanged
        for (int seed : SEEDS) {
            assertThat(newRows.get(seed)).as("ent %d", seed).isEqualTo(oldRows.get(seed));
            assertThat(clean.find("ofac:" + seed)).as("ent %d", seed).isEmpty();
        }
        // and a changed party's summary says what its raw rows say: MINSK WHEEL TRACTOR PLANT gained NPWMD
        assertThat(oldRows.get(34769)).startsWith("34769,\"MINSK WHEEL TRACTOR PLANT\",-0- ,\"BELARUS-EO14038\",");
        assertThat(newRows.get(34769)).isEqualTo(oldRows.get(34769).replace("\"BELARUS-EO14038\"",
                "\"NPWMD] [BELARUS-EO14038\""));
        assertThat(clean.find("ofac:34769").orElseThrow()).isEqualTo(new PartyChange("ofac:34769",
                io.vigil.registry.model.PartyType.ORGANIZATION, "MINSK WHEEL TRACTOR PLANT",
                List.of("designations: +US Treasury OFAC NPWMD (34769)")));
        // and a party that moved from the ZIMBABWE to the GLOMAG program shows both designations
        assertThat(oldRows.get(39839)).contains("\"ZIMBABWE\"");
        assertThat(newRows.get(39839)).contains("\"GLOMAG\"");
        assertThat(clean.find("ofac:39839").orElseThrow().changes()).anySatisfy(line -> assertThat(line)
                .startsWith("designations: +US Treasury OFAC GLOMAG (39839), -US Treasury OFAC ZIMBABWE (39839)"));
        clean.changed().forEach(c -> assertThat(c.changes()).as(c.partyId()).isNotEmpty()
                .noneMatch(line -> line.startsWith("content changed")));
    }

    /** "ofac:N" for each N in {@code of} that is not in {@code minus}. */
    private static Set<String> ids(Set<Integer> of, Set<Integer> minus) {
        Set<String> out = new TreeSet<>();
        for (Integer i : of) {
            if (!minus.contains(i)) {
                out.add("ofac:" + i);
            }
        }
        return out;
    }
}
