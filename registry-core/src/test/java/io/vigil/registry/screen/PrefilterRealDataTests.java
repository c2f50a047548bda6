package io.vigil.registry.screen;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.registry.link.PartyLinker;
import io.vigil.registry.link.PartyLinks;
import io.vigil.registry.match.MatchPolicy;
import io.vigil.registry.match.NameMatchers;
import io.vigil.registry.match.index.IndexedRegistry;
import io.vigil.registry.model.Party;
import io.vigil.registry.screen.input.InputFiles;
import io.vigil.registry.screen.input.InputKind;
import io.vigil.registry.screen.sample.SampleGenerator;
import io.vigil.registry.source.ofac.OfacSdnCsvParser;
import io.vigil.registry.testing.SharedLists;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-filter of {@link RecordScreener#screenPrefiltered} on real data: the OFAC SDN of 2024-05-03, an index of
 * only the parties it added or changed since the SDN of 2023-12-28 (pinned to the whole list's token weights, as a
 * lookback and a delta night build it), and generated payments and customers (with listed names planted among
 * them). Every record gets exactly the hits of the unfiltered screen, while most values are skipped. The same holds
 * against the whole list, where few are.
 */
class PrefilterRealDataTests {

    @TempDir
    Path tmp;

    @Test
    void prefilteredScreeningGivesExactlyTheHitsOfTheFullPath_changedPartiesAndWholeList() throws Exception {
        Path olderDir = Files.createDirectories(tmp.resolve("older"));
        Path newerDir = Files.createDirectories(tmp.resolve("newer"));
        Files.copy(SharedLists.require("ofac/sdn.csv"), olderDir.resolve("sdn.csv"));
        Files.copy(SharedLists.require("ofac/2024-05-03/sdn.csv"), newerDir.resolve("sdn.csv"));
        List<Party> older = new OfacSdnCsvParser().parse(olderDir).parties();
        List<Party> newer = new OfacSdnCsvParser().parse(newerDir).parties();
        Map<String, Party> before = new HashMap<>();
        older.forEach(p -> before.put(p.id(), p));
        List<Party> changed = newer.stream().filter(p -> !p.equals(before.get(p.id()))).toList();
        assertThat(changed.size()).isBetween(1_000, 2_000); // 1,256 added and 53 changed, as the benchmark says

        PartyLinks links = new PartyLinker().link(newer);
        IndexedRegistry whole = NameMatchers.prepare(newer, links);
        IndexedRegistry subset = NameMatchers.prepare(changed, links, whole.ownStatistics());
        MatchPolicy policy = MatchPolicy.defaults();

        // payments and customers, listed names of the newer list planted in 2% of them
        List<InputRecord> records = new ArrayList<>();
        Path payments = tmp.resolve("t.csv");
        Path customers = tmp.resolve("c.csv");
        try (Writer w = Files.newBufferedWriter(payments, StandardCharsets.UTF_8)) {
            new SampleGenerator(newer, 20261120, 0.02).writeTransactions(w, 15_000);
        }
        try (Writer w = Files.newBufferedWriter(customers, StandardCharsets.UTF_8)) {
            new SampleGenerator(changed, 7, 0.05).writeCounterparties(w, 15_000);
        }
        read(payments, InputKind.TRANSACTIONS, records);
        read(customers, InputKind.COUNTERPARTIES, records);

        Counts onChanged = compare(new RecordScreener(NameMatchers.indexed(subset, policy), subset,
                EmbargoPolicy.defaults()), records);
        // against few parties a large share of the values is skipped, and the planted names still hit
        assertThat(onChanged.hits).isGreaterThan(100);

        // the bound per list name and per window of free text (list side and query side) skips 64% of the values
        // here (83% of the free texts; 67% before four-letter words reached the five-letter names they may be typed
        // for, vigil-match 1.8); the query side alone, for names only, skipped 37%
        assertThat(onChanged.skipped).isGreaterThan(onChanged.values * 3 / 5);
        assertThat(onChanged.textsSkipped).isGreaterThan(onChanged.texts * 3 / 4);

        // near the bound: a much lower review threshold makes many more list names candidates and hits, so a bound
        // that were not safe would show as a missing hit here
        MatchPolicy low = new MatchPolicy(60, 45);
        Counts onChangedLow = compare(new RecordScreener(NameMatchers.indexed(subset, low), subset,
                EmbargoPolicy.defaults()), records.subList(0, 10_000));
        assertThat(onChangedLow.hits).isGreaterThan(onChanged.hits / 10);

        List<InputRecord> some = records.subList(0, 3_000);
        Counts onWhole = compare(new RecordScreener(NameMatchers.indexed(whole, policy), whole,
                EmbargoPolicy.defaults()), some);
        assertThat(onWhole.hits).isGreaterThan(50);
    }

    @Test
    void prefilter_namesTheNormalizerRewritesOrJoinsAreScreenedAsUsual() {
        List<Party> parties = List.of(
                io.vigil.registry.testing.RegistryFixtures.person("t:1", "ABDUL RAHMAN, Ali", "IQ", null),
                io.vigil.registry.testing.RegistryFixtures.person("t:2", "NUR AL DIN, Mahmoud", "SY", null),
                io.vigil.registry.testing.RegistryFixtures.person("t:3", "KIM, Cholmin", "KP", null),
                io.vigil.registry.testing.RegistryFixtures.organization("t:4", "AL RASHID TRADING COMPANY", "AE"),
                io.vigil.registry.testing.RegistryFixtures.person("t:5", "O'BRIEN, Patrick", "IE", null),
                io.vigil.registry.testing.RegistryFixtures.organization("t:6", "KOREA SOKCHON GENERAL CORPORATION",
                        "KP"),
                io.vigil.registry.testing.RegistryFixtures.person("t:7", "SHARARA, Ali Yusuf", "LB", null),
                io.vigil.registry.testing.RegistryFixtures.person("t:8", "ALSEHRI, Waleed Abdullah M.", "SA", null));
        IndexedRegistry registry = NameMatchers.prepare(parties, PartyLinks.empty());
        RecordScreener screener = new RecordScreener(NameMatchers.indexed(registry, MatchPolicy.defaults()),
                registry, EmbargoPolicy.defaults());
        List<String> values = List.of("Abd al Rahman Ali", "Abdel Rahman Ali", "Nur ad-Din Mahmoud",
                "Nureddin Mahmoud", "Chol Min Kim", "Kim Chol-min", "Ar Rashid Trading Co", "As Rashid Trading",
                "Patrick O'Brien", "OBrien Patrick", "O`Brien Patrick",
                "Golden Harbour Ltd t/a Korea Sokchon General Corporation",
                "Korea Sokchon General Corporation " + "and partners ".repeat(20),
                "Kim Limited Chol Min", "Chol Co Min Kim", "Anna Schmidt", "Mueller Logistics GmbH",
                // a number no list token carries next to a word that reaches (the bound once threw on it)
                "Patrick 4711 Walsh", "Walsh 4711 Patrick Walsh", "Korea 4711 General Trading Corporation",
                "Rashid (Ali) Trading", "Korea Sokchon-General Corporation",
                // a nasab chain and an initial: links the other side drops count at half their weight
                "Ali bin Yusuf bin Muhammad Sharara", "Ali bin Yusuf bin Umar bin Hasan Sharara",
                "Yusuf bin Ali Sharara", "Waleed Alsehri", "Walid M Alsehri", "Waleed Abdullah Alsehri");
        int skipped = 0;
        for (String v : values) {
            for (ScreenedValue sv : List.of(ScreenedValue.name("name", v, null, null, null),
                    ScreenedValue.name("name", v, io.vigil.registry.model.PartyType.INDIVIDUAL, null, null),
                    new ScreenedValue("remittance_info", "payment to " + v + " ref 12", ScreenedValue.Kind.FREE_TEXT,
                            null, null, null))) {
                InputRecord r = new InputRecord(1, "R", List.of(sv));
                List<ScreeningHit> full = screener.screen(r);
                assertThat(screener.screenPrefiltered(r)).as(v).isEqualTo(full);
                if (screener.provablyNoHits(sv)) {
                    skipped++;
                    assertThat(full).as(v).isEmpty();
                }
            }
        }
        // the rewritten and apostrophe names are never skipped; the plain unrelated ones are
        assertThat(screener.provablyNoHits(ScreenedValue.name("name", "Anna Schmidt", null, null, null))).isTrue();
        assertThat(screener.provablyNoHits(ScreenedValue.name("name", "Abd al Rahman Ali", null, null, null)))
                .isFalse();
        assertThat(screener.provablyNoHits(ScreenedValue.name("name", "Chol Min Kim", null, null, null))).isFalse();
        assertThat(skipped).isGreaterThan(0);
    }

    @Test
    void wholeNameOnly_countsWordsAsASplitAtWhitespace() {
        java.util.regex.Pattern ws = java.util.regex.Pattern.compile("\\s+");
        java.util.Random random = new java.util.Random(5);
        String alphabet = "ab \t\n\u000B\f\r\u2003\u00A0\u3000x.";
        for (int k = 0; k < 20_000; k++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(30);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String name = sb.toString();
            String stripped = name.strip();
            boolean expected = stripped.isEmpty()
                    || ws.split(stripped).length <= io.vigil.registry.match.normalize.NameVariants.LONG_NAME_WORDS;
            assertThat(RecordScreener.wholeNameOnly(name)).as("[" + name + "]").isEqualTo(expected);
        }
    }

    @Test
    void greatestRun_isTheGreatestSumOfTwoOrMoreConsecutiveTerms() {
        assertThat(RecordScreener.greatestRun(new double[] {5})).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(RecordScreener.greatestRun(new double[] {5, -6, 4})).isEqualTo(3);
        assertThat(RecordScreener.greatestRun(new double[] {-1, 3, -1, 3, -9})).isEqualTo(5);
        java.util.Random random = new java.util.Random(11);
        for (int k = 0; k < 2_000; k++) {
            double[] t = new double[2 + random.nextInt(10)];
            for (int i = 0; i < t.length; i++) {
                t[i] = random.nextInt(21) - 10;
            }
            double best = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < t.length; a++) {
                double sum = t[a];
                for (int b = a + 1; b < t.length; b++) {
                    sum += t[b];
                    best = Math.max(best, sum);
                }
            }
            assertThat(RecordScreener.greatestRun(t)).isEqualTo(best);
        }
    }

    @Test
    void greatestWindow_isTheGreatestSumOfAWindowOfTwoToFiveWordsFromContentWordToContentWord() {
        java.util.Random random = new java.util.Random(13);
        for (int k = 0; k < 5_000; k++) {
            double[] t = new double[1 + random.nextInt(12)];
            boolean[] content = new boolean[t.length];
            for (int i = 0; i < t.length; i++) {
                t[i] = random.nextInt(21) - 10;
                content[i] = random.nextInt(3) > 0;
            }
            boolean all = true;
            for (boolean c : content) {
                all &= c;
            }
            double best = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < t.length; a++) {
                for (int b = a + 1; b < t.length; b++) {
                    int contents = 0;
                    double sum = 0;
                    for (int i = a; i <= b; i++) {
                        sum += t[i];
                        contents += content[i] ? 1 : 0;
                    }
                    if (all || content[a] && content[b] && contents >= 2 && b - a + 1 <= RecordScreener.MAX_WINDOW) {
                        best = Math.max(best, sum);
                    }
                }
            }
            assertThat(RecordScreener.greatestWindow(t, content)).isEqualTo(best);
        }
    }

    private record Counts(long values, long skipped, long hits, long texts, long textsSkipped) {
    }

    private static Counts compare(RecordScreener screener, List<InputRecord> records) {
        long values = 0;
        long skipped = 0;
        long hits = 0;
        long texts = 0;
        long textsSkipped = 0;
        for (InputRecord r : records) {
            List<ScreeningHit> full = screener.screen(r);
            assertThat(screener.screenPrefiltered(r)).as(r.recordId()).isEqualTo(full);
            for (ScreenedValue v : r.values()) {
                if (v.kind() == ScreenedValue.Kind.NAME || v.kind() == ScreenedValue.Kind.FREE_TEXT) {
                    values++;
                    boolean text = v.kind() == ScreenedValue.Kind.FREE_TEXT;
                    texts += text ? 1 : 0;
                    if (screener.provablyNoHits(v)) {
                        skipped++;
                        textsSkipped += text ? 1 : 0;
                        assertThat(screener.screen(new InputRecord(1, "v", List.of(v)))).as(v.value()).isEmpty();
                    }
                }
            }
            hits += full.size();
        }
        return new Counts(values, skipped, hits, texts, textsSkipped);
    }

    private static void read(Path file, InputKind kind, List<InputRecord> out) throws Exception {
        try (InputReader reader = InputFiles.open(file, kind)) {
            for (InputItem item = reader.next(); item != null; item = reader.next()) {
                if (item instanceof InputItem.Record r) {
                    out.add(r.record());
                }
            }
        }
    }
}
