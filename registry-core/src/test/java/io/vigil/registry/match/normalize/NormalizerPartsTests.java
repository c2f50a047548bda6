package io.vigil.registry.match.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormalizerPartsTests {

    @Test
    void consonants_latinAndArabicTransliterationAgree() {
        assertThat(Consonants.of("mohammed")).isEqualTo("mhmd");
        assertThat(Consonants.of("mhmd")).isEqualTo("mhmd");
        assertThat(Consonants.of("baghdadi")).isEqualTo(Consonants.of("bghdady"));
        assertThat(Consonants.of("haniyeh")).isEqualTo(Consonants.of("hnyh")).isEqualTo("hn");
        assertThat(Consonants.of("javad")).isEqualTo(Consonants.of("jwad"));
        assertThat(Consonants.of("shamkhani")).isEqualTo("smkny");
        // the nisba (a final long i) is kept: Karimi is not Karim
        assertThat(Consonants.of("karimi")).isEqualTo(Consonants.of("krymy")).isNotEqualTo(Consonants.of("karim"));
        assertThat(Consonants.of("hirey")).isEqualTo(Consonants.of("hyry"));
    }

    @Test
    void consonants_ofArabicScript_readDhalAsDOrZAndThaAsTOrS() {
        // ذ and ث as an Arabic-script token's transliteration writes them (dh, th): read two ways
        String nadhir = Consonants.of("ndhyr", true);
        assertThat(nadhir).isEqualTo("nDr");
        assertThat(Consonants.agree(nadhir, Consonants.of("nazir"))).isTrue();
        assertThat(Consonants.agree(nadhir, Consonants.of("nadhir"))).isTrue();
        assertThat(Consonants.agree(nadhir, Consonants.of("nasir"))).isFalse();
        assertThat(Consonants.agree(Consonants.of("thabt", true), Consonants.of("sabit"))).isTrue();
        assertThat(Consonants.readings(nadhir)).containsExactly("nDr", "ndr", "nzr");
        // d then a doubled h is د then ح (ArabicNames writes it apart), not ذ; Latin dh stays d
        assertThat(Consonants.of("mdhhat", true)).isEqualTo("mdht");
        assertThat(Consonants.of("nadhir")).isEqualTo("ndr");
        assertThat(Consonants.readings("mhmd")).containsExactly("mhmd");
    }

    @Test
    void plainAscii_theGeneralStepsChangeNothing() {
        // what the ASCII shortcuts of the normalizer rely on, character by character
        for (char c = 0; c < 0x80; c++) {
            String s = String.valueOf(c);
            assertThat(PlainAscii.is(s)).isTrue();
            assertThat(java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC)).isEqualTo(s);
            assertThat(java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)).isEqualTo(s);
            assertThat(Invisible.isInvisible(c)).as("U+%04X", (int) c).isFalse();
            assertThat(PlainAscii.script(c)).as("U+%04X", (int) c).isEqualTo(Character.UnicodeScript.of(c));
            assertThat(Character.isLetter(c)).isEqualTo(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z');
        }
        assertThat(PlainAscii.is("Choe Chol Min")).isTrue();
        assertThat(PlainAscii.is("Chŏl")).isFalse();
        assertThat(PlainAscii.script(0x0416)).isEqualTo(Character.UnicodeScript.CYRILLIC);
        String mixed = "Ch\u043Ee Chol Min"; // a Cyrillic o among Latin letters is still folded
        assertThat(Confusables.fold(mixed.translateEscapes())).isEqualTo("Choe Chol Min");
    }

    @Test
    void legalForms_typoNeighboursAreRemembered() {
        // the second time a word is looked up it comes from the remembered neighbours: same result
        for (int i = 0; i < 2; i++) {
            NormalizedName n = NameNormalizers.standard().normalize("Zuppa Holdings Limitde", false);
            assertThat(n.legalForms()).containsExactly("LTD");
        }
    }

    @Test
    void oneTypo_editsAndAdjacentSwaps() {
        assertThat(TokenPhrases.oneTypo("company", "compqny")).isTrue();
        assertThat(TokenPhrases.oneTypo("company", "comppany")).isTrue();
        assertThat(TokenPhrases.oneTypo("limited", "limted")).isTrue();
        assertThat(TokenPhrases.oneTypo("corporation", "corportaion")).isTrue();
        assertThat(TokenPhrases.oneTypo("limited", "limitde")).isTrue();
        assertThat(TokenPhrases.oneTypo("company", "cmopnay")).isFalse();
        assertThat(TokenPhrases.oneTypo("limited", "limousine")).isFalse();
    }

    @Test
    void legalForms_misspeltLegalFormStillRecognised() {
        NormalizedName n = NameNormalizers.standard().normalize("Zuppa Holdings Limitde", false);
        assertThat(n.text()).isEqualTo("zuppa holdings");
        assertThat(n.legalForms()).containsExactly("LTD");
        // short legal-form words need the exact spelling
        assertThat(NameNormalizers.standard().normalize("Zuppa Holdings Lte", false).legalForms()).isEmpty();
    }

    @Test
    void legalForms_longWordsTakeTwoTyposAndShortWordsOneBesideAnExactWord() {
        NameNormalizer n = NameNormalizers.standard();
        // ogranchennoi: a letter left out and й written i; otvetsvennostyu: a letter left out
        NormalizedName llc = n.normalize("Obshchestvo S Ogranchennoi Otvetsvennostyu Vr-Resurs", false);
        assertThat(llc.legalForms()).containsExactly("LLC");
        assertThat(llc.text()).isEqualTo("vr resurs");
        // a five-letter word of a legal form of several words, beside a word written exactly
        assertThat(n.normalize("Jint Stock Company Polimer", false).legalForms()).containsExactly("JSC");
        assertThat(n.normalize("Joint Stokc Company Alrosa", false).legalForms()).containsExactly("JSC");
        // but not with a letter added (stocks, joints), nor where no word of the form is written exactly
        assertThat(n.normalize("Joint Stocks Polimer", false).legalForms()).isEmpty();
        // an eleven-letter word takes one typo only: cooperation is not corporation
        assertThat(n.normalize("Zuppa Cooperation", false).legalForms()).isEmpty();
        assertThat(n.normalize("Zuppa Cooperation", false).text()).isEqualTo("zuppa cooperation");
    }

    @Test
    void latinFolding_apostrophesJoinSeparatorsSplit() {
        assertThat(LatinFolding.fold("CH'OE Ch’ŏl-min")).isEqualTo("choe chol min");
        assertThat(LatinFolding.fold("Straße Łódź Øre")).isEqualTo("strasse lodz ore");
        assertThat(LatinFolding.fold("  ,; ")).isEmpty();
    }

    @Test
    void leadingLiterals_readOffThePattern() {
        assertThat(RewriteRules.leadingLiterals("\\babd(?:ou|u)l")).containsExactly("abd");
        assertThat(RewriteRules.leadingLiterals("\\b(?:ud|ed) d(?:in)\\b")).containsExactly("ud", "ed");
        assertThat(RewriteRules.leadingLiterals("(?:iy|yy)$")).containsExactly("iy", "yy");
        assertThat(RewriteRules.leadingLiterals("kh")).containsExactly("kh");
        assertThat(RewriteRules.leadingLiterals("ab?c")).containsExactly("a");
        assertThat(RewriteRules.leadingLiterals("(?:ab|cd)?x")).isNull();
        assertThat(RewriteRules.leadingLiterals("^ye")).isNull();
        assertThat(RewriteRules.leadingLiterals("\\b([a-z]{3,}?)din")).isNull();
        assertThat(RewriteRules.leadingLiterals("(?:a|[ei])x")).isNull();
    }

    @Test
    void rewriteGuards_changeNoResult_onTheEvaluationNames() throws Exception {
        // given every name of the evaluation set, folded as the pipeline folds them
        RewriteRules names = RewriteRules.load("name-rewrites.tsv");
        RewriteRules tokens = RewriteRules.load("token-rewrites.tsv");
        int checked = 0;
        for (String file : new String[] {"positives.tsv", "negatives.tsv"}) {
            try (var in = getClass().getResourceAsStream("/io/vigil/registry/match/eval/" + file)) {
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                    if (line.startsWith("#") || line.isBlank()) {
                        continue;
                    }
                    String folded = LatinFolding.fold(line.split("\t")[1]);
                    // then the guarded rules give what running every rule gives
                    assertThat(names.apply(folded)).isEqualTo(names.applyUnguarded(folded));
                    for (String token : folded.split(" ")) {
                        assertThat(tokens.apply(token)).isEqualTo(tokens.applyUnguarded(token));
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(7000);
    }
}
