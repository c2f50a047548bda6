package io.vigil.registry.match;

import static io.vigil.registry.testing.RegistryFixtures.choeCholMin;
import static io.vigil.registry.testing.RegistryFixtures.organization;
import static io.vigil.registry.testing.RegistryFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.registry.link.PartyLink;
import io.vigil.registry.link.PartyLinks;
import io.vigil.registry.match.index.IndexFile;
import io.vigil.registry.match.index.IndexedRegistry;
import io.vigil.registry.match.index.TokenStatistics;
import io.vigil.registry.match.normalize.NameNormalizers;
import io.vigil.registry.model.NameKind;
import io.vigil.registry.model.NameQuality;
import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.store.SnapshotStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stored matching index: a loaded index answers exactly as a fresh one, and a stale or damaged file is refused. */
class IndexFileTests {

    private static final List<Party> PARTIES = roundTrip(List.of(
            choeCholMin(),
            person("ofac:43616", "CHOE, Un Jong", "KP", PartialDate.ofDay(1981, 12, 18, "18 Dec 1981")),
            person("ofac:39496", "JON, Il Ho", "KP", PartialDate.ofDay(1956, 2, 20, "20 Feb 1956")),
            person("ofac:39498", "KIM, Su Gil", "KP", PartialDate.ofYear(1950, "1950")),
            person("eu:1001", "JON Il Ho", "KP", PartialDate.ofDay(1956, 2, 20, "20.2.1956")),
            person("ofac:9001", "AL-BAGHDADI, Abu Bakr", "IQ", PartialDate.ofYear(1971, "1971")),
            person("un:QDi.1", "محمد عبد الله الحسن", "SY", PartialDate.ofYear(1965, "1965")),
            person("un:KPi.2", "Ivan Vladimirovich PETROV", "RU", PartialDate.ofYear(1970, "1970")),
            Party.builder("ofac:9002").type(PartyType.INDIVIDUAL)
                    .name(PartyName.of("HASSAN, Ali", NameKind.PRIMARY, NameQuality.STRONG))
                    .name(PartyName.of("Abu Ali", NameKind.AKA, NameQuality.WEAK))
                    .designation(io.vigil.registry.testing.RegistryFixtures.designation("ofac:9002")).build(),
            organization("ofac:99001", "FOURTH INSTITUTE OF APPLIED SCIENCES", "KP"),
            organization("ofac:9003", "KOREA SOKCHON GENERAL CORPORATION", "KP"),
            organization("ofac:9004", "GOLDEN STAR TRADING LTD", "CN", new io.vigil.registry.model.Identifier(
                    io.vigil.registry.model.IdentifierType.SWIFT_BIC, "SWIFT/BIC", "GSTRCNSH", null, "CN", null))));
    private static final PartyLinks LINKS = PartyLinks.of(List.of(
            new PartyLink("ofac:39496", "eu:1001", "same name and date of birth")));
    private static final IndexFile.Key KEY = new IndexFile.Key("snapshot-hash", IndexFile.methodFingerprint(),
            NameMatchers.prepare(PARTIES, PartyLinks.of(List.of())).ownStatistics().fingerprint());

    private static final TokenStatistics KEY_STATISTICS = NameMatchers.prepare(PARTIES, LINKS).ownStatistics();

    @TempDir
    Path dir;

    /** As the store gives them: through their canonical JSON. */
    private static List<Party> roundTrip(List<Party> parties) {
        return parties.stream().map(p -> SnapshotStore.partyFromJson(SnapshotStore.partyJson(p))).toList();
    }

    private static IndexedRegistry load(Path file, IndexFile.Key key, TokenStatistics pinned) throws Exception {
        return IndexFile.read(file, key, SnapshotStore::partyFromJson, NameNormalizers.standard(), () -> pinned);
    }

    private static List<MatchQuery> queries(IndexedRegistry registry) {
        List<MatchQuery> out = new ArrayList<>(List.of(
                MatchQuery.of("Choi Cheol-min").withDateOfBirth("1978").withCountry("CN"),
                MatchQuery.of("CH'OE Ch'ŏl-min"), MatchQuery.of("최철민"), MatchQuery.of("Cheolmin Choi"),
                MatchQuery.of("Kim Min-jun").withDateOfBirth("1990"), MatchQuery.of("Mohammed Abdullah al-Hasan"),
                MatchQuery.of("Jon Ilho").withType(PartyType.INDIVIDUAL), MatchQuery.of("Golden Star Trading Co"),
                MatchQuery.of("Ivan Petrov").withCountry("RU"), MatchQuery.of("Sokchon General Corp")
                        .withType(PartyType.ORGANIZATION)));
        for (Party p : registry.parties()) {
            for (PartyName n : p.names()) {
                out.add(MatchQuery.of(n.fullName()));
            }
        }
        return out;
    }

    /** Same hits, in the same order, with the same scores, decisions, matched names and explanations. */
    private static void assertSameAnswers(IndexedRegistry fresh, IndexedRegistry loaded, List<MatchQuery> queries) {
        NameMatcher a = NameMatchers.indexed(fresh, MatchPolicy.defaults());
        NameMatcher b = NameMatchers.indexed(loaded, MatchPolicy.defaults());
        int hits = 0;
        for (MatchQuery q : queries) {
            List<MatchHit> expected = a.search(q, 10);
            List<MatchHit> actual = b.search(q, 10);
            assertThat(actual).as(q.toString()).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                MatchHit e = expected.get(i);
                MatchHit x = actual.get(i);
                assertThat(x.party()).isEqualTo(e.party());
                assertThat(x.linkedParties()).isEqualTo(e.linkedParties());
                assertThat(x.matchedPartyId()).isEqualTo(e.matchedPartyId());
                assertThat(x.matchedName()).isEqualTo(e.matchedName());
                assertThat(x.score()).as(q.toString()).isEqualTo(e.score());
                assertThat(x.decision()).isEqualTo(e.decision());
                assertThat(x.explanation()).isEqualTo(e.explanation());
            }
            hits += expected.size();
        }
        assertThat(hits).isPositive();
    }

    @Test
    void load_ofAWrittenIndex_givesTheSameHitsAndScoresAsAFreshBuild() throws Exception {
        IndexedRegistry fresh = NameMatchers.prepare(PARTIES, LINKS);
        Path file = dir.resolve("1-test.idx");
        IndexFile.write(file, fresh, KEY, SnapshotStore::partyJson);

        IndexedRegistry loaded = load(file, KEY, null);

        assertThat(loaded.parties()).isEqualTo(fresh.parties());
        assertThat(loaded.names()).hasSameSizeAs(fresh.names());
        assertThat(loaded.dictionarySize()).isEqualTo(fresh.dictionarySize());
        assertThat(loaded.ownStatistics().fingerprint()).isEqualTo(fresh.ownStatistics().fingerprint());
        for (int p = 0; p < fresh.parties().size(); p++) {
            assertThat(loaded.linkedIds(p)).isEqualTo(fresh.linkedIds(p));
            assertThat(loaded.partyId(p)).isEqualTo(fresh.partyId(p));
            assertThat(loaded.swiftBics(p)).isEqualTo(fresh.swiftBics(p));
        }
        assertSameAnswers(fresh, loaded, queries(fresh));
        // and writing the loaded index again gives the same file
        Path again = dir.resolve("again.idx");
        IndexFile.write(again, loaded, KEY, SnapshotStore::partyJson);
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void load_withPinnedWeights_scoresWithThoseWeights() throws Exception {
        // weights pinned to the statistics of a smaller basis: every token weighs differently than in its own
        TokenStatistics basis = NameMatchers.prepare(PARTIES.subList(0, 4), PartyLinks.of(List.of())).ownStatistics();
        IndexedRegistry fresh = NameMatchers.prepare(PARTIES, LINKS, basis);
        IndexFile.Key key = new IndexFile.Key("snapshot-hash", IndexFile.methodFingerprint(), basis.fingerprint());
        Path file = dir.resolve("pinned.idx");
        IndexFile.write(file, fresh, key, SnapshotStore::partyJson);

        assertSameAnswers(fresh, load(file, key, basis), queries(fresh));
    }

    @Test
    void readAhead_givesTheFilesKeyAndTheSameAnswers_unlessItsWeightsArePinnedElsewhere() throws Exception {
        // given a file with its own weights and one whose weights are pinned to another snapshot's statistics
        IndexedRegistry fresh = NameMatchers.prepare(PARTIES, LINKS);
        IndexFile.Key own = new IndexFile.Key("snapshot-hash", IndexFile.methodFingerprint(),
                fresh.ownStatistics().fingerprint());
        Path file = dir.resolve("ahead.idx");
        IndexFile.write(file, fresh, own, SnapshotStore::partyJson);
        TokenStatistics basis = NameMatchers.prepare(PARTIES.subList(0, 4), PartyLinks.of(List.of())).ownStatistics();
        Path pinned = dir.resolve("pinned.idx");
        IndexFile.write(pinned, NameMatchers.prepare(PARTIES, LINKS, basis), new IndexFile.Key("snapshot-hash",
                IndexFile.methodFingerprint(), basis.fingerprint()), SnapshotStore::partyJson);

        // when each is read before its key is known
        var ahead = IndexFile.readAhead(file, SnapshotStore::partyFromJson, NameNormalizers::standard).orElseThrow();
        var notAhead = IndexFile.readAhead(pinned, SnapshotStore::partyFromJson, NameNormalizers::standard);

        // then the first gives the key it was written with and answers as a fresh build; the second is not decoded
        assertThat(ahead.key()).isEqualTo(own);
        assertSameAnswers(fresh, ahead.registry(), queries(fresh));
        assertThat(notAhead).isEmpty();
        // and a damaged file is refused as by read
        byte[] damaged = Files.readAllBytes(file);
        damaged[damaged.length / 2] ^= 0x01;
        Files.write(file, damaged);
        assertThatThrownBy(() -> IndexFile.readAhead(file, SnapshotStore::partyFromJson, NameNormalizers::standard))
                .isInstanceOf(IndexFile.Rejected.class).hasMessageContaining("checksum");
    }

    @Test
    void read_ofAStaleFile_isRejected() throws Exception {
        Path file = dir.resolve("stale.idx");
        IndexFile.write(file, NameMatchers.prepare(PARTIES, LINKS), KEY, SnapshotStore::partyJson);

        assertThatThrownBy(() -> load(file, new IndexFile.Key("other", KEY.method(), KEY.weights()), null))
                .isInstanceOf(IndexFile.Rejected.class).hasMessageContaining("stale").hasMessageContaining("snapshot");
        assertThatThrownBy(() -> load(file, new IndexFile.Key(KEY.snapshotHash(), "vigil-match 0.9", KEY.weights()),
                null)).isInstanceOf(IndexFile.Rejected.class).hasMessageContaining("matching method");
        assertThatThrownBy(() -> load(file, new IndexFile.Key(KEY.snapshotHash(), KEY.method(), "abc"),
                KEY_STATISTICS))
                .isInstanceOf(IndexFile.Rejected.class).hasMessageContaining("token weights");
    }

    @Test
    void read_ofATamperedOrTruncatedFile_isRejected() throws Exception {
        Path file = dir.resolve("tampered.idx");
        IndexFile.write(file, NameMatchers.prepare(PARTIES, LINKS), KEY, SnapshotStore::partyJson);
        byte[] good = Files.readAllBytes(file);

        // a list name edited in place: "GOLDEN STAR" → "GOLDEN STAB"
        String text = new String(good, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("GOLDEN STAR");
        assertThat(at).isPositive();
        byte[] edited = good.clone();
        edited[at + 10] = 'B';
        Files.write(file, edited);
        assertThatThrownBy(() -> load(file, KEY, null)).isInstanceOf(IndexFile.Rejected.class)
                .hasMessageContaining("checksum");

        // each single flipped bit, at spots through the whole file, and every truncation tried, is refused
        for (int i = 0; i < good.length; i += Math.max(1, good.length / 97)) {
            byte[] flipped = good.clone();
            flipped[i] ^= 0x10;
            Files.write(file, flipped);
            assertThatThrownBy(() -> load(file, KEY, null)).as("bit flipped at %d", i)
                    .isInstanceOf(IndexFile.Rejected.class);
        }
        for (int n : new int[] {0, 7, 12, good.length / 2, good.length - 1}) {
            Files.write(file, java.util.Arrays.copyOf(good, n));
            assertThatThrownBy(() -> load(file, KEY, null)).as("truncated to %d", n)
                    .isInstanceOf(IndexFile.Rejected.class);
        }
        Files.write(file, "not an index".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThatThrownBy(() -> load(file, KEY, null)).isInstanceOf(IndexFile.Rejected.class);
    }

    @Test
    void load_ofTheRealRegistry_agreesWithAFreshBuildOnTheEvaluationSets() throws Exception {
        // skipped (by SharedLists) when the shared lists are not beside the checkout
        List<Party> parties = roundTrip(RealRegistry.parties());
        IndexedRegistry fresh = NameMatchers.prepare(parties, RealRegistry.links());
        Path file = dir.resolve("real.idx");
        IndexFile.Key key = new IndexFile.Key("real", IndexFile.methodFingerprint(),
                fresh.ownStatistics().fingerprint());
        IndexFile.write(file, fresh, key, SnapshotStore::partyJson);
        long start = System.nanoTime();
        IndexedRegistry loaded = load(file, key, null);
        System.out.printf("real registry: %,d parties, %,d names; index file %,d bytes, loaded in %d ms%n",
                parties.size(), fresh.names().size(), Files.size(file), (System.nanoTime() - start) / 1_000_000);
        List<MatchQuery> queries = new ArrayList<>();
        List<EvaluationSet.Case> cases = new ArrayList<>(EvaluationSet.positives());
        cases.addAll(EvaluationSet.negatives());
        for (int i = 0; i < cases.size(); i += 7) {
            queries.add(cases.get(i).query());
        }
        assertSameAnswers(fresh, loaded, queries);
    }
}
