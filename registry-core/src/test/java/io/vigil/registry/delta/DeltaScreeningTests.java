package io.vigil.registry.delta;

import static io.vigil.registry.testing.RegistryFixtures.organization;
import static io.vigil.registry.testing.RegistryFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.registry.link.PartyLink;
import io.vigil.registry.link.PartyLinks;
import io.vigil.registry.match.MatchPolicy;
import io.vigil.registry.match.NameMatchers;
import io.vigil.registry.match.index.IndexedRegistry;
import io.vigil.registry.match.index.TokenStatistics;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.screen.EmbargoPolicy;
import io.vigil.registry.screen.InputRecord;
import io.vigil.registry.screen.RecordScreener;
import io.vigil.registry.screen.ScreenedValue;
import io.vigil.registry.screen.ScreeningHit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The pieces delta screening rests on: pinned weights, the changed parties, the routes, and the stored forms. */
class DeltaScreeningTests {

    private static final MatchPolicy POLICY = new MatchPolicy(85, 72);

    private static final List<Party> PARTIES = List.of(
            person("ofac:1", "CHOE, Chol Min", "KP", null),
            person("ofac:2", "KIM, Su Gil", "KP", null),
            person("ofac:3", "JON, Il Ho", "KP", null),
            organization("ofac:4", "KOREA KWANGSON BANKING CORP", "KP"),
            organization("ofac:5", "HORIZON SHIPPING TRADING LLC", "AE"),
            person("eu:9", "Chol Min Choe", "KP", null));

    private static RecordScreener screener(IndexedRegistry registry) {
        return new RecordScreener(NameMatchers.indexed(registry, POLICY), registry, EmbargoPolicy.none());
    }

    private static InputRecord customer(String id, String name) {
        return new InputRecord(1, id, List.of(ScreenedValue.name("name", name, PartyType.INDIVIDUAL, null, null)));
    }

    @Test
    void anIndexOfSomePartiesPinnedToTheSnapshotsWeightsScoresExactlyAsTheWholeIndex() {
        PartyLinks links = PartyLinks.of(List.of(new PartyLink("ofac:1", "eu:9", "same name")));
        IndexedRegistry whole = NameMatchers.prepare(PARTIES, links);
        TokenStatistics weights = whole.ownStatistics();
        IndexedRegistry subset = NameMatchers.prepare(List.of(PARTIES.get(0), PARTIES.get(5)), links, weights);
        for (String name : List.of("Choi Cheol-min", "Choe Chol Min", "Chol Min", "Min Choe")) {
            List<ScreeningHit> all = screener(whole).screen(customer("C1", name));
            List<ScreeningHit> some = screener(subset).screen(customer("C1", name));
            assertThat(some).as(name).extracting(ScreeningHit::partyId, ScreeningHit::score, ScreeningHit::linkedIds)
                    .containsExactlyElementsOf(all.stream().map(h -> org.assertj.core.groups.Tuple.tuple(h.partyId(),
                            h.score(), h.linkedIds())).toList());
        }
        // without pinning, the subset's own statistics would weigh the tokens otherwise
        IndexedRegistry unpinned = NameMatchers.prepare(List.of(PARTIES.get(0), PARTIES.get(5)), links);
        assertThat(unpinned.ownStatistics().fingerprint()).isNotEqualTo(weights.fingerprint());
        assertThat(TokenStatistics.decode(weights.encode()).fingerprint()).isEqualTo(weights.fingerprint());
    }

    @Test
    void partyChanges_aChangedOrNewlyLinkedEntryChangesItsWholeGroup() {
        Map<String, String> before = new TreeMap<>(Map.of("ofac:1", "a", "ofac:2", "b", "ofac:3", "c", "eu:9", "d"));
        Map<String, String> after = new TreeMap<>(Map.of("ofac:1", "a", "ofac:2", "b2", "eu:9", "d", "un:7", "e"));
        PartyLinks linksBefore = PartyLinks.empty();
        PartyLinks linksAfter = PartyLinks.of(List.of(new PartyLink("ofac:1", "eu:9", "same passport")));
        PartyChanges c = PartyChanges.between(1, before, linksBefore, 2, after, linksAfter);
        assertThat(c.added()).containsExactly("un:7");
        assertThat(c.changed()).containsExactly("eu:9", "ofac:1", "ofac:2");
        assertThat(c.removed()).containsExactly("ofac:3");
        assertThat(c.screenedAgainst()).containsExactly("eu:9", "ofac:1", "ofac:2", "un:7");
        assertThat(c.describe()).isEqualTo("1 added, 3 changed, 1 removed");
    }

    @Test
    void deltaScreener_routesOnlyUnchangedRecordsWithoutEarlierHitsToTheChangedParties() {
        IndexedRegistry whole = NameMatchers.prepare(PARTIES, PartyLinks.empty());
        IndexedRegistry changed = NameMatchers.prepare(List.of(PARTIES.get(1)), PartyLinks.empty(),
                whole.ownStatistics());
        InputRecord same = customer("C1", "Anna Schmidt");
        InputRecord hit = customer("C2", "Choe Chol Min");
        InputRecord edited = customer("C3", "Kim Su Gil");
        InputRecord longName = customer("C4", "a b c d e f g h i j k l m n o Kim Su Gil");
        long[] ids = new long[4];
        long[] fps = new long[4];
        List<InputRecord> base = List.of(same, hit, customer("C3", "Kim Su"), longName);
        for (int i = 0; i < base.size(); i++) {
            ids[i] = RecordFingerprints.ofId(base.get(i).recordId());
            fps[i] = RecordFingerprints.of(base.get(i));
        }
        BookState state = BookState.of(List.of(BookState.encode(ids, fps, 4)));
        DeltaScreener delta = new DeltaScreener(screener(whole), screener(changed), state,
                Set.of(RecordFingerprints.ofId("C2")));
        assertThat(route(delta, same)).isEqualTo(DeltaScreener.Route.UNCHANGED);
        assertThat(route(delta, hit)).isEqualTo(DeltaScreener.Route.HAD_HITS);
        assertThat(route(delta, edited)).isEqualTo(DeltaScreener.Route.CHANGED);
        assertThat(route(delta, customer("C9", "Jon Il Ho"))).isEqualTo(DeltaScreener.Route.NEW);
        assertThat(route(delta, longName)).isEqualTo(DeltaScreener.Route.LONG_NAME);
        DeltaScreener.Result r = delta.screen(edited, RecordFingerprints.ofId("C3"), RecordFingerprints.of(edited));
        assertThat(r.hits()).extracting(ScreeningHit::partyId).containsExactly("ofac:2");
        assertThat(state.missingFrom(BookState.of(List.of(BookState.encode(new long[] {ids[0]}, new long[] {fps[0]},
                1))))).isEqualTo(3);

        // the same book kept by an earlier scheme is never compared with this night's fingerprints
        long[] oldIds = new long[4];
        long[] oldFps = new long[4];
        RecordFingerprints.Hasher sha = new RecordFingerprints.Hasher(RecordFingerprints.SHA256);
        for (int i = 0; i < base.size(); i++) {
            oldIds[i] = sha.ofId(base.get(i).recordId());
            oldFps[i] = sha.of(base.get(i));
        }
        BookState old = BookState.of(List.of(BookState.encode(RecordFingerprints.SHA256, oldIds, oldFps, 4)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DeltaScreener(screener(whole), screener(changed),
                old, Set.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scheme 1");
    }

    private static DeltaScreener.Route route(DeltaScreener d, InputRecord r) {
        return d.route(r, RecordFingerprints.ofId(r.recordId()), RecordFingerprints.of(r));
    }

    @Test
    void storedRecordsRoundTrip_andFingerprintsCoverEveryScreenedValue() {
        List<InputRecord> records = new ArrayList<>();
        records.add(new InputRecord(2, "TX1", List.of(ScreenedValue.name("beneficiary_name", "Choe Chol Min",
                PartyType.INDIVIDUAL, "1978", "CN"), new ScreenedValue("remittance_info", "goods, Beijing",
                ScreenedValue.Kind.FREE_TEXT, null, null, null), new ScreenedValue("beneficiary_country", "KP",
                ScreenedValue.Kind.COUNTRY, null, null, null))));
        records.add(new InputRecord(3, "TX2", List.of()));
        assertThat(StoredRecords.decode(StoredRecords.encode(records))).isEqualTo(records);
        InputRecord a = customer("C1", "Kim Su Gil");
        InputRecord b = new InputRecord(1, "C1", List.of(ScreenedValue.name("name", "Kim Su Gil", PartyType.INDIVIDUAL,
                "1960", null)));
        InputRecord moved = new InputRecord(99, "C1", a.values());
        assertThat(RecordFingerprints.of(a)).isNotEqualTo(RecordFingerprints.of(b))
                .isEqualTo(RecordFingerprints.of(moved));
    }
}
