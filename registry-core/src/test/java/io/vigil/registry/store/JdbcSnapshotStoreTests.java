package io.vigil.registry.store;

import static io.vigil.registry.testing.RegistryFixtures.choeCholMin;
import static io.vigil.registry.testing.RegistryFixtures.clock;
import static io.vigil.registry.testing.RegistryFixtures.many;
import static io.vigil.registry.testing.RegistryFixtures.parsed;
import static io.vigil.registry.testing.RegistryFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.registry.link.PartyLink;
import io.vigil.registry.link.PartyLinks;
import io.vigil.registry.model.Authorities;
import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.model.SourceFile;
import io.vigil.registry.testing.RegistryFixtures;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcSnapshotStoreTests {

    private final DataSource db = RegistryFixtures.memoryDb();
    private final JdbcSnapshotStore store = new JdbcSnapshotStore(db, clock());

    @Test
    void save_richParty_roundTripsEveryField() {
        // given a party with every field filled
        Party rich = choeCholMin();
        // when it is saved and read back
        long id = store.save(new SnapshotContent(List.of(parsed("ofac-sdn-csv", List.of(rich))), PartyLinks.empty(),
                "round trip"));
        Party loaded = store.party(id, "ofac:43598").orElseThrow();
        // then every field is equal, including the nested records
        assertThat(loaded).isEqualTo(rich);
        assertThat(loaded.names()).extracting(n -> n.kind() + "/" + n.quality() + "/" + n.script())
                .containsExactly("PRIMARY/STRONG/Latn", "AKA/STRONG/Latn", "FKA/WEAK/Latn",
                        "ORIGINAL_SCRIPT/STRONG/Hang");
        assertThat(loaded.names().get(0).givenName()).isEqualTo("Chol Min");
        assertThat(loaded.datesOfBirth()).extracting(PartialDate::iso, d -> d.precision().name(), PartialDate::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1978-04-03", "DAY", "03 Apr 1978"),
                        org.assertj.core.groups.Tuple.tuple("1978-04", "MONTH", "Apr 1978"),
                        org.assertj.core.groups.Tuple.tuple("1977/1979", "RANGE", "1977 to 1979"));
        assertThat(loaded.designations().get(0).legalBasis()).isEqualTo("E.O. 13382");
        assertThat(loaded.designations().get(0).listedOn()).isEqualTo(LocalDate.of(2023, 6, 15));
        assertThat(loaded.identifiers().get(0).note()).isEqualTo("expires 19 Oct 2023");
        assertThat(loaded.relations().get(0).targetPartyId()).isEqualTo("ofac:12345");
        assertThat(store.parties(id)).containsExactly(rich);
        assertThat(store.party(id, "ofac:1")).isEmpty();
    }

    @Test
    void save_sourcesAndCounts_areReportedInSnapshotInfo() {
        // given two sources: one OFAC individual + org, one UN individual
        Party ofacOrg = RegistryFixtures.organization("ofac:2", "KOREA SOKCHON GENERAL CORPORATION", "KP");
        Party un = person("un:KPi.066", "CHOE CHOL MIN", "KP", null);
        long id = store.save(new SnapshotContent(List.of(parsed("ofac-sdn-csv", List.of(choeCholMin(), ofacOrg)),
                parsed("un-xml", List.of(un))), PartyLinks.empty(), "two sources"));
        // when the snapshot is looked up
        SnapshotInfo info = store.find(id).orElseThrow();
        // then sources, files, entry counts and per-type/authority/program counts are there
        assertThat(info.id()).isEqualTo(1);
        assertThat(info.createdAt()).isEqualTo(RegistryFixtures.T0);
        assertThat(info.status()).isEqualTo(SnapshotStatus.ACTIVE);
        assertThat(info.note()).isEqualTo("two sources");
        assertThat(info.partyCount()).isEqualTo(3);
        assertThat(info.sources()).extracting(s -> s.source().sourceType(), SnapshotSource::entryCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ofac-sdn-csv", 2),
                        org.assertj.core.groups.Tuple.tuple("un-xml", 1));
        assertThat(info.sources().get(0).source()).isEqualTo(RegistryFixtures.source("ofac-sdn-csv"));
        assertThat(info.sources().get(0).source().files()).extracting(SourceFile::name)
                .containsExactly("ofac-sdn-csv.csv", "ofac-sdn-csv-alt.csv");
        assertThat(info.partiesByType()).containsEntry(PartyType.INDIVIDUAL, 2).containsEntry(PartyType.ORGANIZATION,
                1).hasSize(2);
        assertThat(info.partiesByAuthority()).containsEntry(Authorities.OFAC, 2).containsEntry(Authorities.UN, 1);
        assertThat(info.partiesByProgram().get(Authorities.OFAC)).containsEntry("NPWMD", 1).containsEntry("DPRK2", 1);
        assertThat(info.partiesByProgram().get(Authorities.UN)).containsEntry("DPRK", 1);
        assertThat(store.entries(id)).extracting(PartyEntry::partyId, PartyEntry::primaryName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ofac:43598", "CHOE, Chol Min"),
                        org.assertj.core.groups.Tuple.tuple("ofac:2", "KOREA SOKCHON GENERAL CORPORATION"),
                        org.assertj.core.groups.Tuple.tuple("un:KPi.066", "CHOE CHOL MIN"));
    }

    @Test
    void save_beforeAnyImport_hasNoActiveSnapshot() {
        // given an empty store / when / then
        assertThat(store.active()).isEmpty();
        assertThat(store.list()).isEmpty();
        assertThatThrownBy(() -> store.parties(1)).isInstanceOf(NoSuchElementException.class)
                .hasMessage("no snapshot 1");
    }

    @Test
    void save_threeTimes_numbersSnapshotsAndKeepsOneActive() {
        // given a clock that advances one day per call
        Clock[] day = {Clock.fixed(RegistryFixtures.T0, ZoneOffset.UTC)};
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                Instant now = day[0].instant();
                day[0] = Clock.offset(day[0], java.time.Duration.ofDays(1));
                return now;
            }
        };
        JdbcSnapshotStore s = new JdbcSnapshotStore(RegistryFixtures.memoryDb(), moving);
        // when three snapshots are saved
        long a = s.save(content(List.of(choeCholMin())));
        long b = s.save(content(List.of(choeCholMin(), person("ofac:2", "YU, Jin", "KP", null))));
        long c = s.save(content(List.of(person("ofac:2", "YU, Jin", "KP", null))));
        // then ids are 1, 2, 3, only the last is active, and each keeps its own parties
        assertThat(List.of(a, b, c)).containsExactly(1L, 2L, 3L);
        assertThat(s.list()).extracting(SnapshotInfo::id, SnapshotInfo::status, SnapshotInfo::createdAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, SnapshotStatus.SUPERSEDED, RegistryFixtures.T0),
                        org.assertj.core.groups.Tuple.tuple(2L, SnapshotStatus.SUPERSEDED,
                                Instant.parse("2024-05-04T02:00:00Z")),
                        org.assertj.core.groups.Tuple.tuple(3L, SnapshotStatus.ACTIVE,
                                Instant.parse("2024-05-05T02:00:00Z")));
        assertThat(s.active().orElseThrow().id()).isEqualTo(3);
        assertThat(s.parties(1)).extracting(Party::id).containsExactly("ofac:43598");
        assertThat(s.parties(2)).extracting(Party::id).containsExactly("ofac:43598", "ofac:2");
        assertThat(s.parties(3)).extracting(Party::id).containsExactly("ofac:2");
    }

    @Test
    void save_failingAtActivation_keepsPreviousActiveAndWritesNothing() throws SQLException {
        // given snapshot 1, and a database that fails when the new snapshot is being made ACTIVE
        store.save(content(List.of(choeCholMin())));
        int contentRows = count(db, "REGISTRY_PARTY_CONTENT", null);
        DataSource failing = failingOn(db, sql -> sql.contains("SET status = 'ACTIVE'"));
        JdbcSnapshotStore broken = new JdbcSnapshotStore(failing, clock());
        Party yu = person("ofac:39497", "YU, Jin", "KP", PartialDate.ofYear(1960, "1960"));
        // when snapshot 2 is saved
        assertThatThrownBy(() -> broken.save(new SnapshotContent(List.of(parsed("ofac-sdn-csv", many(50)),
                parsed("un-xml", List.of(yu))), PartyLinks.empty(), "doomed")))
                // then it fails, naming the snapshot and the cause
                .isInstanceOf(RegistryStoreException.class)
                .hasMessageContaining("saving snapshot 2 failed, the previous snapshot stays active")
                .hasMessageContaining("injected failure");
        // and snapshot 1 is still active, and no row of snapshot 2 exists anywhere
        assertThat(store.active().orElseThrow().id()).isEqualTo(1);
        assertThat(store.list()).hasSize(1);
        assertThat(count(db, "REGISTRY_SNAPSHOT", "id = 2")).isZero();
        for (String table : Schema.SNAPSHOT_TABLES) {
            assertThat(count(db, table, "snapshot_id = 2")).as(table).isZero();
        }
        assertThat(count(db, "REGISTRY_PARTY_CONTENT", null)).isEqualTo(contentRows);
        // and the next successful save gets id 2 (no gap)
        assertThat(store.save(content(List.of(yu)))).isEqualTo(2);
    }

    @Test
    void save_partyViolatingConstraint_rollsBackEverything() throws SQLException {
        // given snapshot 1, and a snapshot whose last party id is longer than the party_id column
        store.save(content(List.of(choeCholMin())));
        List<Party> parties = new java.util.ArrayList<>(many(2500));
        parties.add(person("ofac:" + "9".repeat(300), "TOO, Long", "KP", null));
        // when it is saved
        assertThatThrownBy(() -> store.save(content(parties)))
                // then the save fails
                .isInstanceOf(RegistryStoreException.class).hasMessageContaining("saving snapshot 2 failed");
        // and the 2,500 parties inserted before the bad one were rolled back
        assertThat(store.active().orElseThrow().id()).isEqualTo(1);
        assertThat(count(db, "REGISTRY_SNAPSHOT_PARTY", "snapshot_id = 2")).isZero();
        assertThat(count(db, "REGISTRY_SNAPSHOT_PARTY", null)).isEqualTo(1);
        assertThat(count(db, "REGISTRY_PARTY_CONTENT", null)).isEqualTo(1);
    }

    @Test
    void contentHash_isComputedOnceAndKept() throws SQLException {
        // given two snapshots of the same 50 parties and a third with one party changed
        long first = store.save(content(many(50)));
        long second = store.save(content(many(50)));
        List<Party> changed = new java.util.ArrayList<>(many(50));
        changed.set(0, person("ofac:1", "PERSON, Number One", "KP", null));
        long third = store.save(content(changed));
        assertThat(count(db, "REGISTRY_SNAPSHOT_HASH", null)).isZero();
        // when the hash of each is asked for, twice
        String hash = store.contentHash(first);
        // then the same content hashes alike, other content not, and each hash is kept in one row
        assertThat(hash).hasSize(64).isEqualTo(store.contentHash(first)).isEqualTo(store.contentHash(second));
        assertThat(store.contentHash(third)).isNotEqualTo(hash);
        assertThat(count(db, "REGISTRY_SNAPSHOT_HASH", null)).isEqualTo(3);
        // and a new store on the same database reads the kept value (a wrong kept value would show here)
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE REGISTRY_SNAPSHOT_HASH SET content_hash = 'kept' WHERE snapshot_id = " + first);
        }
        assertThat(new JdbcSnapshotStore(db, clock()).contentHash(first)).isEqualTo("kept");
    }

    @Test
    void save_sameParties_addsNoContentRows() throws SQLException {
        // given a snapshot of 100 parties
        store.save(content(many(100)));
        assertThat(count(db, "REGISTRY_PARTY_CONTENT", null)).isEqualTo(100);
        // when the same parties are saved again, then with one changed
        long second = store.save(content(many(100)));
        List<Party> changed = new java.util.ArrayList<>(many(100));
        changed.set(0, person("ofac:1", "PERSON, Number One", "KP", null));
        long third = store.save(content(changed));
        // then the second snapshot added no content, the third exactly one row
        assertThat(count(db, "REGISTRY_SNAPSHOT_PARTY", "snapshot_id = " + second)).isEqualTo(100);
        assertThat(count(db, "REGISTRY_PARTY_CONTENT", null)).isEqualTo(101);
        assertThat(store.contentHashes(1)).isEqualTo(store.contentHashes(second));
        assertThat(store.contentHashes(third).get("ofac:1")).isNotEqualTo(store.contentHashes(1).get("ofac:1"));
        assertThat(store.contentHashes(third).get("ofac:2")).isEqualTo(store.contentHashes(1).get("ofac:2"));
        assertThat(store.parties(third).get(0).primaryName()).isEqualTo("PERSON, Number One");
    }

    @Test
    void save_links_areStoredWithReasonsAndTransitively() {
        // given a → b (passport) and b → c (UN reference)
        Party a = person("ofac:1", "KIM, Su Gil", "KP", null);
        Party b = person("eu:7", "KIM Su Gil", "KP", null);
        Party c = person("un:KPi.001", "KIM SU GIL", "KP", null);
        PartyLinks links = PartyLinks.of(List.of(new PartyLink("ofac:1", "eu:7", "same passport 123456 (KP)"),
                new PartyLink("un:KPi.001", "eu:7", "UN reference KPi.001")));
        // when saved
        long id = store.save(new SnapshotContent(List.of(parsed("mixed", List.of(a, b, c))), links, null));
        // then the store answers transitive ids and direct reasons
        assertThat(store.linkedIds(id, "ofac:1")).containsExactly("eu:7", "un:KPi.001");
        assertThat(store.linkedIds(id, "un:KPi.001")).containsExactly("eu:7", "ofac:1");
        assertThat(store.links(id, "eu:7")).containsExactly(
                new PartyLink("eu:7", "ofac:1", "same passport 123456 (KP)"),
                new PartyLink("eu:7", "un:KPi.001", "UN reference KPi.001"));
        assertThat(store.links(id, "ofac:1")).containsExactly(
                new PartyLink("ofac:1", "eu:7", "same passport 123456 (KP)"));
        assertThat(store.links(id)).isEqualTo(links);
        assertThat(store.find(id).orElseThrow().linkCount()).isEqualTo(2);
        assertThat(store.linkedIds(id, "ofac:999")).isEmpty();
    }

    @Test
    void recordFailedImport_keepsMessagesInOrder() {
        // given / when two failures are recorded
        store.recordFailedImport("sdn.csv line 7: expected 12 fields, found 3");
        store.recordFailedImport("un.xml element INDIVIDUAL #3: no name");
        // then they are listed with ids and the clock's time
        assertThat(store.failedImports()).extracting(ImportFailure::id, ImportFailure::failedAt,
                ImportFailure::message).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, RegistryFixtures.T0,
                                "sdn.csv line 7: expected 12 fields, found 3"),
                        org.assertj.core.groups.Tuple.tuple(2L, RegistryFixtures.T0,
                                "un.xml element INDIVIDUAL #3: no name"));
    }

    @Test
    void fileDatabase_twentyThousandParties_savedFastAndSurviveNewConnections(@TempDir Path dir) {
        // given an H2 file database and 20,000 parties
        List<Party> parties = many(20_000);
        JdbcSnapshotStore first = new JdbcSnapshotStore(RegistryFixtures.fileDb(dir), clock());
        // when they are saved
        long start = System.nanoTime();
        long id = first.save(content(parties));
        long saveMillis = (System.nanoTime() - start) / 1_000_000;
        // then a new store over a new data source (new connections) reads them all back
        JdbcSnapshotStore second = new JdbcSnapshotStore(RegistryFixtures.fileDb(dir), clock());
        start = System.nanoTime();
        List<Party> loaded = second.parties(id);
        long loadMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(java.util.Locale.ROOT, "20,000 parties: save %d ms, load %d ms%n", saveMillis, loadMillis);
        assertThat(loaded).hasSize(20_000).isEqualTo(parties);
        assertThat(second.active().orElseThrow().partyCount()).isEqualTo(20_000);
        assertThat(saveMillis).as("save time in ms").isLessThan(15_000);
    }

    private static SnapshotContent content(List<Party> parties) {
        return new SnapshotContent(List.of(parsed("ofac-sdn-csv", parties)), PartyLinks.empty(), null);
    }

    static int count(DataSource ds, String table, String where) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table
                        + (where == null ? "" : " WHERE " + where))) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** A data source whose connections throw when a statement matching {@code failOn} is prepared. */
    static DataSource failingOn(DataSource target, Predicate<String> failOn) {
        InvocationHandler dsHandler = (proxy, method, args) -> {
            Object result = invoke(target, method, args);
            if (result instanceof Connection conn) {
                return Proxy.newProxyInstance(RegistryFixtures.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, (p, m, a) -> {
                            if (m.getName().equals("prepareStatement") && failOn.test((String) a[0])) {
                                throw new SQLException("injected failure on: " + a[0]);
                            }
                            return invoke(conn, m, a);
                        });
            }
            return result;
        };
        return (DataSource) Proxy.newProxyInstance(RegistryFixtures.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, dsHandler);
    }

    private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
