package io.vigil.registry.match.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StandardNameNormalizerTests {

    private final NameNormalizer normalizer = NameNormalizers.standard();

    private List<String> texts(String name, boolean person) {
        return normalizer.normalize(name, person).tokens().stream().map(NameToken::text).toList();
    }

    @Test
    void normalize_mccuneReischauerApostrophesAndBreves_foldsToPlainLetters() {
        // given a name written with MR apostrophes and a breve
        // when normalized
        // then apostrophes vanish without a space, the breve is stripped, the hyphen splits the given name
        assertThat(texts("CH'OE Ch'ŏl-min", true)).containsExactly("choe", "chol", "min");
        assertThat(texts("Ch’oe SO’K CH’OL", true)).containsExactly("choe", "sok", "chol");
    }

    @Test
    void normalize_surnameCommaGiven_keepsEveryTokenForOrderFreeScoring() {
        assertThat(texts("CHOE, Chol Min", true)).containsExactly("choe", "chol", "min");
    }

    @Test
    void normalize_caseFolding_isLocaleIndependent() {
        // the build runs tests under a Turkish default locale: I must fold to i, not dotless ı
        assertThat(texts("IBRAHIM ISMAIL", true)).containsExactly("ibrahim", "ismail");
    }

    @Test
    void normalize_hangul_splitsSyllablesAndKeysEachByItself() {
        // given 최철민 (CHOE Chol Min)
        NormalizedName n = normalizer.normalize("최철민", true);
        // then one token per syllable, romanized, each keyed by its syllable
        assertThat(n.tokens()).extracting(NameToken::text).containsExactly("choe", "cheol", "min");
        assertThat(n.tokens().get(0).keys()).containsExactly("최");
        assertThat(n.tokens().get(1).keys()).containsExactly("철");
    }

    @Test
    void normalize_romanizationVariants_shareTheHangulKey() {
        NameToken choi = normalizer.token("choi");
        NameToken choe = normalizer.token("choe");
        NameToken cheol = normalizer.token("cheol");
        NameToken chol = normalizer.token("chol");
        assertThat(choi.sharesKeyWith(choe)).isTrue();
        assertThat(cheol.sharesKeyWith(chol)).isTrue();
        assertThat(normalizer.token("kim").sharesKeyWith(normalizer.token("park"))).isFalse();
    }

    @Test
    void joined_twoSyllables_keyedLikeTheJoinedGivenName() {
        // given "Chol Min" as two tokens and "Cheolmin" as one
        NameToken joined = normalizer.joined(normalizer.token("chol"), normalizer.token("min"));
        NameToken cheolmin = normalizer.token("cheolmin");
        // then both carry the key 철민
        assertThat(joined.text()).isEqualTo("cholmin");
        assertThat(joined.hasKey("철민")).isTrue();
        assertThat(cheolmin.hasKey("철민")).isTrue();
        assertThat(joined.sharesKeyWith(cheolmin)).isTrue();
    }

    @Test
    void normalize_cyrillic_romanizedWithBgnPcgn() {
        assertThat(texts("Евгений Пригожин", true)).containsExactly("yevgeniy", "prigozhin");
    }

    @Test
    void normalize_arabicScript_marksTokensAsAbjad() {
        NormalizedName n = normalizer.normalize("محمد علي", true);
        assertThat(n.tokens()).allMatch(NameToken::fromAbjad);
        assertThat(n.tokens().get(0).consonants()).isEqualTo(normalizer.token("mohammed").consonants());
    }

    @Test
    void normalize_pashtoLetters_readAsTheListsRomanizeThem_notAsWordBreaks() {
        // ښ once broke the word in two (پښتون → ps twn); ځ was dz where the lists write z (Zadran)
        assertThat(texts("پښتون", true)).containsExactly("pshtwn");
        assertThat(texts("ځدران", true)).containsExactly("zdran");
        assertThat(texts("ګل محمد احمدزی", true)).containsExactly("gul", "muhammad", "ahmad", "zai");
    }

    @Test
    void patronymics_ofOneGivenName_shareAKeyAcrossRussianUkrainianAndBelarusianSpellings() {
        assertThat(normalizer.token("andriyovych").sharesKeyWith(normalizer.token("andreyevich"))).isTrue();
        assertThat(normalizer.token("mykolayovych").sharesKeyWith(normalizer.token("nikolayevich"))).isTrue();
        assertThat(normalizer.token("oleksandrovych").sharesKeyWith(normalizer.token("alexandrovich"))).isTrue();
        assertThat(normalizer.token("uladzimiravich").sharesKeyWith(normalizer.token("vladimirovich"))).isTrue();
        assertThat(normalizer.token("oleksandrivna").sharesKeyWith(normalizer.token("aleksandrovna"))).isTrue();
        // a name the table does not know: keyed by its skeleton, Ukrainian h and y read as Russian g and i
        assertThat(normalizer.token("herasymovych").sharesKeyWith(normalizer.token("gerasimovich"))).isTrue();
        // a patronymic is not the given name, nor the other gender's patronymic, nor another father's
        assertThat(normalizer.token("andreyevich").sharesKeyWith(normalizer.token("andrey"))).isFalse();
        assertThat(normalizer.token("andreyevna").sharesKeyWith(normalizer.token("andreyevich"))).isFalse();
        assertThat(normalizer.token("andreyevich").sharesKeyWith(normalizer.token("alekseyevich"))).isFalse();
    }

    @Test
    void skeleton_belarusianFamilyNameEndings_readAsTheRussianOnes() {
        // -оў/-аў/-еў (ў written u) for the Russian -ов/-ев
        assertThat(normalizer.token("zubkou").skeleton()).isEqualTo(normalizer.token("zubkov").skeleton());
        assertThat(normalizer.token("kratau").skeleton()).isEqualTo(normalizer.token("kratov").skeleton());
        assertThat(normalizer.token("karayeu").skeleton()).isEqualTo(normalizer.token("karayev").skeleton());
        // a French -ou after d keeps reading u (Amadou / Amadu), and short words are left alone
        assertThat(normalizer.token("amadou").skeleton()).isEqualTo(normalizer.token("amadu").skeleton());
        assertThat(normalizer.token("abou").skeleton()).isEqualTo(normalizer.token("abu").skeleton());
    }

    @Test
    void skeleton_ukrainianHAndY_readAsRussianGAndI_onlyInTokensOfSixLettersOrMore() {
        assertThat(normalizer.token("hromovykov").skeleton()).isEqualTo(normalizer.token("gromovikov").skeleton());
        assertThat(normalizer.token("bohomaz").skeleton()).isEqualTo(normalizer.token("bogomaz").skeleton());
        // digraphs keep their h; short romanized syllables keep theirs (He, Hong, Hwang are not Ge, Gong, Gwang)
        assertThat(normalizer.token("ashraf").skeleton()).doesNotContain("g");
        assertThat(normalizer.token("hong").skeleton()).isNotEqualTo(normalizer.token("gong").skeleton());
        assertThat(normalizer.token("hwang").skeleton()).isNotEqualTo(normalizer.token("gwang").skeleton());
    }

    @Test
    void arabicScript_hAfterALetterRomanizedTOrS_isNotReadAsADigraph() {
        // اتحادي: ت then ح, romanized "th" would read as ث; the consonants keep t-h-d, as in Ettehadi
        NameToken ettehadi = normalizer.normalize("اتحادی", true).tokens().get(0);
        assertThat(ettehadi.consonants()).isEqualTo("thdy");
        assertThat(ettehadi.consonants()).isEqualTo(normalizer.token("ettehadi").consonants());
        // ث is still th, read as one consonant: t or s (Consonants.THA)
        String thabit = normalizer.normalize("ثابت", true).tokens().get(0).consonants();
        assertThat(thabit).isEqualTo("Tbt");
        assertThat(Consonants.agree(thabit, normalizer.token("thabit").consonants())).isTrue();
        assertThat(Consonants.agree(thabit, normalizer.token("sabit").consonants())).isTrue();
    }

    @Test
    void frenchSpellingsOfArabicNames_chAndFinalAne_readAsTheEnglishSpellings() {
        assertThat(normalizer.token("chakhane").skeleton()).isEqualTo(normalizer.token("shakhan").skeleton());
        assertThat(normalizer.token("soufiane").sharesKeyWith(normalizer.token("sufyan"))).isTrue();
        // short tokens keep ch: Chen is not Shen
        assertThat(normalizer.token("chen").skeleton()).isNotEqualTo(normalizer.token("shen").skeleton());
    }

    @Test
    void persianGh_comparedWithQafByConsonants() {
        // محققی (ق read gh in Persian) and Mohagheghi
        NameToken arabicScript = normalizer.normalize("محققی", true).tokens().get(0);
        assertThat(arabicScript.consonants()).isEqualTo(normalizer.token("mohagheghi").consonants());
    }

    @Test
    void moreSpellingCorrespondences_compareEqualBySkeleton() {
        // French -oui for -wi; Persian gh for qaf; aw before a consonant written o; Russian yo after ch written o
        assertThat(normalizer.token("helbaoui").skeleton()).isEqualTo(normalizer.token("helbawi").skeleton());
        assertThat(normalizer.token("bagheri").skeleton()).isEqualTo(normalizer.token("baqeri").skeleton());
        assertThat(normalizer.token("fawz").skeleton()).isEqualTo(normalizer.token("foz").skeleton());
        assertThat(normalizer.token("grachov").skeleton()).isEqualTo(normalizer.token("grachev").skeleton());
        // aw before a vowel stays (Awad is not Oad)
        assertThat(normalizer.token("awad").skeleton()).isNotEqualTo(normalizer.token("oad").skeleton());
    }

    @Test
    void arabicScript_commonGivenNames_romanizedFromTheLexicon() {
        assertThat(texts("علاء نزار فؤاد هشام", true)).containsExactly("alaa", "nizar", "fuad", "hisham");
        assertThat(texts("امید پرویز", true)).containsExactly("omid", "parviz");
    }

    @Test
    void normalize_arabicOrganizationWords_romanizedAndKeyedWithTheirEnglishTranslation() {
        // "and the" written joined is read as the article; fi (in) is a word of its own
        assertThat(texts("الدولة الإسلامية في العراق والشام", false))
                .containsExactly("al", "dawlat", "al", "islamiya", "fi", "al", "raq", "al", "sham");
        NameToken network = normalizer.normalize("شبكة حقاني", false).tokens().get(0);
        assertThat(network.text()).isEqualTo("shabakat");
        assertThat(network.sharesKeyWith(normalizer.token("network"))).isTrue();
        assertThat(normalizer.token("jamiyat").sharesKeyWith(normalizer.token("association"))).isTrue();
        assertThat(normalizer.token("melli").sharesKeyWith(normalizer.token("national"))).isTrue();
    }

    @Test
    void normalize_russianOrganizationWords_keyedWithTheirEnglishTranslation_andTheHardSignKeepsAWordWhole() {
        List<NameToken> tokens = normalizer.normalize("558 АВИАЦИОННЫЙ РЕМОНТНЫЙ ЗАВОД", false).tokens();
        assertThat(tokens).extracting(NameToken::text).containsExactly("558", "aviatsionnyy", "remontnyy", "zavod");
        assertThat(tokens.get(1).sharesKeyWith(normalizer.token("aircraft"))).isTrue();
        assertThat(tokens.get(3).sharesKeyWith(normalizer.token("plant"))).isTrue();
        // ъ is no word break (BGN/PCGN's double prime became a quotation mark)
        assertThat(texts("Научно-производственное объединение", false)).containsExactly("nauchno",
                "proizvodstvennoye", "obedineniye");
    }

    @Test
    void normalize_chinese_givesPinyinSyllables() {
        assertThat(texts("崔哲民", true)).containsExactly("cui", "zhe", "min");
    }

    @Test
    void normalize_organizationLegalForm_recognisedAsAClassNotDeleted() {
        // given two spellings of the same legal form
        NormalizedName ltd = normalizer.normalize("Korea Sokchon General Trading Co., Ltd.", false);
        NormalizedName limited = normalizer.normalize("KOREA SOKCHON GENERAL TRADING COMPANY LIMITED", false);
        // then the tokens agree and the legal forms are kept as classes
        assertThat(ltd.text()).isEqualTo(limited.text()).isEqualTo("korea sokchon general trading");
        assertThat(ltd.legalForms()).containsExactly("CO", "LTD");
        assertThat(limited.legalForms()).containsExactly("CO", "LTD");
    }

    @Test
    void normalize_person_keepsWordsThatLookLikeLegalForms() {
        assertThat(texts("Ali Co", true)).containsExactly("ali", "co");
    }

    @Test
    void normalize_leadingHonorific_removedWhenANameRemains() {
        NormalizedName n = normalizer.normalize("Dr. Abdul Qadeer Khan", true);
        assertThat(n.honorifics()).containsExactly("dr");
        assertThat(n.tokens().get(0).text()).isNotEqualTo("dr");
        assertThat(texts("Dr", true)).containsExactly("dr");
    }

    @Test
    void normalize_punctuationOnly_isEmpty() {
        assertThat(normalizer.normalize("-- , .", true).isEmpty()).isTrue();
    }

    @Test
    void token_digits_areKept() {
        assertThat(normalizer.token("kp123").digits()).isEqualTo("123");
        assertThat(texts("Vessel 7", false)).containsExactly("vessel", "7");
    }

    @Test
    void normalize_lookAlikeLettersOfAnotherScript_foldIntoTheNamesScript() {
        // Cyrillic о and а in a Latin name; a Latin a and o in a Cyrillic name; a real Cyrillic word left alone
        assertThat(texts("Ch\u043Ee Ch\u043El Min", true)).containsExactly("choe", "chol", "min");
        assertThat(texts("Ivanov \u0418\u0432\u0430\u043D", true)).containsExactly("ivanov", "ivan");
        assertThat(texts("\u041Fe\u0442\u0440\u043E\u0432 \u0421\u0435\u0440\u0433\u0435\u0439", true))
                .isEqualTo(texts("\u041F\u0435\u0442\u0440\u043E\u0432 \u0421\u0435\u0440\u0433\u0435\u0439",
                        true));
    }

    @Test
    void normalize_bidirectionalControlsAndZeroWidthCharacters_areRemoved() {
        assertThat(texts("\u202ACH\u200BOE\u202C \u2066Chol\u2069\u200E Min\u200F\u061C\uFEFF", true))
                .containsExactly("choe", "chol", "min");
        assertThat(texts("\u0627\u200C\u0644\u0628\u063A\u062F\u0627\u062F\u064A", true))
                .isEqualTo(texts("\u0627\u0644\u0628\u063A\u062F\u0627\u062F\u064A", true));
    }
}
