package io.vigil.registry.store;

import static io.vigil.registry.testing.RegistryFixtures.parsed;
import static io.vigil.registry.testing.RegistryFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.registry.link.PartyLink;
import io.vigil.registry.link.PartyLinks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotContentTests {

    @Test
    void new_duplicateIdAcrossSources_isRejectedNamingBoth() {
        // given the same id in two sources / when / then
        assertThatThrownBy(() -> new SnapshotContent(List.of(parsed("ofac-sdn-csv", List.of(person("ofac:1", "A",
                null, null))), parsed("ofac-cons-csv", List.of(person("ofac:1", "B", null, null)))),
                PartyLinks.empty(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duplicate party id ofac:1 in sources ofac-sdn-csv and ofac-cons-csv");
    }

    @Test
    void new_linkToMissingParty_isRejected() {
        // given a link naming a party outside the snapshot / when / then
        assertThatThrownBy(() -> new SnapshotContent(List.of(parsed("ofac-sdn-csv", List.of(person("ofac:1", "A",
                null, null)))), PartyLinks.of(List.of(new PartyLink("ofac:1", "un:X", "UN reference X"))), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ofac:1 — un:X names a party that is not in the snapshot");
    }

    @Test
    void partyIds_natural_ordersNumbersAsNumbers() {
        // given ids in a scrambled order
        List<String> ids = new ArrayList<>(List.of("ofac:10", "un:KPi.066", "ofac:9", "ofac:009", "eu:100", "ofac:9a"));
        // when sorted
        ids.sort(PartyIds.NATURAL);
        // then digit runs compare as numbers, ties broken by the plain string order
        assertThat(ids).containsExactly("eu:100", "ofac:009", "ofac:9", "ofac:9a", "ofac:10", "un:KPi.066");
    }
}
