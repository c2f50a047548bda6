package io.vigil.registry.match.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.registry.model.ReferenceData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NormalizationDataTests {

    private static final Pattern TOKEN = Pattern.compile("[a-z]+");
    private static final Pattern WORDS = Pattern.compile("[a-z]+( [a-z]+)*");

    private static List<List<String>> korean() {
        return ReferenceData.rows(DataAnchor.class, "korean-syllables.tsv", 3);
    }

    private static List<List<String>> equivalents() {
        return ReferenceData.rows(DataAnchor.class, "name-equivalents.tsv", 3);
    }

    private static List<List<String>> tokenRules() {
        return ReferenceData.rows(DataAnchor.class, "token-rewrites.tsv", 3);
    }

    private static List<List<String>> nameRules() {
        return ReferenceData.rows(DataAnchor.class, "name-rewrites.tsv", 3);
    }

    private static List<String> variants(List<String> row) {
        return List.of(row.get(2).split(" "));
    }

    private static Map<String, List<String>> koreanBySyllable() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (List<String> row : korean()) {
            map.put(row.get(0), variants(row));
        }
        return map;
    }

    /** Applies rules in file order, each to the result of the previous one, the way the headers describe. */
    private static String apply(List<List<String>> rules, String text) {
        String s = text;
        for (List<String> rule : rules) {
            s = Pattern.compile(rule.get(0)).matcher(s).replaceAll(rule.get(1));
        }
        return s;
    }

    private static String key(String token) {
        return apply(tokenRules(), token);
    }

    private static String canonicalName(String name) {
        return apply(nameRules(), name);
    }

    @Test
    void koreanSyllables_everyRow_isOneUniqueHangulSyllableWithValidRoleAndTokens() {
        // given the Korean syllable table
        List<List<String>> rows = korean();

        // when / then
        Set<String> seen = new HashSet<>();
        for (List<String> row : rows) {
            String hangul = row.get(0);
            assertThat(hangul.codePointCount(0, hangul.length())).as("row %s", row).isEqualTo(1);
            assertThat(hangul.codePointAt(0)).as("row %s", row).isBetween(0xAC00, 0xD7A3);
            assertThat(seen.add(hangul)).as("duplicate syllable %s", hangul).isTrue();
            assertThat(row.get(1)).as("row %s", row).isIn("surname", "given", "both");
            List<String> variants = variants(row);
            assertThat(variants).as("row %s", row).isNotEmpty().doesNotHaveDuplicates()
                    .allMatch(v -> TOKEN.matcher(v).matches());
        }
    }

    @Test
    void koreanSyllables_coverage_meetsMinimums() {
        // given the Korean syllable table
        List<List<String>> rows = korean();

        // when
        long surnames = rows.stream().filter(r -> !r.get(1).equals("given")).count();
        long given = rows.stream().filter(r -> !r.get(1).equals("surname")).count();

        // then
        assertThat(surnames).isGreaterThanOrEqualTo(80);
        assertThat(given).isGreaterThanOrEqualTo(300);
        Set<String> syllables = koreanBySyllable().keySet();
        for (String s : ("김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 전 홍 고 문 양 손 배 백 허 유 남 심 노 하 곽 성 "
                + "차 주 우 구 민 진 나 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 선 설 마 길 연 위 표 명 기 반 왕 금 옥 육 "
                + "인 맹 제 모 탁 국 어 은 편 용 리 로 려 라 림").split(" ")) {
            assertThat(syllables).as("surname %s", s).contains(s);
        }
    }

    @Test
    void koreanSyllables_knownTestCases_carryTheirSpellings() {
        // given the Korean syllable table
        Map<String, List<String>> map = koreanBySyllable();

        // when / then
        assertThat(map.get("최")).contains("choe", "choi", "chwe", "choy");
        assertThat(map.get("철")).contains("chol", "cheol", "chul");
        assertThat(map.get("민")).contains("min");
        assertThat(map.get("전")).contains("jon", "chon", "jeon", "jun", "chun");
        assertThat(map.get("일")).contains("il");
        assertThat(map.get("호")).contains("ho");
        assertThat(map.get("유")).contains("yu", "yoo", "you");
        assertThat(map.get("류")).contains("ryu", "yu", "yoo", "you", "ryoo");
        assertThat(map.get("진")).contains("jin", "chin");
        assertThat(map.get("김")).contains("kim", "gim");
        assertThat(map.get("수")).contains("su", "soo");
        assertThat(map.get("길")).contains("gil", "kil");
        assertThat(map.get("은")).contains("un", "eun");
        assertThat(map.get("정")).contains("jong", "chong", "jung", "chung", "jeong");
        assertThat(map.get("종")).contains("jong", "chong");
        assertThat(map.get("준")).contains("jun", "joon", "chun");
        assertThat(map.get("박")).contains("pak", "park", "bak");
        assertThat(map.get("리")).contains("ri", "rhee", "lee", "yi");
        assertThat(map.get("이")).contains("ri", "rhee", "lee", "yi", "i", "ee");
        assertThat(map.get("현")).contains("hyon", "hyeon", "hyun");
        assertThat(map.get("영")).contains("yong", "yeong", "young");
        assertThat(map.get("림")).contains("rim", "im", "lim", "yim");
        assertThat(map.get("임")).contains("rim", "im", "lim", "yim");
        assertThat(map.get("라")).contains("ra", "na", "la");
        assertThat(map.get("복")).contains("bok", "pok");
        assertThat(map.get("동")).contains("dong", "tong");
        assertThat(map.get("룡")).contains("ryong", "yong");
        assertThat(map.get("택")).contains("taek", "thaek");
    }

    @Test
    void nameEquivalents_everyRow_isWellFormedAndCanonicalIsAVariant() {
        // given the name-equivalents table
        List<List<String>> rows = equivalents();

        // when / then
        Set<String> canonicals = new HashSet<>();
        Map<String, Integer> perLanguage = new HashMap<>();
        for (List<String> row : rows) {
            assertThat(row.get(0)).as("row %s", row).isIn("arabic", "persian", "russian", "chinese", "other",
                    "org");
            assertThat(row.get(1)).as("row %s", row).matches(TOKEN);
            assertThat(canonicals.add(row.get(0) + ":" + row.get(1))).as("duplicate canonical %s", row).isTrue();
            List<String> variants = variants(row);
            assertThat(variants).as("row %s", row).contains(row.get(1)).doesNotHaveDuplicates()
                    .allMatch(v -> TOKEN.matcher(v).matches());
            perLanguage.merge(row.get(0), 1, Integer::sum);
        }
        assertThat(perLanguage.get("arabic") + perLanguage.get("persian")).isGreaterThanOrEqualTo(120);
        assertThat(perLanguage.get("russian")).isGreaterThanOrEqualTo(80);
        assertThat(perLanguage.get("chinese")).isGreaterThanOrEqualTo(30);
    }

    @Test
    void nameEquivalents_sharedSpellings_onlyTheDocumentedOnesOutsideChinese() {
        // given the name-equivalents table without the Chinese lines (Cantonese/Hokkien spellings are shared) and
        // the organization words (an English word translates several Arabic and Persian ones: company is sharikat
        // and sherkat, organization tanzim, munazzama and sazman)
        Map<String, List<String>> lines = new HashMap<>();
        for (List<String> row : equivalents()) {
            if (!row.get(0).equals("chinese") && !row.get(0).equals("org")) {
                for (String v : variants(row)) {
                    lines.computeIfAbsent(v, k -> new ArrayList<>()).add(row.get(1));
                }
            }
        }

        // when
        Map<String, List<String>> shared = new HashMap<>(lines);
        shared.values().removeIf(l -> l.size() < 2);

        // then: said is both Sa'id (saeed) and Sayyid; kamel both Kamal and Kamil
        assertThat(shared).containsOnlyKeys("said", "kamel");
    }

    @Test
    void nameEquivalents_requiredNames_areGrouped() {
        // given the name-equivalents table
        Map<String, List<String>> byCanonical = new HashMap<>();
        for (List<String> row : equivalents()) {
            byCanonical.put(row.get(1), variants(row));
        }

        // when / then
        assertThat(byCanonical.get("muhammad")).contains("mohammed", "mohammad", "mohamed", "muhammed", "mohamad",
                "mohamud", "mohd", "mhd", "mahomed", "muhamed");
        assertThat(byCanonical.get("husayn")).contains("hussein", "hussain", "husain", "hosein", "hossein");
        assertThat(byCanonical.get("abdallah")).contains("abdullah", "abdulla", "abdellah");
        assertThat(byCanonical.get("qasim")).contains("kassem", "qassem", "ghasem", "kasim");
        assertThat(byCanonical.get("aleksandr")).contains("alexander", "alexandr", "aleksander", "oleksandr");
        assertThat(byCanonical.get("yevgeny")).contains("evgeny", "evgeniy", "yevgeniy", "evgenii");
        assertThat(byCanonical.get("dmitry")).contains("dmitri", "dmitriy", "dmitrii");
        assertThat(byCanonical.get("zhang")).contains("chang", "cheung");
        assertThat(byCanonical.get("wang")).contains("wong");
        assertThat(byCanonical.get("chen")).contains("chan");
    }

    @Test
    void tokenRewrites_rules_compileAndKeysJoinDocumentedSpellings() {
        // given the token rewrite rules
        List<List<String>> rules = tokenRules();

        // when / then
        assertThat(rules).hasSizeBetween(15, 60);
        for (List<String> rule : rules) {
            Pattern.compile(rule.get(0));
            assertThat(rule.get(1)).as("rule %s", rule).matches("[a-z$0-9]+");
            assertThat(rule.get(2)).as("rule %s", rule).isNotBlank();
        }
        assertThat(key("yevgeniy")).isEqualTo(key("evgeny")).isEqualTo(key("evgenii")).isEqualTo(key("evgenij"))
                .isEqualTo("evgeny");
        assertThat(key("dmitri")).isEqualTo(key("dmitriy")).isEqualTo(key("dmitrii")).isEqualTo(key("dmitry"));
        assertThat(key("iurii")).isEqualTo(key("yuri")).isEqualTo(key("yury"));
        assertThat(key("aleksei")).isEqualTo(key("alexey")).isEqualTo(key("aleksej"));
        assertThat(key("nikolai")).isEqualTo(key("nikolay"));
        assertThat(key("natalia")).isEqualTo(key("natalya")).isEqualTo(key("nataliya"));
        assertThat(key("viacheslav")).isEqualTo(key("vyacheslav"));
        assertThat(key("fyodor")).isEqualTo(key("fedor")).isEqualTo(key("fiodor"));
        assertThat(key("shcherbakov")).isEqualTo(key("shherbakov")).isEqualTo(key("scherbakov"));
        assertThat(key("gorbatchev")).isEqualTo(key("gorbachev"));
        assertThat(key("mikhail")).isEqualTo(key("mihail"));
        assertThat(key("hussein")).isEqualTo(key("husayn")).isEqualTo(key("husain")).isEqualTo(key("hussain"));
        assertThat(key("faysal")).isEqualTo(key("faisal")).isEqualTo(key("feisal"));
        assertThat(key("mahmoud")).isEqualTo(key("mahmood")).isEqualTo(key("mahmud"));
        assertThat(key("mustapha")).isEqualTo(key("mustafa"));
        assertThat(key("mohammed")).isEqualTo(key("mohamed"));
        assertThat(key("djafar")).isEqualTo(key("jafar"));
        assertThat(key("jawad")).isEqualTo(key("javad"));
        assertThat(key("qasim")).isEqualTo(key("kasim"));
        assertThat(key("hamzah")).isEqualTo(key("hamza"));
        assertThat(key("oualid")).isEqualTo(key("walid"));
        assertThat(key("helbaoui")).isEqualTo(key("helbawi"));
        assertThat(key("sadegh")).isEqualTo(key("sadeq"));
        assertThat(key("jundiyya")).isEqualTo(key("jundiyah"));
        assertThat(key("koutmeh")).isEqualTo(key("qutmah"));
        assertThat(key("hadouane")).isEqualTo(key("hadwan"));
        assertThat(key("hanaa")).isEqualTo(key("hana"));
        assertThat(key("louis")).isEqualTo(key("luis"));
        assertThat(key("aleksandr")).isNotEqualTo(key("mohammed"));
        assertThat(key("ali")).isEqualTo("ali");
        assertThat(key("yi")).isEqualTo("yi");
    }

    @Test
    void nameRewrites_abdCompounds_becomeAbdulPlusName() {
        // given the whole-name rewrite rules
        for (List<String> rule : nameRules()) {
            Pattern.compile(rule.get(0));
        }

        // when / then
        for (String name : List.of("abd al rahman", "abdul rahman", "abdel rahman", "abd el rahman", "abdur rahman",
                "abdulrahman", "abdurrahman", "abdelrahman", "abd ar rahman", "abd alrahman", "abd rahman")) {
            assertThat(canonicalName(name)).as(name).isEqualTo("abdul rahman");
        }
        assertThat(canonicalName("abd al aziz")).isEqualTo("abdul aziz");
        assertThat(canonicalName("abdelaziz bouteflika")).isEqualTo("abdul aziz bouteflika");
        assertThat(canonicalName("abdel kader")).isEqualTo("abdul kader");
        assertThat(canonicalName("abdelkader")).isEqualTo("abdul kader");
        assertThat(canonicalName("abdussalam")).isEqualTo("abdul salam");
        assertThat(canonicalName("abdolreza")).isEqualTo("abdul reza");
        assertThat(canonicalName("abd allah")).isEqualTo("abdullah");
    }

    @Test
    void nameRewrites_abdullahAndOrdinaryNames_areUnchanged() {
        // given names that merely start like the compounds
        List<String> names = List.of("abdullah", "abdallah", "abdulla", "abdullahi", "abdulahi", "abdulai",
                "abdoulaye", "abdellah", "abdollah", "ali", "alam", "adnan", "asad", "abdi", "abdo", "abdou", "abdel",
                "abdul", "abdulov", "abdullaev", "abdurakhmanov", "abdulin", "an nam chol", "kim jong un",
                "geraldine", "haddin", "baldin", "ahmed el masri", "abu bakr al baghdadi", "ayman al zawahiri");

        // when / then
        for (String name : names) {
            assertThat(canonicalName(name)).as(name).isEqualTo(name);
        }
    }

    @Test
    void nameRewrites_articleAndDin_areCanonicalized() {
        // given names with the assimilated article and al-Din

        // when / then
        assertThat(canonicalName("ar rahman")).isEqualTo("al rahman");
        assertThat(canonicalName("as sayed")).isEqualTo("al sayed");
        assertThat(canonicalName("ad din")).isEqualTo("al din");
        assertThat(canonicalName("ash shishani")).isEqualTo("al shishani");
        assertThat(canonicalName("an nahyan")).isEqualTo("al nahyan");
        assertThat(canonicalName("habib ur rahman")).isEqualTo("habib al rahman");
        for (String din : List.of("uddin", "eddin", "addin", "aldin", "eddine")) {
            assertThat(canonicalName(din)).as(din).isEqualTo("al din");
        }
        assertThat(canonicalName("salahuddin")).isEqualTo("salah al din");
        assertThat(canonicalName("noureddine")).isEqualTo("nour al din");
        assertThat(canonicalName("nour eddine")).isEqualTo("nour al din");
        assertThat(canonicalName("nasir ud din")).isEqualTo("nasir al din");
    }

    @Test
    void honorifics_everyRow_isLowercaseWordsWithoutGivenNames() {
        // given the honorifics table
        List<List<String>> rows = ReferenceData.rows(DataAnchor.class, "honorifics.tsv", 2);

        // when
        List<String> words = rows.stream().map(r -> r.get(0)).toList();

        // then
        assertThat(words).doesNotHaveDuplicates().allMatch(w -> WORDS.matcher(w).matches())
                .contains("mr", "dr", "sheikh", "haji", "mullah", "mawlawi", "general", "colonel", "lt", "gospodin")
                .doesNotContain("sayyid", "said", "sayed", "sharif", "amir", "sultan", "khan", "hon");
        assertThat(rows).allMatch(r -> !r.get(1).isBlank());
    }

    @Test
    void legalForms_everyRow_hasUpperClassAndWellFormedUniqueVariants() {
        // given the legal-forms table
        List<List<String>> rows = ReferenceData.rows(DataAnchor.class, "legal-forms.tsv", 3);

        // when / then
        Map<String, String> classOf = new HashMap<>();
        Set<String> classes = new HashSet<>();
        for (List<String> row : rows) {
            assertThat(row.get(0)).as("row %s", row).matches("[A-Z]+");
            assertThat(classes.add(row.get(0))).as("duplicate class %s", row.get(0)).isTrue();
            for (String v : row.get(1).split("\\|", -1)) {
                assertThat(v).as("class %s", row.get(0)).matches(WORDS);
                assertThat(classOf.put(v, row.get(0))).as("variant %s in two classes", v).isNull();
            }
        }
        assertThat(classes).contains("LTD", "LLC", "JSC", "PLC", "INC", "CORP", "CO", "GMBH", "AG", "SA", "SARL", "BV",
                "NV", "SPA", "SRL", "KG", "OY", "AB", "AS", "PTE", "PTY", "FZE", "FZCO", "LLP", "LP");
        assertThat(classOf).containsEntry("ooo", "LLC").containsEntry("tov", "LLC").containsEntry("oao", "JSC")
                .containsEntry("zao", "JSC").containsEntry("pao", "JSC").containsEntry("jusighoesa", "JSC")
                .containsEntry("you xian gong si", "LTD").containsEntry("youxian gongsi", "LTD")
                .containsEntry("sherkat", "CO").containsEntry("co", "CO").containsEntry("ltd", "LTD")
                .containsEntry("sp z o o", "LLC");
    }
}
