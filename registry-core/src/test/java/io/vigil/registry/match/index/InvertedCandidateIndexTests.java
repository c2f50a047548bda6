package io.vigil.registry.match.index;

import static io.vigil.registry.testing.RegistryFixtures.organization;
import static io.vigil.registry.testing.RegistryFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.registry.link.PartyLinks;
import io.vigil.registry.match.normalize.NameNormalizers;
import io.vigil.registry.match.score.RomanizedTokenSimilarity;
import io.vigil.registry.match.score.ScorableName;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InvertedCandidateIndexTests {

    private final List<Party> parties = new ArrayList<>(List.of(
            person("ofac:1", "CHOE, Chol Min", "KP", null),
            person("ofac:2", "KIM, Su Gil", "KP", null),
            person("ofac:3", "NASRALLAH, Hasan", "LB", null),
            organization("ofac:4", "CHOE TRADING", "KP")));
    private IndexedRegistry registry;
    private CandidateIndex index;

    private void build() {
        registry = IndexedRegistry.build(parties, PartyLinks.empty(), NameNormalizers.standard());
        index = new InvertedCandidateIndex(registry, new RomanizedTokenSimilarity(), 1000);
    }

    private List<String> candidates(String query, PartyType type, double minNameScore) {
        ScorableName q = registry.prepare(query, type);
        return Arrays.stream(index.candidates(q, TypeGroup.of(type), minNameScore))
                .mapToObj(i -> registry.party(registry.name(i).partyOrdinal()).id()).toList();
    }

    @Test
    void candidates_romanizationTypoAndJoinedSpellings_allFound() {
        build();
        assertThat(candidates("Choi Cheol-min", null, 65)).contains("ofac:1");
        assertThat(candidates("Cheolmin Choi", null, 65)).contains("ofac:1");
        assertThat(candidates("Hassan Nasralah", null, 65)).containsExactly("ofac:3");
    }

    @Test
    void candidates_typedQuery_onlyItsPartition() {
        build();
        assertThat(candidates("Choe", PartyType.INDIVIDUAL, 0.0)).containsExactly("ofac:1");
        assertThat(candidates("Choe", PartyType.ORGANIZATION, 0.0)).containsExactly("ofac:4");
        assertThat(candidates("Choe", null, 0.0)).containsExactlyInAnyOrder("ofac:1", "ofac:4");
    }

    @Test
    void candidates_commonTokenAlone_cannotReachTheBound() {
        // given a thousand Kims and one KIM Su Gil
        IntStream.range(0, 1000).forEach(i -> parties.add(person("uk:" + i, "KIM Other" + i, null, null)));
        build();
        // when the query has a rare token besides the common one
        List<String> found = candidates("Kim Su Gil", null, 65);
        // then only names that also share the rare tokens are candidates
        assertThat(found).containsExactly("ofac:2");
    }

    @Test
    void candidates_unrelatedName_none() {
        build();
        assertThat(candidates("Jean Dupont", null, 65)).isEmpty();
    }
}
