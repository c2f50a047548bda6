package io.vigil.registry.match.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.registry.match.explain.TokenMatch;
import io.vigil.registry.match.explain.TokenMatchMethod;
import io.vigil.registry.match.normalize.NameNormalizer;
import io.vigil.registry.match.normalize.NameNormalizers;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameSimilarityTests {

    private final NameNormalizer normalizer = NameNormalizers.standard();
    private final NameSimilarity similarity = new NameSimilarity(new RomanizedTokenSimilarity());

    private ScorableName name(String text) {
        return ScorableName.of(normalizer.normalize(text, true), TokenWeights.uniform(), normalizer);
    }

    private double score(String query, String list) {
        return similarity.score(name(query), name(list));
    }

    @Test
    void score_identicalNames_is100() {
        assertThat(score("CHOE, Chol Min", "Chol Min Choe")).isEqualTo(100.0, within(1e-9));
    }

    @Test
    void score_romanizationVariants_highButBelow100() {
        // choi~choe 0.95, cheol~chol 0.95, min~min 1.0 with equal weights → (0.95 + 0.95 + 1) / 3
        assertThat(score("Choi Cheol-min", "CHOE, Chol Min")).isCloseTo(96.67, within(0.01));
    }

    @Test
    void score_joinedGivenName_matchesTheTwoListTokens() {
        assertThat(score("Cheolmin Choi", "CHOE, Chol Min")).isGreaterThan(90);
        assertThat(score("Cholmin Choe", "CHOE, Chol Min")).isGreaterThan(95);
    }

    @Test
    void score_persianFamilyNameSuffixWrittenApart_matchesTheJoinedName() {
        // motalebi has 8 letters, more than a joinable short token; zadeh is a Persian family-name suffix
        assertThat(score("Akbar Motalebi Zadeh", "MOTALLEBIZADEH, Akbar")).isGreaterThan(90);
        assertThat(score("Akbar Motallebizadeh", "MOTALEBI ZADEH, Akbar")).isGreaterThan(90);
    }

    @Test
    void tokens_latinSpellingsOfOneArabicName_agreeByConsonantsWhenOneIsMarkedAsRomanizedArabic() {
        // q, k and kh for one letter, the short vowels each romanization's own: k t r g (the nisba kept)
        for (String[] pair : new String[][] {{"katarji", "qatirji"}, {"qatrji", "khatirji"}, {"khatarji", "qatirji"}}) {
            assertThat(tokenSimilarity(pair[0], pair[1])).as(pair[0] + " / " + pair[1])
                    .isEqualTo(RomanizedTokenSimilarity.LATIN_CONSONANTS);
            assertThat(TOKENS.method(token(pair[0]), token(pair[1]))).isEqualTo(TokenMatchMethod.CONSONANTS);
        }
        // dh and zz are other consonants: not this rule
        assertThat(TOKENS.method(token("qadhafi"), token("kazzafi"))).isNotEqualTo(TokenMatchMethod.CONSONANTS);
        // English and Spanish names that differ in vowels only are other names: no letter marks them as Arabic
        for (String[] pair : new String[][] {{"peterson", "patterson"}, {"jensen", "jansen"}, {"martinez", "mortenez"}}) {
            assertThat(RomanizedTokenSimilarity.latinConsonantsAgree(token(pair[0]), token(pair[1])))
                    .as(pair[0] + " / " + pair[1]).isFalse();
        }
        // in a whole name
        assertThat(score("Muhammad Katarji", "AL-QATIRJI, Muhammad")).isGreaterThan(85);
    }

    @Test
    void tokens_aSpellingDifferenceKeepsTheFirstLetterAndIsNeitherANisbaNorAGenderedEnding() {
        // one edit that changes the first letter makes another name: Hamed (حامد) is not Ahmed (أحمد)
        assertThat(tokenSimilarity("hamed", "ahmed")).isZero();
        assertThat(tokenSimilarity("abbas", "dabbas")).isZero();
        assertThat(tokenSimilarity("nasser", "yasser")).isZero();
        // unless the first letter was struck on the key beside it: a typo
        assertThat(tokenSimilarity("masser", "nasser")).isGreaterThanOrEqualTo(RomanizedTokenSimilarity.ONE_EDIT);
        assertThat(tokenSimilarity("aalimov", "salimov")).isGreaterThanOrEqualTo(RomanizedTokenSimilarity.ONE_EDIT);
        assertThat(RomanizedTokenSimilarity.keysAdjacent('a', 'q')).isTrue();
        assertThat(RomanizedTokenSimilarity.keysAdjacent('a', 'w')).isTrue();
        assertThat(RomanizedTokenSimilarity.keysAdjacent('a', 'e')).isFalse();
        assertThat(RomanizedTokenSimilarity.keysAdjacent('n', 'h')).isTrue();
        assertThat(RomanizedTokenSimilarity.keysAdjacent('n', 'y')).isFalse();
        // a final i after a consonant is the nisba: Ibrahimi is a family name made from Ibrahim
        assertThat(tokenSimilarity("ibrahim", "ibrahimi")).isZero();
        assertThat(tokenSimilarity("hassani", "hassan")).isZero();
        // typos inside the word still count
        assertThat(tokenSimilarity("ibrahim", "ibrahin")).isGreaterThanOrEqualTo(RomanizedTokenSimilarity.ONE_EDIT);
        assertThat(tokenSimilarity("battalion", "bwttalion")).isGreaterThanOrEqualTo(RomanizedTokenSimilarity.ONE_EDIT);
        assertThat(tokenSimilarity("konstantin", "constantine")).isGreaterThanOrEqualTo(RomanizedTokenSimilarity.TWO_EDITS);
    }

    @Test
    void listedOrganization_isFoundByItsSyllabicAbbreviation() {
        ScorableName listed = ScorableName.ofListName(normalizer.normalize("IZHEVSKIY MASHINOSTROITEL'NYI ZAVOD OAO", false),
                TokenWeights.uniform(), normalizer);
        ScorableName query = ScorableName.of(normalizer.normalize("OJSC IZHMASH", false), TokenWeights.uniform(),
                normalizer);
        assertThat(similarity.score(query, listed)).isGreaterThan(80);
        assertThat(similarity.explain(query, listed)).anySatisfy(t -> {
            assertThat(t.method()).isEqualTo(TokenMatchMethod.ABBREVIATION);
            assertThat(t.queryToken()).isEqualTo("izhmash");
        });
        // the first syllable of each word, a doubled consonant once, a short second word whole
        assertThat(ScorableName.firstSyllable("gazovaya")).isEqualTo("gaz");
        assertThat(ScorableName.firstSyllable("promyshlennost")).isEqualTo("prom");
        assertThat(ScorableName.firstSyllable("rossiyskaya")).isEqualTo("ros");
        assertThat(abbreviation("rossiyskaya", "neft")).isEqualTo("rosneft");
        assertThat(abbreviation("gazovaya", "promyshlennost")).isEqualTo("gazprom");
        // a one-syllable first word is not abbreviated, nor a short one
        assertThat(abbreviation("trust", "company")).isNull();
        assertThat(abbreviation("bank", "melli")).isNull();
        // a person's name never is, and a query is never abbreviated
        ScorableName person = ScorableName.ofListName(normalizer.normalize("MASHINOV, Izhevskiy", true),
                TokenWeights.uniform(), normalizer);
        assertThat(person.joined(0)).isNull();
        assertThat(name("IZHEVSKIY MASHINOSTROITELNYI ZAVOD").joined(0)).isNull();
    }

    private static final RomanizedTokenSimilarity TOKENS = new RomanizedTokenSimilarity();

    private io.vigil.registry.match.normalize.NameToken token(String text) {
        return normalizer.normalize(text, true).tokens().get(0);
    }

    private double tokenSimilarity(String query, String list) {
        return TOKENS.similarity(token(query), token(list));
    }

    private String abbreviation(String left, String right) {
        return ScorableName.abbreviation(normalizer.normalize(left, false).tokens().get(0),
                normalizer.normalize(right, false).tokens().get(0));
    }

    @Test
    void score_middleNameOnOneSideOnly_countsAtHalfItsWeight() {
        // yusuf unmatched in the query: 0.6 x 2 / (2 + 0.5) + 0.4 = 0.88 (80.0 without the rule)
        assertThat(score("Karim Yusuf Haddad", "HADDAD, Karim")).isCloseTo(88.0, within(0.01));
        // two listed middle names (role share 0.8 each, then half): 0.6 + 0.4 x 2 / (2 + 0.4 + 0.4)
        assertThat(score("Karim Haddad", "HADDAD, Karim Yusuf Ahmad")).isCloseTo(88.57, within(0.01));
        // a given name written before the listed one counts as such a middle name
        assertThat(score("Muhammad Karim Haddad", "HADDAD, Karim")).isCloseTo(88.0, within(0.01));
        assertThat(similarity.explain(name("Karim Yusuf Haddad"), name("HADDAD, Karim")))
                .anySatisfy(t -> assertThat(t.method()).isEqualTo(TokenMatchMethod.DROPPED_MIDDLE));
    }

    @Test
    void score_aTribalNameInsideTheName_isDroppedLikeAMiddleName() {
        // albu (Al Bu, house of) opens a tribal name: a particle, and the name after it may be dropped however short
        assertThat(similarity.explain(name("Nawfal Hamadi Albu Nasr Sultan"), name("SULTAN, Nawfal Hamadi")))
                .anySatisfy(t -> assertThat(t.method()).isEqualTo(TokenMatchMethod.DROPPED_MIDDLE));
        assertThat(score("Nawfal Hamadi Albu Nasr Sultan", "SULTAN, Nawfal Hamadi")).isGreaterThan(85);
    }

    @Test
    void score_aSpanishMarriedNameAgainstTheMaidenName_countsBothAtHalfTheirWeight() {
        // her father's and mother's family names against her father's, de and her husband's: the unmatched names
        // at half their weight on both sides (73.9 without the rule)
        assertThat(score("Rosario Maria Murillo Zambrana", "MURILLO DE ORTEGA, Rosario Maria")).isBetween(83.0, 90.0);
        assertThat(similarity.explain(name("Rosario Maria Murillo Zambrana"), name("MURILLO DE ORTEGA, Rosario Maria")))
                .anySatisfy(t -> assertThat(t.method()).isEqualTo(TokenMatchMethod.MARRIED_NAME));
        // the married name alone dropped, and the other way round
        assertThat(score("Rosario Maria Murillo", "MURILLO DE ORTEGA, Rosario Maria")).isGreaterThan(90);
        assertThat(score("Rosario Maria Murillo de Ortega", "MURILLO ZAMBRANA, Rosario Maria")).isGreaterThan(80);
        assertThat(similarity.explain(name("Rosario Maria Murillo de Ortega"), name("MURILLO ZAMBRANA, Rosario Maria")))
                .anySatisfy(t -> assertThat(t.method()).isEqualTo(TokenMatchMethod.MARRIED_NAME));
        // her husband's family name is not her father's: no rule
        assertThat(similarity.explain(name("Rosario Maria Ortega Zambrana"), name("MURILLO DE ORTEGA, Rosario Maria")))
                .noneSatisfy(t -> assertThat(t.method()).isEqualTo(TokenMatchMethod.MARRIED_NAME));
        // a second family name alone, on the list's side, still tells two people apart (0.6 + 0.4 x 2/3)
        assertThat(score("Javier Hernandez", "HERNANDEZ GARCIA, Javier")).isCloseTo(86.67, within(0.01));
    }

    @Test
    void score_aDroppedSecondFamilyNameCostsNoMoreThanTheMatchedNamesWeigh() {
        // a rare second family name (weight 4) against a married name costs what a common one (weight 1) does: both
        // are taken at most at the mean weight of the matched names, 0.867
        ScorableName rare = ScorableName.of(normalizer.normalize("Rosario Maria Murillo Zyxwvut", true),
                token -> token.text().equals("zyxwvut") ? 4f : 1f, normalizer);
        assertThat(similarity.score(rare, name("MURILLO DE ORTEGA, Rosario Maria")))
                .isCloseTo(score("Rosario Maria Murillo Zambrana", "MURILLO DE ORTEGA, Rosario Maria"), within(1e-9));
        // a rare middle name keeps its weight (middle names are given names, as rare as the matched ones):
        // 0.6 x 2 / (2 + 0.5 x 4) + 0.4
        ScorableName middle = ScorableName.of(normalizer.normalize("Karim Zyxwvut Haddad", true),
                token -> token.text().equals("zyxwvut") ? 4f : 1f, normalizer);
        assertThat(similarity.score(middle, name("HADDAD, Karim"))).isCloseTo(70.0, within(0.01));
    }

    @Test
    void score_middleNamesDifferingOnBothSides_shortTokensOrAFamilyNameOnly_getNoReduction() {
        // another father's name on each side: both unmatched, the plain score (0.6 x 2/3 + 0.4 x 2 / 2.8, the
        // listed middle name at its role's share 0.8)
        assertThat(score("Karim Yusuf Haddad", "HADDAD, Karim Ahmad")).isCloseTo(68.57, within(0.01));
        assertThat(similarity.explain(name("Karim Yusuf Haddad"), name("HADDAD, Karim Ahmad")))
                .noneSatisfy(t -> assertThat(t.method()).isEqualTo(TokenMatchMethod.DROPPED_MIDDLE));
        // a short inner token is half of an East Asian given name: 0.6 + 0.4 x 2/3
        assertThat(score("Li Hong", "LI, Hong Ri")).isCloseTo(86.67, within(0.01));
        // and so is a Korean syllable however long it is written (chang, keyed 창)
        assertThat(similarity.explain(name("Son Chang-min"), name("SON, Min")))
                .noneSatisfy(t -> assertThat(t.method()).isEqualTo(TokenMatchMethod.DROPPED_MIDDLE));
        // the list name has no given name of its own: the query adds a given name, not a middle name
        assertThat(similarity.explain(name("Ahmed Al-Shammari"), name("AL-SHAMMARI")))
                .noneSatisfy(t -> assertThat(t.method()).isEqualTo(TokenMatchMethod.DROPPED_MIDDLE));
    }

    @Test
    void aCompoundFamilyNameWrittenBothApartAndJoined_weighsNothingTheSecondTime() {
        // ABAKHALIL writes Aba and Khalil as one word: the name holds nothing the listed one lacks
        ScorableName query = name("Faisal Omar Aba Khalil ABAKHALIL");
        assertThat(query.weight(4)).isZero();
        assertThat(similarity.score(query, name("KHALIL, Faisal Omar Aba"))).isCloseTo(100.0, within(0.01));
        // the same word spelled by another romanization of its vowels: same first letter, same consonants
        assertThat(name("Faisal Omar Aba Khalil ABUKHALEEL").weight(4)).isZero();
        // another word is not a repeat, however long: it keeps its weight and costs the score
        assertThat(name("Faisal Omar Aba Khalil ABAKHALID").weight(4)).isPositive();
        assertThat(score("Faisal Omar Aba Khalil ABAKHALID", "KHALIL, Faisal Omar Aba")).isCloseTo(87.5, within(0.01));
        // nor are two words of which one is not in the name
        assertThat(name("Faisal Omar Khalil ABAKHALIL").weight(3)).isPositive();
    }

    @Test
    void joinedPair_ofLatinSpellings_needsMoreThanTheirConsonants() {
        // monakhalil and mayaniquel share their consonants (m n k l), but neither is written in Arabic script
        assertThat(score("Mona Khalil", "MAYANIQUEL")).isLessThan(50);
        // a single Latin token still agrees by its consonants where one side has q, kh or dh (KATARJI / QATIRJI)
        assertThat(tokenSimilarity("qatirji", "katarji")).isEqualTo(RomanizedTokenSimilarity.LATIN_CONSONANTS);
    }

    @Test
    void arabicScript_dhalAndTha_meetTheirPersianAndLevantineSpellings() {
        // نذير is Nadhir in Arabic romanizations, Nazir where ذ is spoken z (Persian, Dari, Pashto, Urdu, Levantine)
        assertThat(score("نذير", "NAZIR")).isGreaterThan(83);
        assertThat(score("نذير", "NADHIR")).isGreaterThan(83);
        assertThat(score("ثابت", "SABIT")).isGreaterThan(83);
        // ض and ظ, spoken z in Persian, Dari, Pashto and Urdu: Qazi and Qadi, Zafar and Dhafar
        assertThat(score("قاضی", "QAZI")).isGreaterThan(83);
        assertThat(score("قاضی", "QADI")).isGreaterThan(83);
        assertThat(score("ظفر", "ZAFAR")).isGreaterThan(83);
        // ز is z only, د d only
        assertThat(score("نزير", "NADIR")).isLessThan(72);
        // and two Latin spellings of such a name meet through the name lexicon (name-equivalents.tsv)
        assertThat(tokenSimilarity("nadhir", "nazir")).isGreaterThanOrEqualTo(0.95);
        assertThat(tokenSimilarity("ramadhan", "ramazan")).isGreaterThanOrEqualTo(0.95);
        assertThat(tokenSimilarity("qazi", "qadi")).isGreaterThanOrEqualTo(0.95);
    }

    private ScorableName organization(String text) {
        return ScorableName.of(normalizer.normalize(text, false), TokenWeights.uniform(), normalizer);
    }

    @Test
    void organization_aWordAddedInsideTheListedName_countsAtHalfItsWeight() {
        // every listed word matched, VOLGA added between them: 0.6 x 2 / (2 + 0.5) + 0.4 = 0.88 (80.0 without)
        ScorableName listed = organization("ALMAZ KAZAN TRADING COMPANY");
        ScorableName query = organization("ALMAZ VOLGA KAZAN TRADING COMPANY");
        assertThat(similarity.score(query, listed)).isGreaterThan(83);
        assertThat(similarity.explain(query, listed))
                .anySatisfy(t -> assertThat(t.method()).isEqualTo(TokenMatchMethod.INSERTED_WORD));
        // a word added before the name, or a listed word missing, is no such insertion
        assertThat(similarity.explain(organization("VOLGA ALMAZ KAZAN TRADING COMPANY"), listed))
                .noneSatisfy(t -> assertThat(t.method()).isEqualTo(TokenMatchMethod.INSERTED_WORD));
        assertThat(similarity.explain(organization("ALMAZ VOLGA TRADING COMPANY"), listed))
                .noneSatisfy(t -> assertThat(t.method()).isEqualTo(TokenMatchMethod.INSERTED_WORD));
        // a listed name with one distinctive word says too little for it: ALMAZ TRADING is not ALMAZ VOLGA TRADING
        assertThat(similarity.explain(organization("ALMAZ VOLGA TRADING COMPANY"), organization("ALMAZ TRADING COMPANY")))
                .noneSatisfy(t -> assertThat(t.method()).isEqualTo(TokenMatchMethod.INSERTED_WORD));
    }

    @Test
    void score_aDroppedMiddleNameWithAnInitial_countsBothAtHalfTheirWeight() {
        // ALSEHRI, Waleed Abdullah M.: the query lacks the middle name and the initial (both inner, listed)
        double withInitial = score("Walid Al Sehri", "ALSEHRI, Waleed Abdullah M.");
        assertThat(withInitial).isGreaterThan(83);
        assertThat(similarity.explain(name("Walid Al Sehri"), name("ALSEHRI, Waleed Abdullah M.")))
                .anySatisfy(t -> assertThat(t.method()).isEqualTo(TokenMatchMethod.DROPPED_MIDDLE));
        // an initial beside a given name that differs still gets nothing
        assertThat(similarity.explain(name("Walid Karim Al Sehri"), name("ALSEHRI, Waleed Abdullah M.")))
                .noneSatisfy(t -> assertThat(t.method()).isEqualTo(TokenMatchMethod.DROPPED_MIDDLE));
    }

    @Test
    void score_aLongerNasabChainInArabicScript_dropsItsLinksAtHalfTheirWeight() {
        // Ali bin Yusuf bin Muhammad SHARARA written in Arabic script, against the listed SHARARA, 'Ali Yusuf: the
        // connectors and the grandfather's name are links of the chain; the family name agrees by its consonants
        assertThat(similarity.explain(name("علي بن يوسف بن محمد شرارة"), name("SHARARA, 'Ali Yusuf")))
                .anySatisfy(t -> assertThat(t.method()).isEqualTo(TokenMatchMethod.DROPPED_MIDDLE));
        assertThat(score("علي بن يوسف بن محمد شرارة", "SHARARA, 'Ali Yusuf")).isCloseTo(82.36, within(0.01));
        // a short name that is no link of a chain is still not dropped (Li Hong / LI, Hong Ri above)
        assertThat(NameSimilarity.droppable(name("Ali bin Yusuf Sharara"), 2)).isTrue();
        assertThat(NameSimilarity.droppable(name("Ali bin Yusuf Sharara"), 1)).isTrue();
        assertThat(NameSimilarity.droppable(name("Li Hong Ri"), 1)).isFalse();
    }

    @Test
    void score_vowelLessSpellingOfAFourLetterName_matchesAsOneEdit() {
        // yasr / yasir: one vowel between two consonants
        assertThat(score("Yasr Aziz ABAS", "'ABBAS, Yasir 'Aziz")).isGreaterThan(90);
        assertThat(new RomanizedTokenSimilarity().similarity(normalizer.token("yasr"), normalizer.token("yasir")))
                .isEqualTo(RomanizedTokenSimilarity.ONE_EDIT);
        // a vowel beside a vowel, or at an end, is another name: hong / hoang, omar / omara
        assertThat(new RomanizedTokenSimilarity().similarity(normalizer.token("hong"), normalizer.token("hoang")))
                .isZero();
        assertThat(RomanizedTokenSimilarity.vowelInserted("omar", "omara")).isFalse();
        assertThat(RomanizedTokenSimilarity.vowelInserted("ahmd", "ahmad")).isTrue();
        assertThat(RomanizedTokenSimilarity.vowelInserted("yasr", "yaser")).isTrue();
        assertThat(RomanizedTokenSimilarity.vowelInserted("yasr", "yasrr")).isFalse();
        assertThat(RomanizedTokenSimilarity.vowelInserted("bakr", "abakr")).isFalse();
    }

    @Test
    void score_aFiveLetterNameTypedWithALetterLeftOut_matchesBelowOneEdit() {
        RomanizedTokenSimilarity tokens = new RomanizedTokenSimilarity();
        // ahma / ahmad, kari / karim, hote / hotel: a letter left out, not the first
        for (String[] pair : new String[][] {{"ahma", "ahmad"}, {"kari", "karim"}, {"hote", "hotel"}, {"awar", "anwar"}}) {
            assertThat(tokens.similarity(normalizer.token(pair[0]), normalizer.token(pair[1]))).as(pair[0])
                    .isEqualTo(RomanizedTokenSimilarity.LETTER_DROPPED);
        }
        assertThat(score("YIGIT, Faru", "YIGIT, Faruk")).isGreaterThan(90);
        // another name, not a typo: a final vowel (amir / amira), a vowel beside a vowel (dina / diana), the g of a
        // final ng (jian / jiang), an h after a consonant (than / thanh), the first letter (omar / gomar)
        for (String[] pair : new String[][] {{"amir", "amira"}, {"dina", "diana"}, {"jian", "jiang"},
                {"than", "thanh"}, {"omar", "gomar"}}) {
            assertThat(tokens.similarity(normalizer.token(pair[0]), normalizer.token(pair[1]))).as(pair[0]).isZero();
        }
    }

    @Test
    void score_aNameWrittenTwiceInOneValue_isThatName() {
        ScorableName twice = ScorableName.of(normalizer.normalize(
                "PJSC SBERBANK (PUBLIC JOINT-STOCK COMPANY SBERBANK)", false), TokenWeights.uniform(), normalizer);
        ScorableName listed = ScorableName.of(normalizer.normalize("PJSC SBERBANK", false), TokenWeights.uniform(),
                normalizer);
        assertThat(similarity.score(twice, listed)).isEqualTo(100.0, within(1e-9));
    }

    @Test
    void score_sharedCommonSurnameOnly_isLow() {
        // Kim Min Jun shares only "kim" with KIM Su Gil: 1/3 of each side → 33.3
        assertThat(score("Kim Min-jun", "KIM, Su Gil")).isCloseTo(33.33, within(0.01));
    }

    @Test
    void score_unmatchedQueryTokensCostMoreThanUnmatchedListTokens() {
        double queryHasExtra = score("Ali Hassan Mahmoud", "Ali Hassan");
        double listHasExtra = score("Ali Hassan", "Ali Hassan Mahmoud");
        assertThat(listHasExtra).isGreaterThan(queryHasExtra);
        assertThat(queryHasExtra).isCloseTo(100 * (0.6 * 2 / 3 + 0.4), within(0.01));
    }

    @Test
    void score_twoKoreanSyllablesOneLetterApart_areTwoSyllables() {
        // kwang (광) and hwang (황) share no key: no spelling similarity between them; a misspelled syllable that is
        // no syllable (kwamg) still matches by spelling
        RomanizedTokenSimilarity tokens = new RomanizedTokenSimilarity();
        assertThat(tokens.similarity(normalizer.token("kwang"), normalizer.token("hwang"))).isZero();
        assertThat(tokens.similarity(normalizer.token("kwamg"), normalizer.token("kwang"))).isPositive();
        assertThat(score("Nam Kwang Myong", "HWANG, Kyong Nam")).isLessThan(50);
    }

    @Test
    void score_genderedFormsAndLookAlikeEndings_areNotSpellingVariants() {
        RomanizedTokenSimilarity tokens = new RomanizedTokenSimilarity();
        // a final a/o: the feminine and masculine of a name
        assertThat(tokens.similarity(normalizer.token("fernanda"), normalizer.token("fernando"))).isZero();
        assertThat(tokens.similarity(normalizer.token("fernadno"), normalizer.token("fernando"))).isPositive();
        // two edits need the same first letter (c, k and q alike)
        assertThat(tokens.similarity(normalizer.token("shevchenko"), normalizer.token("khavchenko"))).isZero();
        assertThat(tokens.similarity(normalizer.token("constantine"), normalizer.token("konstantin"))).isPositive();
    }

    @Test
    void score_shortTokensNeverFuzzyMatch() {
        assertThat(score("Kin", "Kim")).isZero();
    }

    @Test
    void score_digitsMustAgree() {
        // only the generic word "trading" matches, and it keeps 0.7 of its weight (name-part-roles.tsv)
        assertThat(score("Trading 2", "Trading 3")).isCloseTo(100 * 0.7 / 1.7, within(0.01));
    }

    @Test
    void score_typoInALongToken_fuzzyMatches() {
        assertThat(score("Nasrallah Hasan", "NASRALAH, Hasan")).isGreaterThan(95);
    }

    @Test
    void explain_listsEveryPairThenUnmatchedListTokens() {
        List<TokenMatch> pairs = similarity.explain(name("Choi Cheol-min"), name("CHOE, Chol Min Ho"));
        assertThat(pairs).extracting(TokenMatch::queryToken).containsExactly("choi", "cheol", "min", null);
        assertThat(pairs).extracting(TokenMatch::listToken).containsExactly("choe", "chol", "min", "ho");
        assertThat(pairs).extracting(TokenMatch::method).containsExactly(TokenMatchMethod.ROMANIZATION,
                TokenMatchMethod.ROMANIZATION, TokenMatchMethod.EXACT, TokenMatchMethod.UNMATCHED_LIST);
    }

    @Test
    void explain_joinedPair_isShownAsOnePair() {
        List<TokenMatch> pairs = similarity.explain(name("Cheolmin Choi"), name("CHOE, Chol Min"));
        assertThat(pairs).anySatisfy(p -> {
            assertThat(p.queryToken()).isEqualTo("cheolmin");
            assertThat(p.listToken()).isEqualTo("chol min");
            assertThat(p.method()).isEqualTo(TokenMatchMethod.JOINED);
        });
    }

    @Test
    void score_longNames_useTheGreedyPairingAndStayBounded() {
        String longName = "a1 b2 c3 d4 e5 f6 g7 h8 i9 j10 k11 l12";
        assertThat(score(longName, longName)).isEqualTo(100.0, within(1e-9));
    }
}
