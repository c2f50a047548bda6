package io.vigil.registry.source.ofac;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OfacProgramsTests {

    @Test
    void split_columnWithoutOuterBrackets_givesEachTag() {
        // given OFAC's usual form / when / then
        assertThat(OfacPrograms.split("SDGT] [IRGC")).containsExactly("SDGT", "IRGC");
    }

    @Test
    void split_columnWithOuterBrackets_givesEachTag() {
        assertThat(OfacPrograms.split("[SDGT] [IFSR]")).containsExactly("SDGT", "IFSR");
    }

    @Test
    void split_tagWithSpaces_staysWhole() {
        assertThat(OfacPrograms.split("NPWMD] [CYBER2] [CAATSA - RUSSIA")).containsExactly("NPWMD", "CYBER2",
                "CAATSA - RUSSIA");
    }

    @Test
    void split_emptyMarker_givesNoTag() {
        assertThat(OfacPrograms.split("-0- ")).isEmpty();
        assertThat(OfacPrograms.split(null)).isEmpty();
    }

    @Test
    void legalBasis_knownTags_fromTheTable() {
        // given / when / then
        assertThat(OfacPrograms.legalBasis("NPWMD")).isEqualTo("E.O. 13382");
        assertThat(OfacPrograms.legalBasis("SDGT")).isEqualTo("E.O. 13224");
        assertThat(OfacPrograms.legalBasis("DPRK2")).isEqualTo("E.O. 13687");
        assertThat(OfacPrograms.legalBasis("DPRK3")).isEqualTo("E.O. 13722");
        assertThat(OfacPrograms.legalBasis("DPRK4")).isEqualTo("E.O. 13810");
        assertThat(OfacPrograms.legalBasis("RUSSIA-EO14024")).isEqualTo("E.O. 14024");
    }

    @Test
    void legalBasis_tagsWithoutAFixedMapping_areNull() {
        // given tags resting on several orders, or not certain: left empty rather than guessed
        assertThat(OfacPrograms.legalBasis("DPRK")).isNull();
        assertThat(OfacPrograms.legalBasis("IRGC")).isNull();
        assertThat(OfacPrograms.legalBasis("CUBA")).isNull();
        assertThat(OfacPrograms.legalBasis("NS-PLC")).isNull();
        assertThat(OfacPrograms.legalBasis(null)).isNull();
    }
}
