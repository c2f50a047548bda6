package io.vigil.registry.screen;

import static io.vigil.registry.testing.RegistryFixtures.choeCholMin;
import static io.vigil.registry.testing.RegistryFixtures.organization;
import static io.vigil.registry.testing.RegistryFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.vigil.registry.link.PartyLink;
import io.vigil.registry.link.PartyLinks;
import io.vigil.registry.match.MatchPolicy;
import io.vigil.registry.match.NameMatchers;
import io.vigil.registry.match.index.IndexedRegistry;
import io.vigil.registry.model.Identifier;
import io.vigil.registry.model.IdentifierType;
import io.vigil.registry.model.NameKind;
import io.vigil.registry.model.NameQuality;
import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.testing.RegistryFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The record screener over a small registry modelled on the 2022 and 2023 designations. */
class RecordScreenerTests {

    private static Identifier bic(String value) {
        return new Identifier(IdentifierType.SWIFT_BIC, "SWIFT/BIC", value, null, null, null);
    }

    private static final List<Party> PARTIES = List.of(
            choeCholMin(),
            person("ofac:43616", "CHOE, Un Jong", "KP", PartialDate.ofDay(1981, 12, 18, "18 Dec 1981")),
            person("ofac:39498", "KIM, Su Gil", "KP", PartialDate.ofYear(1950, "1950")),
            Party.builder("ofac:9002").type(PartyType.INDIVIDUAL)
                    .name(PartyName.of("HASSAN, Ali", NameKind.PRIMARY, NameQuality.STRONG))
                    .name(PartyName.of("Abu Ali Tabriz", NameKind.AKA, NameQuality.WEAK))
                    .designation(RegistryFixtures.designation("ofac:9002")).build(),
            organization("ofac:9100", "SOKCHON FOREIGN TRADE BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA", "KP",
                    bic("SKFTKPPY")),
            organization("un:KPe.947", "SOKCHON FOREIGN TRADE BANK", "KP", bic("SKFT KP PY")),
            organization("ofac:9003", "KOREA SOKCHON GENERAL CORPORATION", "KP"),
            organization("ofac:9004", "GOLDEN STAR TRADING LTD", "CN", bic("GSTLCNSHXXX")));

    private final IndexedRegistry registry = NameMatchers.prepare(PARTIES,
            PartyLinks.of(List.of(new PartyLink("ofac:9100", "un:KPe.947", "same BIC"))));
    private final RecordScreener screener = new RecordScreener(
            NameMatchers.indexed(registry, MatchPolicy.defaults()), registry, EmbargoPolicy.defaults());

    private static InputRecord record(ScreenedValue... values) {
        return new InputRecord(7, "T-1", List.of(values));
    }

    private static ScreenedValue text(String field, String value) {
        return new ScreenedValue(field, value, ScreenedValue.Kind.FREE_TEXT, null, null, null);
    }

    @Test
    void screenPrefiltered_nameMetAgainInAnotherRecord_givesTheHitsOfTheFullScreenEachTime() {
        // given names met several times in a book, with other dates of birth, countries and types each time: the
        // pre-filter's verdict on a name is remembered, and must not carry anything of the record it was first met in
        List<InputRecord> records = new ArrayList<>();
        String[] names = {"Choi Cheol-min", "Anna Schmidt", "Kim Su Gil", "Golden Star Trading Ltd", "Maria Lopez"};
        String[][] attributes = {{"1978", "CN"}, {"1950", "KP"}, {null, null}, {"1990", "DE"}};
        int line = 1;
        for (String[] a : attributes) {
            for (String n : names) {
                records.add(new InputRecord(line, "C-" + line, List.of(ScreenedValue.name("name", n,
                        line % 2 == 0 ? PartyType.INDIVIDUAL : null, a[0], a[1]))));
                line++;
            }
        }
        // when each is screened with the pre-filter (twice over, so that every verdict is remembered) and without
        for (int round = 0; round < 2; round++) {
            for (InputRecord r : records) {
                // then the hits are the same, record by record
                assertThat(screener.screenPrefiltered(r)).as(r.recordId()).isEqualTo(screener.screen(r));
            }
        }
        assertThat(screener.screen(records.get(0))).isNotEmpty();
        // and a verdict is the pre-filter's own, whether remembered or not
        ScreenedValue plain = ScreenedValue.name("name", "Anna Schmidt", null, null, null);
        assertThat(screener.provablyNoHitsRemembered(plain)).isEqualTo(screener.provablyNoHits(plain));
        assertThat(screener.provablyNoHitsRemembered(plain)).isEqualTo(screener.provablyNoHits(plain));
    }

    @Test
    void nameFindsNothing_rememberedPerNameAndType_neverHidesAHitThatAnAttributeWouldGive() {
        // given names near and far from the listed ones, each met with no attributes, with the listed party's date of
        // birth and country (the most they can add), and with others; in both orders, so that whichever record
        // comes first decides what is remembered
        String[] names = {"Choi Cheol-min", "Choe Chol", "Chol Min", "Cheol Min Choe", "Kim Su Gil", "Kim Sugil",
                "Su Gil", "Kim Su", "Choe Un Jong", "Un Jong", "Choe Jong", "Hassan Ali", "Ali Hassan", "Hasan Aly",
                "Golden Star Trading", "Golden Star", "Star Trading Ltd", "Korea Sokchon", "Sokchon Trading",
                "Anna Schmidt", "Maria Lopez", "Tatsuya Okada"};
        // and misspellings of the listed names, some of which reach the review threshold only with an attribute
        List<String> all = new ArrayList<>(List.of(names));
        for (String listed : List.of("Choe Chol Min", "Kim Su Gil", "Choe Un Jong", "Hassan Ali")) {
            for (int i = 0; i < listed.length(); i++) {
                all.add(listed.substring(0, i) + listed.substring(i + 1));
                all.add(listed.substring(0, i) + "xy" + listed.substring(i + 1));
            }
        }
        String[][] attributes = {{null, null}, {"1978-01-01", "KP"}, {"1950", "KP"}, {"1981-12-18", "KP"},
                {"1990", "DE"}, {null, "CN"}};
        PartyType[] types = {null, PartyType.INDIVIDUAL, PartyType.ORGANIZATION};
        List<InputRecord> records = new ArrayList<>();
        int line = 1;
        for (String n : all) {
            for (PartyType t : types) {
                for (String[] a : attributes) {
                    records.add(new InputRecord(line, "C-" + line, List.of(ScreenedValue.name("name", n, t, a[0],
                            a[1]))));
                    line++;
                }
            }
        }
        List<InputRecord> reversed = new ArrayList<>(records);
        java.util.Collections.reverse(reversed);
        int findsNothing = 0;
        int mayFindWithoutHitsAlone = 0;
        for (List<InputRecord> order : List.of(records, reversed)) {
            RecordScreener fresh = new RecordScreener(NameMatchers.indexed(registry, MatchPolicy.defaults()),
                    registry, EmbargoPolicy.defaults());
            for (InputRecord r : order) {
                // then every record gets the hits of the full screen
                assertThat(fresh.screenPrefiltered(r)).as(r.recordId()).isEqualTo(screener.screen(r));
                ScreenedValue v = r.values().get(0);
                if (fresh.nameFindsNothing(v)) {
                    // and a name proved to find nothing has no hit with any attributes of its type
                    findsNothing++;
                    for (String[] a : attributes) {
                        assertThat(screener.screen(record(ScreenedValue.name("name", v.value(), v.type(), a[0],
                                a[1])))).as(v.value()).isEmpty();
                    }
                } else if (v.dateOfBirth() == null && v.country() == null && screener.screen(r).isEmpty()) {
                    mayFindWithoutHitsAlone++;
                }
            }
        }
        assertThat(findsNothing).isGreaterThan(0);
        // names that find nothing alone but may with a date of birth or country are kept for the search
        assertThat(mayFindWithoutHitsAlone).isGreaterThan(0);
        assertThat(screener.nameFindsNothing(ScreenedValue.name("name", "Anna Schmidt", null, null, null))).isTrue();
        assertThat(screener.nameFindsNothing(ScreenedValue.name("name", "Choi Cheol-min", null, null, null)))
                .isFalse();
        assertThat(screener.nameFindsNothing(text("remittance_info", "Anna Schmidt"))).isFalse();
    }

    @Test
    void screen_southKoreanSpellingWithYear_alertsOnChoeCholMin() {
        // given the counterparty name a wire from Beijing would carry
        InputRecord r = record(ScreenedValue.name("name", "Choi Cheol-min", PartyType.INDIVIDUAL, "1978", "CN"));
        // when
        List<ScreeningHit> hits = screener.screen(r);
        // then the designated person is the first hit, an alert, explained
        ScreeningHit top = hits.get(0);
        assertThat(top).extracting(ScreeningHit::recordId, ScreeningHit::line, ScreeningHit::field,
                ScreeningHit::screenedValue, ScreeningHit::kind, ScreeningHit::partyId, ScreeningHit::matchedName,
                ScreeningHit::decision)
                .containsExactly("T-1", 7L, "name", "Choi Cheol-min", HitKind.NAME, "ofac:43598", "CHOE, Chol Min",
                        "alert");
        assertThat(top.score()).isGreaterThanOrEqualTo(85).isEqualTo(top.match().score());
        assertThat(top.reason()).startsWith("name \"CHOE, Chol Min\" (primary, strong): ").contains("date of birth");
        assertThat(top.match().citations()).extracting(c -> c.designation().legalBasis()).containsExactly("E.O. 13382");
    }

    @Test
    void screen_remittanceNamingTheDesignatedPerson_alertsOnTheNameWords() {
        // given a remittance text with the listed name inside
        InputRecord r = record(text("remittance_info",
                "Payment for goods to CHOE CHOL MIN, Beijing, invoice 2023-118"));
        // when
        List<ScreeningHit> hits = screener.screen(r);
        // then one alert on ofac:43598, on the words of the name
        assertThat(hits).extracting(ScreeningHit::kind, ScreeningHit::field, ScreeningHit::partyId,
                ScreeningHit::screenedValue, ScreeningHit::decision)
                .containsExactly(tuple(HitKind.FREE_TEXT, "remittance_info", "ofac:43598", "CHOE CHOL MIN", "alert"));
        assertThat(hits.get(0).matchedName()).isEqualTo("CHOE, Chol Min");
    }

    @Test
    void screen_remittanceOfOrdinaryWords_raisesNothing() {
        // given remittance texts with no listed name, one with only a common surname that is on the list
        InputRecord r = record(text("remittance_info", "Payment for services rendered, invoice 42"),
                text("remittance_info", "Rent for May to Kim, ref 2024/05"),
                text("remittance_info", "Salary Kim"));
        // when / then
        assertThat(screener.screen(r)).isEmpty();
    }

    @Test
    void screen_remittanceMatchingOnlyAWeakAlias_raisesNothing() {
        // given a text matching the weak alias "Abu Ali Tabriz" exactly and no strong name
        InputRecord r = record(text("remittance_info", "transfer to Abu Ali Tabriz for goods"));
        // when / then the weak alias alone does not alert in free text
        assertThat(screener.screen(r)).extracting(ScreeningHit::partyId).doesNotContain("ofac:9002");
    }

    @Test
    void words_splitsOnPunctuationKeepsInnerHyphensAndMarksStopWordsAndNumbers() {
        // when
        List<RecordScreener.Word> words = screener.words("Pay CH'OE Chol-min, inv. 2023-118 für Sokchon");
        // then
        String text = "Pay CH'OE Chol-min, inv. 2023-118 für Sokchon";
        assertThat(words).extracting(w -> text.substring(w.start(), w.end()), RecordScreener.Word::content)
                .containsExactly(tuple("Pay", false), tuple("CH'OE", true), tuple("Chol-min", true),
                        tuple("inv", false), tuple("2023-118", false), tuple("für", false), tuple("Sokchon", true));
    }

    @Test
    void screen_embargoedCountry_alertsWithTheReason() {
        // given an embargoed beneficiary country, by code and by name, and an ordinary one
        InputRecord r = record(new ScreenedValue("beneficiary_country", "KP", ScreenedValue.Kind.COUNTRY, null, null,
                null), new ScreenedValue("originator_country", "FR", ScreenedValue.Kind.COUNTRY, null, null, null),
                new ScreenedValue("Cdtr.PstlAdr.Ctry", "Iran", ScreenedValue.Kind.COUNTRY, null, null, null));
        // when
        List<ScreeningHit> hits = screener.screen(r);
        // then
        assertThat(hits).extracting(ScreeningHit::field, ScreeningHit::screenedValue, ScreeningHit::kind,
                ScreeningHit::partyId, ScreeningHit::matchedName, ScreeningHit::score, ScreeningHit::decision,
                ScreeningHit::reason)
                .containsExactly(
                        tuple("beneficiary_country", "KP", HitKind.COUNTRY, "", "North Korea", 100.0, "alert",
                                "embargoed jurisdiction (configured default): North Korea"),
                        tuple("Cdtr.PstlAdr.Ctry", "Iran", HitKind.COUNTRY, "", "Iran", 100.0, "alert",
                                "embargoed jurisdiction (configured default): Iran"));
        assertThat(hits.get(0).match()).isNull();
        assertThat(EmbargoPolicy.defaults().reasons()).containsOnlyKeys("CU", "IR", "KP", "SY");
    }

    @Test
    void screen_bic11OfAListedBic8_alertsOncePerLinkedParty() {
        // given the head-office BIC11 of the listed BIC8 SKFTKPPY (listed by OFAC and, spaced, by the UN: linked)
        InputRecord r = record(new ScreenedValue("CdtrAgt.BIC", "skftkppyxxx", ScreenedValue.Kind.BIC, null, null,
                null));
        // when
        List<ScreeningHit> hits = screener.screen(r);
        // then one hit for the linked pair, reported on the first entry, the other riding along
        assertThat(hits).extracting(ScreeningHit::kind, ScreeningHit::partyId, ScreeningHit::linkedIds,
                ScreeningHit::score, ScreeningHit::decision, ScreeningHit::reason)
                .containsExactly(tuple(HitKind.BIC, "ofac:9100", List.of("un:KPe.947"), 100.0, "alert",
                        "BIC skftkppyxxx matches listed BIC SKFTKPPY of SOKCHON FOREIGN TRADE BANK OF THE DEMOCRATIC"
                                + " PEOPLE'S REPUBLIC OF KOREA (first 8 characters compared)"));
        assertThat(hits.get(0).match().citations()).extracting(c -> c.partyId())
                .containsExactly("ofac:9100", "un:KPe.947");
    }

    @Test
    void screen_bic8OfAListedBic11AndUnlistedBics_hitsOnlyTheListedInstitution() {
        // given the BIC8 of a listed BIC11, an unlisted BIC and a malformed one
        InputRecord r = record(
                new ScreenedValue("CdtrAgt.BIC", "GSTLCNSH", ScreenedValue.Kind.BIC, null, null, null),
                new ScreenedValue("DbtrAgt.BIC", "DEUTDEFF", ScreenedValue.Kind.BIC, null, null, null),
                new ScreenedValue("InstgAgt.BIC", "SKFTKP", ScreenedValue.Kind.BIC, null, null, null));
        // when / then
        assertThat(screener.screen(r)).extracting(ScreeningHit::field, ScreeningHit::partyId)
                .containsExactly(tuple("CdtrAgt.BIC", "ofac:9004"));
    }

    @Test
    void screen_transactionWithEveryKind_ordersByValueThenScoreThenPartyAndRepeatsExactly() {
        // given a transaction whose values hit in every way
        InputRecord r = record(
                ScreenedValue.name("originator_name", "Golden Star Trading Ltd", PartyType.ORGANIZATION, null,
                        "CN"),
                ScreenedValue.name("beneficiary_name", "Choe Chol Min", PartyType.INDIVIDUAL, null, null),
                new ScreenedValue("beneficiary_country", "KP", ScreenedValue.Kind.COUNTRY, null, null, null),
                new ScreenedValue("beneficiary_bank_bic", "SKFTKPPY", ScreenedValue.Kind.BIC, null, null, null),
                text("remittance_info", "Invoice 7 KOREA SOKCHON GENERAL CORPORATION via CHOE CHOL MIN"));
        // when screened twice and from several threads
        List<ScreeningHit> first = screener.screen(r);
        List<List<ScreeningHit>> parallel = IntStream.range(0, 8).parallel().mapToObj(i -> screener.screen(r))
                .toList();
        // then the order follows the values, then score descending, then party id
        assertThat(first).extracting(ScreeningHit::field, ScreeningHit::kind).startsWith(
                tuple("originator_name", HitKind.NAME));
        List<String> fields = first.stream().map(ScreeningHit::field).toList();
        assertThat(fields).containsSubsequence("originator_name", "beneficiary_name", "beneficiary_country",
                "beneficiary_bank_bic", "remittance_info");
        assertThat(first.stream().filter(h -> h.field().equals("remittance_info")).map(ScreeningHit::partyId)
                .toList()).containsExactlyInAnyOrder("ofac:43598", "ofac:9003");
        for (String f : List.of("originator_name", "beneficiary_name", "remittance_info")) {
            List<ScreeningHit> ofField = first.stream().filter(h -> h.field().equals(f)).toList();
            for (int i = 1; i < ofField.size(); i++) {
                ScreeningHit a = ofField.get(i - 1);
                ScreeningHit b = ofField.get(i);
                assertThat(a.score() > b.score() || a.score() == b.score() && a.partyId().compareTo(b.partyId()) < 0)
                        .as("%s before %s", a, b).isTrue();
            }
        }
        assertThat(parallel).allSatisfy(p -> assertThat(p).isEqualTo(first));
    }
}
