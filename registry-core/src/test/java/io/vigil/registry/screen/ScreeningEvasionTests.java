package io.vigil.registry.screen;

import static io.vigil.registry.testing.RegistryFixtures.choeCholMin;
import static io.vigil.registry.testing.RegistryFixtures.organization;
import static io.vigil.registry.testing.RegistryFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.registry.link.PartyLinks;
import io.vigil.registry.match.MatchPolicy;
import io.vigil.registry.match.NameMatchers;
import io.vigil.registry.match.index.IndexedRegistry;
import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Names written to slip past screening: look-alike letters of another script, invisible and bidirectional
 * characters, a second party behind "trading as" or "c/o", a listed name at the start of a very long string. Names
 * are OFAC SDN entries and made-up companies.
 */
class ScreeningEvasionTests {

    private static final List<Party> PARTIES = List.of(
            choeCholMin(),
            person("ofac:39498", "KIM, Su Gil", "KP", PartialDate.ofYear(1950, "1950")),
            organization("ofac:9003", "KOREA SOKCHON GENERAL CORPORATION", "KP"),
            organization("ofac:9004", "GOLDEN STAR TRADING LTD", "CN"));

    private final IndexedRegistry registry = NameMatchers.prepare(PARTIES, PartyLinks.of(List.of()));
    private final RecordScreener screener = new RecordScreener(
            NameMatchers.indexed(registry, MatchPolicy.defaults()), registry, EmbargoPolicy.defaults());

    private Optional<ScreeningHit> alertOn(String partyId, String name, PartyType type) {
        InputRecord r = new InputRecord(2, "C-1", List.of(ScreenedValue.name("name", name, type, null, null)));
        return screener.screen(r).stream().filter(h -> h.partyId().equals(partyId) && h.decision().equals("alert"))
                .findFirst();
    }

    @Test
    void cyrillicLookAlikeLettersInALatinName_stillAlert() {
        // one Cyrillic о (U+043E), then Cyrillic О and Е in an organization name, then a Greek Κ (U+039A)
        assertThat(alertOn("ofac:43598", "Ch\u043Ee Chol Min", PartyType.INDIVIDUAL)).isPresent();
        assertThat(alertOn("ofac:43598", "CHOE CH\u041EL MIN", null)).isPresent();
        assertThat(alertOn("ofac:9003", "K\u041ER\u0415A SOKCHON GENERAL CORPORATION", PartyType.ORGANIZATION))
                .isPresent();
        assertThat(alertOn("ofac:39498", "\u039Aim Su Gil", PartyType.INDIVIDUAL)).isPresent();
    }

    @Test
    void aWordWhollyOfLookAlikes_isFoldedButARealCyrillicNameIsTransliterated() {
        // С, Н, О, Е: every letter has a Latin look-alike; Ким Су Гиль is Cyrillic through and through
        assertThat(alertOn("ofac:43598", "\u0421\u041D\u041E\u0415 Chol Min", null)).isPresent();
        assertThat(alertOn("ofac:39498", "\u041A\u0438\u043C \u0421\u0443 \u0413\u0438\u043B\u044C", null)).isPresent();
    }

    @Test
    void rightToLeftOverrideAndInvisibleCharacters_doNotHideTheName() {
        // reversed text after a right-to-left override is displayed as the name
        ScreeningHit visual = alertOn("ofac:43598", "\u202Enim lohc eohc", null).orElseThrow();
        assertThat(visual.reason()).startsWith("screened as the name in display order \"choe chol min\": ");
        // the name itself after an override, isolates, zero-width spaces and joiners, a soft hyphen
        assertThat(alertOn("ofac:43598", "\u202ECHOE CHOL MIN\u202C", null)).isPresent();
        assertThat(alertOn("ofac:43598", "CH\u200BOE\u2066 CH\u00ADOL\u2069 M\u200DIN\u200F", null)).isPresent();
        assertThat(alertOn("ofac:9003", "KOREA\u2067 SOKCHON\u2069 GENERAL\u061C CORPORATION", null)).isPresent();
    }

    @Test
    void eachPartyOfATradingAsOrCareOfName_isScreenedOnItsOwn() {
        // given names that pair an innocent party with a listed one
        List<String> names = List.of(
                "Harbour Light Shipping Ltd trading as Korea Sokchon General Corporation",
                "Harbour Light Shipping Ltd t/a Korea Sokchon General Corporation",
                "Harbour Light Shipping Ltd (d/b/a KOREA SOKCHON GENERAL CORPORATION)",
                "Harbour Light Shipping Ltd DBA Korea Sokchon General Corporation",
                "Korea Sokchon General Corporation c/o Harbour Light Shipping Ltd",
                "Harbour Light Shipping Ltd, care of: Korea Sokchon General Corporation");
        for (String name : names) {
            // when / then
            ScreeningHit hit = alertOn("ofac:9003", name, PartyType.ORGANIZATION).orElseThrow(
                    () -> new AssertionError("no alert for " + name));
            assertThat(hit.screenedValue()).isEqualTo(name);
            assertThat(hit.reason()).startsWith("screened as the party \"");
        }
        // and a person cared for by an innocent company
        assertThat(alertOn("ofac:43598", "Harbour Light Shipping Ltd c/o Choe Chol Min", null)).isPresent();
    }

    @Test
    void aFieldListingSeveralNames_orANameInParentheses_screensEachName() {
        // given fields that list an innocent name before a listed one, or hold the listed one in parentheses
        List<String> names = List.of(
                "Harbour Light Shipping Ltd; Korea Sokchon General Corporation",
                "Harbour Light Shipping Ltd | Korea Sokchon General Corporation",
                "Harbour Light Shipping Ltd (Korea Sokchon General Corporation)");
        for (String name : names) {
            // when / then
            ScreeningHit hit = alertOn("ofac:9003", name, PartyType.ORGANIZATION).orElseThrow(
                    () -> new AssertionError("no alert for " + name));
            assertThat(hit.reason()).startsWith("screened as the party \"Korea Sokchon General Corporation\"");
        }
        // and a one-word remark in parentheses is not a name of its own
        assertThat(io.vigil.registry.match.normalize.NameVariants.of("Harbour Light Shipping Ltd (Kenya)"))
                .extracting(io.vigil.registry.match.normalize.NameVariants.Variant::text)
                .containsExactly("Harbour Light Shipping Ltd (Kenya)");
    }

    @Test
    void anOrganizationNamedWithItsBranchOrOffice_isScreenedWithoutIt() {
        // given names that add a branch or office to a listed organization's name
        List<String> names = List.of(
                "Golden Star Trading Ltd - Dubai Office",
                "GOLDEN STAR TRADING LTD DUBAI BRANCH",
                "Golden Star Trading Ltd (Hong Kong Branch)",
                "Golden Star Trading Ltd, Branch in Rome",
                "Golden Star Trading Ltd – Bosnia office");
        for (String name : names) {
            // when / then
            ScreeningHit hit = alertOn("ofac:9004", name, PartyType.ORGANIZATION).orElseThrow(
                    () -> new AssertionError("no alert for " + name));
            assertThat(hit.screenedValue()).isEqualTo(name);
        }
        assertThat(alertOn("ofac:9004", "Golden Star Trading Ltd - Dubai Office", PartyType.ORGANIZATION)
                .orElseThrow().reason()).startsWith("screened as the name without its branch or office \"");
        // a person's name is not cut: "Kim Su Gil Branch" is not the branch of a listed person
        assertThat(io.vigil.registry.match.normalize.NameVariants.of("Choe Chol Branch"))
                .extracting(io.vigil.registry.match.normalize.NameVariants.Variant::text)
                .containsExactly("Choe Chol Branch", "Choe Chol");
        assertThat(alertOn("ofac:43598", "Choe Chol Branch", null)).isEmpty();
        // a single word left is no organization name
        assertThat(io.vigil.registry.match.normalize.NameVariants.of("Golden Office"))
                .extracting(io.vigil.registry.match.normalize.NameVariants.Variant::text)
                .containsExactly("Golden Office");
    }

    @Test
    void aVeryLongStringBeginningWithTheListedName_findsItQuickly() {
        // given the listed name followed by 200 words, and by 5 MB of one letter
        String words = "Choe Chol Min " + "and sons general merchants of fine goods ".repeat(25);
        String huge = "GOLDEN STAR TRADING LTD " + "X".repeat(5 * 1024 * 1024);

        // when
        long start = System.nanoTime();
        Optional<ScreeningHit> fromWords = alertOn("ofac:43598", words, null);
        Optional<ScreeningHit> fromHuge = alertOn("ofac:9004", huge, PartyType.ORGANIZATION);
        long millis = (System.nanoTime() - start) / 1_000_000;

        // then both are found, well under a second
        assertThat(fromWords).isPresent();
        assertThat(fromWords.get().reason()).startsWith("screened as the leading words \"Choe Chol Min\"");
        assertThat(fromHuge).isPresent();
        assertThat(millis).isLessThan(1000);
    }

    @Test
    void hugeValuesOfEveryKind_completeQuicklyWithoutExhaustingMemory() {
        // given 5 MB values: one token, many short tokens, many distinct long tokens, as a name and as free text
        String oneToken = "Q".repeat(5 * 1024 * 1024);
        StringBuilder manyTokens = new StringBuilder();
        for (int i = 0; manyTokens.length() < 5 * 1024 * 1024; i++) {
            manyTokens.append("w").append(Integer.toString(i, 36)).append(' ');
        }
        StringBuilder longTokens = new StringBuilder();
        while (longTokens.length() < 5 * 1024 * 1024) {
            longTokens.append("abcdefghij".repeat(50)).append(longTokens.length()).append(' ');
        }
        InputRecord r = new InputRecord(2, "T-1", List.of(
                ScreenedValue.name("name", oneToken, null, null, null),
                ScreenedValue.name("name", manyTokens.toString(), null, null, null),
                ScreenedValue.name("name", longTokens.toString(), null, null, null),
                new ScreenedValue("remittance_info", oneToken, ScreenedValue.Kind.FREE_TEXT, null, null, null)));

        // when
        long start = System.nanoTime();
        List<ScreeningHit> hits = screener.screen(r);
        long millis = (System.nanoTime() - start) / 1_000_000;

        // then
        assertThat(hits).isEmpty();
        assertThat(millis).isLessThan(1000);
    }
}
