package io.vigil.registry.store;

import static io.vigil.registry.testing.RegistryFixtures.choeCholMin;
import static io.vigil.registry.testing.RegistryFixtures.clock;
import static io.vigil.registry.testing.RegistryFixtures.parsed;
import static io.vigil.registry.testing.RegistryFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.registry.link.PartyLinks;
import io.vigil.registry.model.Authorities;
import io.vigil.registry.model.Designation;
import io.vigil.registry.model.NameKind;
import io.vigil.registry.model.NameQuality;
import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.testing.RegistryFixtures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class RegistryDiffTests {

    private final JdbcSnapshotStore store = new JdbcSnapshotStore(RegistryFixtures.memoryDb(), clock());
    private final RegistryDiff diff = new RegistryDiff(store);

    @Test
    void diff_addedRemovedChanged_areListedByIdWithSummaries() {
        // given snapshot 1 with CHOE Chol Min, YU Jin and KIM Su Gil
        Party yu = person("ofac:39497", "YU, Jin", "KP", PartialDate.ofYear(1960, "1960"));
        Party kim = person("ofac:39498", "KIM, Su Gil", "KP", PartialDate.ofYear(1950, "1950"));
        long from = save(List.of(choeCholMin(), yu, kim));
        // and snapshot 2 where CHOE changed (alias added, DOB refined, new program), YU is unchanged,
        // KIM was delisted and JON Il Ho and ofac:9 were added
        Party choe2 = changedChoe();
        Party jon = person("ofac:39496", "JON, Il Ho", "KP", PartialDate.ofDay(1956, 2, 20, "20 Feb 1956"));
        Party nine = person("ofac:9", "NINE, Person", "KP", null);
        long to = save(List.of(choe2, yu, jon, nine));
        // when the snapshots are compared
        SnapshotDiff d = diff.diff(from, to);
        // then added and removed carry id and name, ordered by id with numbers compared as numbers
        assertThat(d.added()).extracting(PartyChange::partyId, PartyChange::primaryName).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ofac:9", "NINE, Person"),
                org.assertj.core.groups.Tuple.tuple("ofac:39496", "JON, Il Ho"));
        assertThat(d.removed()).extracting(PartyChange::partyId, PartyChange::primaryName, PartyChange::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ofac:39498", "KIM, Su Gil",
                        PartyType.INDIVIDUAL));
        // and the changed party has a field-level summary
        assertThat(d.changed()).extracting(PartyChange::partyId).containsExactly("ofac:43598");
        assertThat(d.changed().get(0).changes()).containsExactly(
                "names: +'CHOE Chol Min'",
                "dates of birth: -1978-04, -1977/1979",
                "addresses: -Rue 1, Building 2, Pyongyang, Pyongyang, 00000, Korea, North",
                "identifiers: +PASSPORT 745990010 (KP)",
                "designations: +UN Security Council DPRK (KPi.077)",
                "designation US Treasury OFAC NPWMD (43598): listed on 2023-06-15 → 2023-06-16");
        assertThat(d.unchanged()).isEqualTo(1);
        assertThat(d.summary()).isEqualTo("snapshot 1 → 2: 2 added, 1 removed, 1 changed, 1 unchanged");
        assertThat(d.find("ofac:39497")).isEmpty();
    }

    @Test
    void diff_sameSnapshotContent_isEmpty() {
        // given two snapshots of the same parties
        long a = save(List.of(choeCholMin()));
        long b = save(List.of(choeCholMin()));
        // when / then
        SnapshotDiff d = diff.diff(a, b);
        assertThat(d.isEmpty()).isTrue();
        assertThat(d.unchanged()).isEqualTo(1);
    }

    @Test
    void diff_unknownSnapshot_failsNamingIt() {
        // given one snapshot / when diffed against a missing one / then
        long a = save(List.of(choeCholMin()));
        assertThatThrownBy(() -> diff.diff(a, 7)).isInstanceOf(NoSuchElementException.class)
                .hasMessage("no snapshot 7");
    }

    @Test
    void compare_inMemory_matchesStoreDiff() {
        // given the same two party lists in memory
        List<Party> before = List.of(choeCholMin());
        List<Party> after = List.of(changedChoe());
        // when compared without a store
        SnapshotDiff d = RegistryDiff.compare(before, after);
        // then the changes are the same as through the store
        assertThat(d.changed()).hasSize(1);
        assertThat(d.changed().get(0).changes()).hasSize(6).startsWith("names: +'CHOE Chol Min'");
        assertThat(RegistryDiff.changes(choeCholMin(), choeCholMin())).isEmpty();
    }

    @Test
    void compare_renamedAndRetyped_reportsPrimaryNameTypeAndGender() {
        // given a party whose primary name, type and gender changed
        Party a = person("uk:1", "OLD NAME", "KP", null);
        Party b = Party.builder("uk:1").type(PartyType.ORGANIZATION)
                .name(PartyName.of("NEW NAME", NameKind.PRIMARY, NameQuality.STRONG)).gender("Female")
                .nationality("KP").designation(RegistryFixtures.designation("uk:1")).build();
        // when / then
        assertThat(RegistryDiff.changes(a, b)).containsExactly("type: INDIVIDUAL → ORGANIZATION",
                "primary name: 'OLD NAME' → 'NEW NAME'", "names: +'NEW NAME', -'OLD NAME'", "gender: null → Female");
    }

    @Test
    void diff_fifteenThousandParties_takesUnderTwoSeconds() {
        // given two snapshots of 15,000 parties with 1,000 changed, 200 removed and 200 added
        List<Party> before = RegistryFixtures.many(15_000);
        List<Party> after = new ArrayList<>(RegistryFixtures.many(15_200).subList(200, 15_200));
        for (int i = 0; i < 1_000; i++) {
            Party p = after.get(i * 10);
            after.set(i * 10, person(p.id(), p.primaryName() + " JR", "KP", p.datesOfBirth().get(0)));
        }
        long a = save(before);
        long b = save(after);
        // when diffed
        long start = System.nanoTime();
        SnapshotDiff d = diff.diff(a, b);
        long millis = (System.nanoTime() - start) / 1_000_000;
        // then the counts are exact and it is fast
        assertThat(d.added()).hasSize(200);
        assertThat(d.removed()).hasSize(200);
        assertThat(d.changed()).hasSize(1_000);
        assertThat(d.unchanged()).isEqualTo(13_800);
        assertThat(d.changed().get(0).changes()).contains("names: +'PERSON, Number 201 JR', -'PERSON, Number 201'");
        assertThat(millis).as("diff time in ms").isLessThan(2_000);
    }

    private long save(List<Party> parties) {
        return store.save(new SnapshotContent(List.of(parsed("ofac-sdn-csv", parties)), PartyLinks.empty(), null));
    }

    private static Party changedChoe() {
        Party old = choeCholMin();
        var b = Party.builder(old.id()).type(old.type());
        old.names().forEach(b::name);
        b.name(PartyName.of("CHOE Chol Min", NameKind.AKA, NameQuality.STRONG));
        b.dateOfBirth(old.datesOfBirth().get(0));
        old.placesOfBirth().forEach(b::placeOfBirth);
        old.nationalities().forEach(b::nationality);
        old.citizenships().forEach(b::citizenship);
        b.address(old.addresses().get(0));
        old.identifiers().forEach(b::identifier);
        b.identifier(RegistryFixtures.passport("745990010", "KP"));
        b.gender(old.gender());
        old.titles().forEach(b::title);
        old.relations().forEach(b::relation);
        old.remarks().forEach(b::remark);
        Designation d = old.designations().get(0);
        b.designation(new Designation(d.authority(), d.listName(), d.program(), d.legalBasis(),
                LocalDate.of(2023, 6, 16), d.sourceReference(), d.url(), d.sourceType()));
        b.designation(new Designation(Authorities.UN, Authorities.UN_LIST, "DPRK", null, null, "KPi.077", null,
                "un-xml"));
        return b.build();
    }
}
