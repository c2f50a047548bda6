package io.vigil.registry.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.registry.model.PartialDate;
import io.vigil.registry.testing.RegistryFixtures;
import org.junit.jupiter.api.Test;

class PartyJsonTests {

    private final PartyJson json = new PartyJson();

    @Test
    void encode_simpleParty_givesSortedIsoJson() {
        // given a small party with a year-precision date of birth
        var party = RegistryFixtures.person("ofac:39497", "YU, Jin", "KP", PartialDate.ofYear(1960, "1960"));
        // when encoded
        PartyJson.Encoded e = json.encode(party);
        // then properties are sorted, dates are ISO strings, nulls are left out, derived values are not written
        assertThat(e.json()).isEqualTo("{\"addresses\":[],\"citizenships\":[],\"datesOfBirth\":[{\"earliest\":"
                + "\"1960-01-01\",\"latest\":\"1960-12-31\",\"precision\":\"YEAR\",\"text\":\"1960\"}],"
                + "\"designations\":[{\"authority\":\"US Treasury OFAC\",\"listName\":\"Specially Designated "
                + "Nationals and Blocked Persons List (SDN)\",\"program\":\"DPRK2\",\"sourceReference\":\"39497\","
                + "\"sourceType\":\"ofac-sdn-csv\"}],\"id\":\"ofac:39497\",\"identifiers\":[],\"names\":[{"
                + "\"fullName\":\"YU, Jin\",\"kind\":\"PRIMARY\",\"quality\":\"STRONG\",\"script\":\"Latn\"}],"
                + "\"nationalities\":[\"KP\"],\"placesOfBirth\":[],\"relations\":[],\"remarks\":[],\"titles\":[],"
                + "\"type\":\"INDIVIDUAL\"}");
        assertThat(e.hash()).hasSize(64).isEqualTo(json.encode(party).hash());
        assertThat(json.decode(e.json())).isEqualTo(party);
    }
}
