package io.vigil.registry.link;

import static io.vigil.registry.testing.RegistryFixtures.organization;
import static io.vigil.registry.testing.RegistryFixtures.passport;
import static io.vigil.registry.testing.RegistryFixtures.person;
import static io.vigil.registry.testing.RegistryFixtures.unReference;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.registry.model.Identifier;
import io.vigil.registry.model.IdentifierType;
import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.Party;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartyLinkerTests {

    private final PartyLinker linker = new PartyLinker();

    @Test
    void link_samePassport_linksWithReason() {
        // given an OFAC and an EU entry with the same passport written differently
        Party ofac = person("ofac:43598", "CHOE, Chol Min", "KP", null, passport("108410050", "KP"));
        Party eu = person("eu:5001", "Chol-min Choe", null, null, passport("108-410-050", null));
        // when linked
        PartyLinks links = linker.link(List.of(ofac, eu));
        // then they are linked with the passport as evidence
        assertThat(links.linkedIds("ofac:43598")).containsExactly("eu:5001");
        assertThat(links.reasons("eu:5001")).containsExactly(
                new PartyLink("eu:5001", "ofac:43598", "same passport 108410050 (KP)"));
    }

    @Test
    void link_samePassportDifferentCountries_doesNotLink() {
        // given two passports with the same number issued by different countries
        Party a = person("ofac:1", "KIM, Il", "KP", null, passport("12345678", "KP"));
        Party b = person("uk:2", "PARK, Min", "KR", null, passport("12345678", "KR"));
        // when linked / then nothing links them
        assertThat(linker.link(List.of(a, b)).size()).isZero();
    }

    @Test
    void link_imoAndBicAndRegistration_linkOrganizationsAndVessels() {
        // given vessels sharing an IMO number and banks sharing a BIC
        Party v1 = vessel("ofac:9001", "SONG HAE SAN", "IMO 9088172");
        Party v2 = vessel("un:KPe.V01", "SONGHAESAN", "9088172");
        Party b1 = organization("ofac:100", "SOKCHON FOREIGN TRADE BANK", "KP",
                new Identifier(IdentifierType.SWIFT_BIC, "SWIFT/BIC", "SKFT KP PY", null, null, null));
        Party b2 = organization("eu:200", "Sokchon Foreign Trade Bank of the DPRK", "KP",
                new Identifier(IdentifierType.SWIFT_BIC, "BIC", "SKFTKPPY", null, null, null));
        // when linked
        PartyLinks links = linker.link(List.of(v1, v2, b1, b2));
        // then each pair is linked by its identifier
        assertThat(links.links()).containsExactly(
                new PartyLink("eu:200", "ofac:100", "same SWIFT/BIC SKFTKPPY"),
                new PartyLink("ofac:9001", "un:KPe.V01", "same IMO number 9088172"));
    }

    @Test
    void link_unReference_linksToUnEntryAndBetweenOtherLists() {
        // given the UN entry and an EU and a UK entry that cite its reference
        Party un = person("un:QDe.904", "AL-FIXTURE RELIEF TRUST", null, null);
        Party eu = person("eu:12", "Al Fixture Relief Trust", null, null, unReference("QDe.904"));
        Party uk = person("uk:AQD9086", "AL FIXTURE RELIEF TRUST", null, null, unReference("QDe.904 "));
        // when linked
        PartyLinks links = linker.link(List.of(un, eu, uk));
        // then all three are one group, each pair with the UN reference as reason
        assertThat(links.linkedIds("eu:12")).containsExactly("uk:AQD9086", "un:QDe.904");
        assertThat(links.links()).extracting(PartyLink::reason).containsOnly("UN reference QDe.904").hasSize(3);
    }

    @Test
    void link_oldFormUnReference_linksToCurrentUnEntryAndQuotesTheWrittenForm() {
        // given the UN entry QDi.932 and a 2018 UK entry that still cites the pre-2015 form QI.D.932.07,
        // and the UN entry KPe.093 and a UK entry citing it without the leading zero
        Party un = person("un:QDi.932", "RACHID BENFIXTURE", "DZ", null);
        Party uk = person("uk:99157", "BENFIXTURE, Rachid", "DZ", null, unReference("QI.D.932.07"));
        Party unBank = organization("un:KPe.093", "SOKCHON CREDIT BANK (SCB)", "KP");
        Party ukBank = organization("uk:19341", "SOKJON CREDIT BANK", "KP", unReference("KPe.93"));
        Party ukTaliban = person("uk:7000", "MOHAMMAD, Abdul", "AF", null, unReference("TI.M.23.01."));
        Party unTaliban = person("un:TAi.023", "ABDUL MOHAMMAD", "AF", null);
        // when linked
        PartyLinks links = linker.link(List.of(un, uk, unBank, ukBank, ukTaliban, unTaliban));
        // then each pair is linked under the current reference, quoting how the other list wrote it
        assertThat(links.links()).containsExactly(
                new PartyLink("uk:19341", "un:KPe.093", "UN reference KPe.093 (written KPe.93)"),
                new PartyLink("uk:7000", "un:TAi.023", "UN reference TAi.023 (written TI.M.23.01.)"),
                new PartyLink("uk:99157", "un:QDi.932", "UN reference QDi.932 (written QI.D.932.07)"));
        assertThat(PartyLinker.canonicalUnReference("QE.T.14.01")).isEqualTo("QDe.014");
        assertThat(PartyLinker.canonicalUnReference("Q.I.A.10.01")).isEqualTo("QDi.010");
        assertThat(PartyLinker.canonicalUnReference("kpi.067")).isEqualTo("KPi.067");
        assertThat(PartyLinker.canonicalUnReference("E.29.I.1")).isEqualTo("E.29.I.1");
    }

    @Test
    void link_nameDobAndNationality_linksIndividualsOfDifferentSources() {
        // given the same person, names in different order and punctuation, DOB at different precision
        Party ofac = person("ofac:43598", "CHOE, Chol Min", "KP", PartialDate.ofDay(1978, 4, 3, "03 Apr 1978"));
        Party uk = person("uk:14001", "Chol Min CHOE", "North Korea", PartialDate.ofYear(1978, "1978"));
        // when linked
        PartyLinks links = linker.link(List.of(ofac, uk));
        // then they are linked, the reason naming name, dates and nationality
        assertThat(links.links()).containsExactly(new PartyLink("ofac:43598", "uk:14001",
                "same name 'choe chol min', DOB 1978-04-03 overlaps 1978, nationality KP"));
    }

    @Test
    void link_nameDiacriticsAndCase_normalizeToSameKey() {
        // given / when / then
        assertThat(NameKeys.key("CHOE, Chol Min")).isEqualTo(NameKeys.key("Chol Min CHOE")).isEqualTo("choe chol min");
        assertThat(NameKeys.key("Ḥusayn  ÇELİK-Øster")).isEqualTo("celik husayn oster");
        assertThat(NameKeys.key("…")).isEmpty();
    }

    @Test
    void link_sameNameDifferentDob_doesNotLink() {
        // given two KIM Il entries born years apart
        Party a = person("ofac:1", "KIM, Il", "KP", PartialDate.ofDay(1956, 2, 20, "20 Feb 1956"));
        Party b = person("uk:2", "KIM Il", "KP", PartialDate.ofYear(1970, "1970"));
        // when linked / then they stay apart
        assertThat(linker.link(List.of(a, b)).size()).isZero();
    }

    @Test
    void link_sameNameAndDobWithoutSharedNationality_doesNotLink() {
        // given same name and DOB, different nationality, and one without nationality
        Party a = person("ofac:1", "KIM, Il", "KP", PartialDate.ofYear(1960, "1960"));
        Party b = person("uk:2", "KIM Il", "KR", PartialDate.ofYear(1960, "1960"));
        Party c = person("eu:3", "KIM Il", null, PartialDate.ofYear(1960, "1960"));
        // when linked / then none are linked
        assertThat(linker.link(List.of(a, b, c)).size()).isZero();
    }

    @Test
    void link_sameSourceSameNameDobNationality_doesNotLinkByNameAlone() {
        // given two OFAC entries with identical name, DOB and nationality (OFAC lists them separately on purpose)
        Party a = person("ofac:39497", "YU, Jin", "KP", PartialDate.ofYear(1960, "1960"));
        Party b = person("ofac:99999", "YU, Jin", "KP", PartialDate.ofYear(1960, "1960"));
        // when linked / then they are not linked
        assertThat(linker.link(List.of(a, b)).size()).isZero();
    }

    @Test
    void link_organizationsSameNameAndCountry_linkButNotAcrossCountries() {
        // given the same company name in KP on two lists, and in CN on a third
        Party a = organization("ofac:10", "KOREA SOKCHON GENERAL CORPORATION", "KP");
        Party b = organization("un:KPe.001", "Korea Sokchon General Corporation", "KP");
        Party c = organization("eu:30", "KOREA SOKCHON GENERAL CORPORATION", "CN");
        // when linked
        PartyLinks links = linker.link(List.of(a, b, c));
        // then only the KP pair is linked
        assertThat(links.links()).containsExactly(new PartyLink("ofac:10", "un:KPe.001",
                "same name 'corporation general korea sokchon', country KP"));
    }

    @Test
    void link_chainOfEvidence_isTransitiveButKeepsDirectReasons() {
        // given ofac—eu by passport and eu—un by UN reference
        Party ofac = person("ofac:1", "A", "KP", null, passport("PS463120423", "KP"));
        Party eu = person("eu:2", "B", "KP", null, passport("PS463120423", "KP"), unReference("KPi.060"));
        Party un = person("un:KPi.060", "C", "KP", null);
        Party other = person("uk:9", "D", "KP", null);
        // when linked
        PartyLinks links = linker.link(List.of(ofac, eu, un, other));
        // then ofac and un are in one group without a direct link
        assertThat(links.linkedIds("ofac:1")).containsExactly("eu:2", "un:KPi.060");
        assertThat(links.reasons("ofac:1")).extracting(PartyLink::linkedPartyId).containsExactly("eu:2");
        assertThat(links.reasons("eu:2")).extracting(PartyLink::reason)
                .containsExactly("same passport PS463120423 (KP)", "UN reference KPi.060");
        assertThat(links.groups()).containsExactly(List.of("eu:2", "ofac:1", "un:KPi.060"));
        assertThat(links.groupKey("un:KPi.060")).isEqualTo("eu:2");
        assertThat(links.linkedIds("uk:9")).isEmpty();
        assertThat(links.groupKey("uk:9")).isNull();
    }

    @Test
    void link_twentyThousandEntries_isFastAndFindsPlantedLinks() {
        // given 20,000 entries on two lists: 10,000 OFAC, 10,000 UK with the same names but other DOBs,
        // every hundredth UK entry sharing the OFAC entry's passport
        List<Party> parties = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            parties.add(person("ofac:" + i, "PERSON, Number " + i, "KP", PartialDate.ofYear(1950, null),
                    passport("P" + (1_000_000 + i), "KP")));
        }
        for (int i = 0; i < 10_000; i++) {
            parties.add(person("uk:" + i, "Number " + i + " PERSON", "KP", PartialDate.ofYear(1990, null),
                    i % 100 == 0 ? new Identifier[] {passport("P" + (1_000_000 + i), "KP")} : new Identifier[0]));
        }
        // when linked
        long start = System.nanoTime();
        PartyLinks links = linker.link(parties);
        long millis = (System.nanoTime() - start) / 1_000_000;
        // then exactly the 100 planted passport links are found, quickly
        assertThat(links.size()).isEqualTo(100);
        assertThat(links.linkedIds("uk:500")).containsExactly("ofac:500");
        assertThat(millis).as("link time in ms").isLessThan(3_000);
    }

    private static Party vessel(String id, String name, String imo) {
        return Party.builder(id).type(io.vigil.registry.model.PartyType.VESSEL)
                .name(io.vigil.registry.model.PartyName.of(name, io.vigil.registry.model.NameKind.PRIMARY,
                        io.vigil.registry.model.NameQuality.STRONG))
                .identifier(new Identifier(IdentifierType.IMO, "IMO", imo, null, null, null))
                .designation(io.vigil.registry.testing.RegistryFixtures.designation(id)).build();
    }
}
