package io.vigil.registry.match.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.registry.model.PartyName;
import io.vigil.registry.testing.SharedLists;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the committed evaluation set of the name-matching engine: formats and sizes always; against the real
 * lists (when ../shared/data/lists is present) that every expected party exists, that no negative is a listed name,
 * and that the generator reproduces the committed files byte for byte.
 */
class EvaluationSetTests {

    static final Path DIR = Path.of("src/test/resources/io/vigil/registry/match/eval");
    private static final String ID = "ofac:\\d+|un:[A-Z]{2}[ie]\\.\\d{3}|uk:\\d+";
    private static final String DOB = "-|\\d{4}|\\d{4}-\\d{2}-\\d{2}";
    private static final String COUNTRY = "-|[A-Z]{2}";
    private static final Set<String> TYPES = Set.of("person", "organization", "vessel", "-");

    @TempDir
    Path tmp;

    private static List<String[]> positives() {
        return EvaluationSetGenerator.readTsv(DIR.resolve("positives.tsv"), "category");
    }

    private static List<String[]> negatives() {
        return EvaluationSetGenerator.readTsv(DIR.resolve("negatives.tsv"), "locale");
    }

    @Test
    void positives_haveSevenWellFormedColumns() {
        // given the committed positives
        List<String[]> rows = positives();

        // then every row is well formed
        assertThat(rows).hasSizeBetween(2000, 3000);
        for (String[] r : rows) {
            String line = String.join("|", r);
            assertThat(r).as(line).hasSize(7);
            assertThat(r[0]).as(line).isIn(EvaluationSetGenerator.CATEGORIES);
            assertThat(r[1]).as(line).isNotBlank().isEqualTo(r[1].strip());
            assertThat(r[2]).as(line).matches(DOB);
            assertThat(r[3]).as(line).matches(COUNTRY);
            assertThat(r[4]).as(line).isIn(TYPES);
            assertThat(r[5]).as(line).matches(ID);
            assertThat(r[6]).as(line).isNotBlank();
        }
    }

    @Test
    void positives_coverEveryCategorySourceAndSeedPerson() {
        // given the committed positives
        List<String[]> rows = positives();

        // when counted per category and per source
        Map<String, Long> perCategory = rows.stream()
                .collect(Collectors.groupingBy(r -> r[0], TreeMap::new, Collectors.counting()));
        Map<String, Long> perSource = rows.stream()
                .collect(Collectors.groupingBy(r -> r[5].substring(0, r[5].indexOf(':')), TreeMap::new,
                        Collectors.counting()));

        // then the spread is the documented one
        assertThat(perCategory.get("alias")).isGreaterThanOrEqualTo(250);
        assertThat(perCategory.get("order")).isGreaterThanOrEqualTo(450);
        assertThat(perCategory.get("romanization")).isGreaterThanOrEqualTo(550);
        assertThat(perCategory.get("typo")).isGreaterThanOrEqualTo(550);
        assertThat(perCategory.get("legal-form")).isGreaterThanOrEqualTo(100);
        assertThat(perCategory.get("script")).isGreaterThanOrEqualTo(100);
        assertThat(perSource.keySet()).containsExactly("ofac"); // the UN and UK-2018 lists are reserved
        assertThat(rows.stream().filter(r -> r[6].startsWith("OFAC non-SDN"))).hasSizeGreaterThan(100);
        for (String seed : List.of("ofac:39496", "ofac:39497", "ofac:39498", "ofac:43598", "ofac:43616")) {
            assertThat(rows.stream().filter(r -> r[5].equals(seed))).as(seed).hasSizeGreaterThanOrEqualTo(4);
        }
        assertThat(rows).anySatisfy(r -> assertThat(String.join("|", r))
                .startsWith("romanization|Choi Cheol-min|1978|-|person|ofac:43598|"));
        assertThat(rows).anySatisfy(r -> assertThat(String.join("|", r)).startsWith("script|최철민|"));
        // half the persons, give or take, carry a date of birth
        long persons = rows.stream().filter(r -> r[4].equals("person")).count();
        long withDob = rows.stream().filter(r -> r[4].equals("person") && !r[2].equals("-")).count();
        assertThat((double) withDob / persons).isBetween(0.3, 0.7);
    }

    @Test
    void positives_typoAndOrderRowsUseNamesOfSeveralTokens() {
        // given the typo and order rows
        List<String[]> rows = positives().stream().filter(r -> r[0].equals("typo") || r[0].equals("order")).toList();

        // then none is a single token
        assertThat(rows).allSatisfy(r -> assertThat(r[1].split("\\s+")).as(r[1]).hasSizeGreaterThan(1));
    }

    @Test
    void negatives_haveSixColumnsAndTheRequiredLocaleShares() {
        // given the committed negatives
        List<String[]> rows = negatives();

        // then formats hold
        assertThat(rows).hasSizeGreaterThanOrEqualTo(5000);
        for (String[] r : rows) {
            String line = String.join("|", r);
            assertThat(r).as(line).hasSize(6);
            assertThat(r[0]).as(line).isIn(EvaluationSetGenerator.LOCALES);
            if (!r[1].matches(".*\\p{IsHangul}.*")) { // Korean writes surname and given name without a space
                assertThat(r[1].split("\\s+")).as(line).hasSizeGreaterThan(1);
            }
            assertThat(r[2]).as(line).matches(DOB);
            assertThat(r[3]).as(line).matches(COUNTRY);
            assertThat(r[4]).as(line).isIn(TYPES);
        }
        assertThat(rows.stream().map(r -> r[1].toLowerCase(java.util.Locale.ROOT)).distinct()).hasSize(rows.size());
        Map<String, Long> perLocale = rows.stream().collect(Collectors.groupingBy(r -> r[0], Collectors.counting()));
        Function<String, Double> share = l -> perLocale.getOrDefault(l, 0L) / (double) rows.size();
        assertThat(share.apply("korean")).isGreaterThanOrEqualTo(0.15);
        assertThat(share.apply("arabic") + share.apply("persian")).isGreaterThanOrEqualTo(0.15);
        assertThat(share.apply("russian")).isGreaterThanOrEqualTo(0.10);
        assertThat(share.apply("chinese")).isGreaterThanOrEqualTo(0.08);
        assertThat(share.apply("spanish")).isGreaterThanOrEqualTo(0.08);
        long companies = rows.stream().filter(r -> r[5].startsWith("company")).count();
        assertThat(companies / (double) rows.size()).isBetween(0.07, 0.13);
        long nonLatin = rows.stream().filter(r -> r[1].codePoints().anyMatch(cp -> Character.isLetter(cp)
                && Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN)).count();
        assertThat(nonLatin / (double) rows.size()).isBetween(0.01, 0.025);
        assertThat(rows).anySatisfy(r -> assertThat(String.join("|", r)).startsWith("korean|Kim Min-jun|1990|KR|"));
    }

    @Test
    void realLists_containEveryExpectedPartyAndNoNegative() throws Exception {
        // given the real lists
        Path root = SharedLists.require("ofac").getParent();
        SharedLists.require("un/consolidated.xml");
        SharedLists.require("uk/sanctionsconlist.csv");
        List<EvaluationSetGenerator.Listed> parties = EvaluationSetGenerator.loadLists(root);
        Set<String> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (EvaluationSetGenerator.Listed l : parties) {
            ids.add(l.party().id());
            for (PartyName n : l.party().names()) {
                keys.add(EvalKeys.key(n.fullName()));
            }
        }

        // then every expected id is a listed OFAC party that no reserved list (UN 2026, UK 2018) holds, and no
        // negative's key is a listed name's key
        Set<String> eligible = new HashSet<>();
        EvaluationSetGenerator.eligible(parties, ReservedParties.read(root), new TreeMap<>())
                .forEach(l -> eligible.add(l.party().id()));
        assertThat(positives()).allSatisfy(r -> assertThat(eligible).as(r[1]).contains(r[5]));
        // and so is every expected party of the hand-written pairs
        assertThat(EvaluationSetGenerator.readTsv(DIR.resolve("written-pairs.tsv"), "kind")).hasSizeGreaterThan(200)
                .allSatisfy(r -> assertThat(eligible).as(r[1]).contains(r[2]));
        assertThat(negatives()).allSatisfy(r -> assertThat(keys).as(r[1]).doesNotContain(EvalKeys.key(r[1])));
        // and generated respellings and typos are not themselves listed names (the hand-picked seed variants such as
        // "Kim Su-gil" may differ from a listed name only by a hyphen, so they are exempt)
        assertThat(positives().stream().filter(r -> r[0].equals("romanization") || r[0].equals("typo"))
                .filter(r -> !r[6].startsWith("OFAC SDN seed person")))
                .allSatisfy(r -> assertThat(keys).as(r[1]).doesNotContain(EvalKeys.key(r[1])));
    }

    @Test
    void generator_reproducesTheCommittedFilesByteForByte() throws Exception {
        // given the real lists
        Path root = SharedLists.require("ofac").getParent();

        // when the generator runs into a temporary directory
        EvaluationSetGenerator.generate(root, DIR, tmp);

        // then both files are identical to the committed ones
        assertThat(Files.readAllBytes(tmp.resolve("positives.tsv")))
                .isEqualTo(Files.readAllBytes(DIR.resolve("positives.tsv")));
        assertThat(Files.readAllBytes(tmp.resolve("negatives.tsv")))
                .isEqualTo(Files.readAllBytes(DIR.resolve("negatives.tsv")));
    }
}
