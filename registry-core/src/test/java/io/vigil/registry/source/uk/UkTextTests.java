package io.vigil.registry.source.uk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UkTextTests {

    @Test
    void unReferences_wordGluedAfterDot_isNotPartOfTheReference() {
        // given "Other Information" texts written as the 2018 OFSI list writes them (invented entries), where the
        // next word follows the reference's dot without a space / when the references are read / then the word is
        // left out
        assertThat(UkText.unReferences("UN Ref KPe.935.Subordinated to the Songak Space Research Bureau."))
                .containsExactly("KPe.935");
        assertThat(UkText.unReferences("UN Ref KPi.938.Member of the Songak machine tools board."))
                .containsExactly("KPi.938");
        assertThat(UkText.unReferences("UN Ref IRi.922.Passport: D9909917")).containsExactly("IRi.922");
        assertThat(UkText.unReferences("UN Ref TI.A.928.01.Financial advisor to an invented network."))
                .containsExactly("TI.A.928.01");
    }

    @Test
    void unReferences_officialForms_areReadWhole() {
        // given the forms the lists use: current, pre-2015 Al-Qaida/Taliban, Iraq, and odd punctuation
        // when / then each is read whole, without the closing dot
        assertThat(UkText.unReferences("UN Ref QDe.004. Emir")).containsExactly("QDe.004");
        assertThat(UkText.unReferences("UN REF:QE.A.146.14. Listed")).containsExactly("QE.A.146.14");
        assertThat(UkText.unReferences("UN Ref.KPI.067")).containsExactly("KPI.067");
        assertThat(UkText.unReferences("UN Ref. CFi.001.")).containsExactly("CFi.001");
        assertThat(UkText.unReferences("UN Ref E.03.III.1. Iraqi")).containsExactly("E.03.III.1");
        assertThat(UkText.unReferences("UN Ref E.AC.50.18.04.12 Ministry")).containsExactly("E.AC.50.18.04.12");
        assertThat(UkText.unReferences("UN Ref No.YEi.005. Leader")).containsExactly("YEi.005");
    }

    @Test
    void nationality_demonyms_becomeIsoCodesUnlessHedged() {
        // given the Nationality wording of the 2018 OFSI list / when read / then demonyms become ISO codes
        assertThat(UkText.nationality("North Korean")).isEqualTo("KP");
        assertThat(UkText.nationality("Algerian")).isEqualTo("DZ");
        assertThat(UkText.nationality("Tunisian (dual nationality)")).isEqualTo("TN");
        assertThat(UkText.nationality("Kuwaiti citizenship")).isEqualTo("KW");
        assertThat(UkText.nationality("Saudi Arabia citizenship")).isEqualTo("SA");
        assertThat(UkText.nationality("DPRK")).isEqualTo("KP");
        // and hedged or ambiguous wording stays as written
        assertThat(UkText.nationality("Possibly Ethiopian")).isEqualTo("Possibly Ethiopian");
        assertThat(UkText.nationality("Congolese")).isEqualTo("Congolese");
        assertThat(UkText.nationality("Kuwaiti citizenship withdrawn in 2002"))
                .isEqualTo("Kuwaiti citizenship withdrawn in 2002");
    }
}
