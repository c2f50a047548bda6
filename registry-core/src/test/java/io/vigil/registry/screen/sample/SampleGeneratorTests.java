package io.vigil.registry.screen.sample;

import static io.vigil.registry.testing.RegistryFixtures.choeCholMin;
import static io.vigil.registry.testing.RegistryFixtures.organization;
import static io.vigil.registry.testing.RegistryFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.Party;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.junit.jupiter.api.Test;

/** Synthetic counterparty and transaction files: headers, counts, determinism, planted hits, CSV validity. */
class SampleGeneratorTests {

    private static final List<Party> LISTED = List.of(
            choeCholMin(),
            person("ofac:39496", "JON, Il Ho", "KP", PartialDate.ofDay(1956, 2, 20, "20 Feb 1956")),
            person("ofac:9001", "AL-BAGHDADI, Abu Bakr", "IQ", PartialDate.ofYear(1971, "1971")),
            organization("ofac:9003", "KOREA SOKCHON GENERAL CORPORATION", "KP"),
            organization("ofac:9004", "GOLDEN STAR TRADING LTD", "CN"));

    private interface Write {
        SampleStats run(SampleGenerator g, Writer w) throws IOException;
    }

    private static String generate(long seed, double rate, Write write, SampleStats[] stats) throws IOException {
        StringWriter out = new StringWriter();
        SampleStats s = write.run(new SampleGenerator(LISTED, seed, rate), out);
        if (stats != null) {
            stats[0] = s;
        }
        return out.toString();
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser p = CSVParser.parse(new StringReader(csv),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
            return p.getRecords();
        }
    }

    @Test
    void writeCounterparties_thousandRows_exactHeaderRowCountAndValidFields() throws IOException {
        // given / when
        SampleStats[] stats = new SampleStats[1];
        String csv = generate(7, 0.05, (g, w) -> g.writeCounterparties(w, 1000), stats);
        // then
        assertThat(csv).startsWith("id,name,type,date_of_birth,country,address\n");
        List<CSVRecord> rows = parse(csv);
        assertThat(rows).hasSize(1000);
        assertThat(stats[0].rows()).isEqualTo(1000);
        assertThat(rows.get(0).get("id")).isEqualTo("CP000000001");
        assertThat(rows.get(999).get("id")).isEqualTo("CP000001000");
        Set<String> names = new HashSet<>();
        for (CSVRecord r : rows) {
            assertThat(r.size()).isEqualTo(6);
            assertThat(r.get("name")).isNotBlank();
            assertThat(r.get("type")).isIn("person", "organization");
            assertThat(r.get("country")).matches("[A-Z]{2}");
            assertThat(r.get("date_of_birth")).matches("|\\d{4}|\\d{4}-\\d{2}-\\d{2}");
            if (r.get("type").equals("organization")) {
                assertThat(r.get("date_of_birth")).isEmpty();
            }
            names.add(r.get("name"));
        }
        // names are diverse: nearly every row different, many countries
        assertThat(names.size()).isGreaterThan(900);
        assertThat(rows.stream().map(r -> r.get("country")).distinct().count()).isGreaterThan(25);
    }

    @Test
    void writeTransactions_thousandRows_exactHeaderAndValidFields() throws IOException {
        // given / when
        String csv = generate(11, 0.02, (g, w) -> g.writeTransactions(w, 1000), null);
        // then
        assertThat(csv).startsWith("id,value_date,amount,currency,originator_name,originator_country,"
                + "originator_bank,beneficiary_name,beneficiary_country,beneficiary_bank,intermediary_bank,"
                + "remittance_info\n");
        List<CSVRecord> rows = parse(csv);
        assertThat(rows).hasSize(1000);
        for (CSVRecord r : rows) {
            assertThat(r.size()).isEqualTo(12);
            assertThat(r.get("id")).matches("TX\\d{10}");
            assertThat(r.get("value_date")).matches("2024-\\d{2}-\\d{2}|2025-01-01");
            assertThat(r.get("amount")).matches("\\d+\\.\\d{2}");
            assertThat(r.get("currency")).isIn("USD", "EUR", "GBP", "CNY", "KRW", "JPY", "CHF");
            assertThat(r.get("originator_bank")).isNotBlank();
            assertThat(r.get("remittance_info")).isNotBlank();
        }
        // a small share of beneficiary countries is embargoed
        long embargoed = rows.stream().filter(r -> Set.of("KP", "IR", "SY", "CU").contains(
                r.get("beneficiary_country"))).count();
        assertThat(embargoed).isBetween(1L, 60L);
    }

    @Test
    void write_sameSeed_sameBytesOtherSeedOtherBytes() throws IOException {
        // when
        String a = generate(42, 0.01, (g, w) -> g.writeTransactions(w, 2000), null);
        String b = generate(42, 0.01, (g, w) -> g.writeTransactions(w, 2000), null);
        String c = generate(43, 0.01, (g, w) -> g.writeTransactions(w, 2000), null);
        String d = generate(42, 0.01, (g, w) -> g.writeCounterparties(w, 2000), null);
        String e = generate(42, 0.01, (g, w) -> g.writeCounterparties(w, 2000), null);
        // then
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
        assertThat(d).isEqualTo(e);
    }

    @Test
    void writeCounterparties_hitRateFivePercent_plantsAboutFivePercentOfListedNames() throws IOException {
        // given 10,000 rows at 5%
        SampleStats[] stats = new SampleStats[1];
        String csv = generate(3, 0.05, (g, w) -> g.writeCounterparties(w, 10_000), stats);
        // then the planted count is within 30% of 500
        assertThat(stats[0].planted()).isBetween(350L, 650L);
        // and the rows carrying a listed surname or company word are at least the planted ones
        long looksListed = parse(csv).stream().map(r -> r.get("name").toUpperCase(Locale.ROOT))
                .filter(n -> n.contains("CHOE") || n.contains("CHOI") || n.contains("BAGHDADI")
                        || n.contains("BAGHDADDI") || n.contains("BAGDADI") || n.contains("SOKCHON")
                        || n.contains("GOLDEN STAR") || n.contains("JON") || n.contains("RYONBONNG")
                        || n.contains("RYOBONG") || n.contains("RYONBBONG") || n.contains("RYNBONG")
                        || n.contains("KOREA") || n.contains("BAKR") || n.contains("CHOL"))
                .count();
        assertThat(looksListed).isGreaterThanOrEqualTo(stats[0].planted() * 9 / 10);
    }

    @Test
    void writeTransactions_hitRateOnePercent_plantsAboutOnePercentSomeInRemittance() throws IOException {
        // given 10,000 rows at 1%
        SampleStats[] stats = new SampleStats[1];
        String csv = generate(5, 0.01, (g, w) -> g.writeTransactions(w, 10_000), stats);
        // then
        assertThat(stats[0]).extracting(SampleStats::rows).isEqualTo(10_000L);
        assertThat(stats[0].planted()).isBetween(70L, 130L);
        assertThat(parse(csv).stream().map(r -> r.get("remittance_info")).filter(t -> t.contains("On behalf of ")
                || t.startsWith("Payment for goods to ") || t.startsWith("Consulting fees ") && t.contains(" contract ")
                || t.startsWith("Invoice ") && t.length() > 16).count()).isGreaterThan(0);
    }

    @Test
    void write_noListedParties_plantsNothing() throws IOException {
        // given an empty registry and a 50% rate
        StringWriter out = new StringWriter();
        // when
        SampleStats s = new SampleGenerator(List.of(), 1, 0.5).writeTransactions(out, 500);
        // then
        assertThat(s).isEqualTo(new SampleStats(500, 0));
    }

    @Test
    void variant_listedName_isAnotherSpellingOfTheSameWords() {
        // given
        SampleGenerator g = new SampleGenerator(LISTED, 9, 0);
        // when
        Set<String> variants = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            variants.add(g.variant("CHOE, Chol Min", true));
        }
        // then several different spellings, none with the list's comma, each the same letters but for at most
        // three edits (a romanization swap, a typo)
        assertThat(variants.size()).isGreaterThan(5);
        assertThat(variants).allSatisfy(v -> {
            assertThat(v).doesNotContain(",");
            assertThat(LevenshteinDistance.getDefaultInstance().apply(sortedLetters(v), sortedLetters("CHOE Chol Min")))
                    .isLessThanOrEqualTo(3);
        });
        assertThat(variants).anySatisfy(v -> assertThat(v.toLowerCase(Locale.ROOT)).contains("choi"));
    }

    private static String sortedLetters(String s) {
        return s.toLowerCase(Locale.ROOT).chars().filter(Character::isLetter).sorted()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    @Test
    void constructor_hitRateOutOfRange_isRefused() {
        assertThatThrownBy(() -> new SampleGenerator(LISTED, 1, 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hit rate must be between 0 and 1, got 1.5");
    }
}
