package io.vigil.registry.match;

import static io.vigil.registry.testing.RegistryFixtures.choeCholMin;
import static io.vigil.registry.testing.RegistryFixtures.organization;
import static io.vigil.registry.testing.RegistryFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.registry.link.PartyLink;
import io.vigil.registry.link.PartyLinks;
import io.vigil.registry.match.explain.AttributeEffect;
import io.vigil.registry.match.explain.TokenMatchMethod;
import io.vigil.registry.match.index.IndexedRegistry;
import io.vigil.registry.model.Authorities;
import io.vigil.registry.model.NameKind;
import io.vigil.registry.model.NameQuality;
import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.PartyType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The matcher over a small registry modelled on the 2022 and 2023 designations, plus ordinary names. */
class NameMatcherTests {

    private static final List<Party> PARTIES = List.of(
            choeCholMin(),
            person("ofac:43616", "CHOE, Un Jong", "KP", PartialDate.ofDay(1981, 12, 18, "18 Dec 1981")),
            person("ofac:39496", "JON, Il Ho", "KP", PartialDate.ofDay(1956, 2, 20, "20 Feb 1956")),
            person("ofac:39497", "YU, Jin", "KP", PartialDate.ofDay(1957, 8, 10, "10 Aug 1957")),
            person("ofac:39498", "KIM, Su Gil", "KP", PartialDate.ofYear(1950, "1950")),
            person("eu:1001", "JON Il Ho", "KP", PartialDate.ofDay(1956, 2, 20, "20.2.1956")),
            person("ofac:9001", "AL-BAGHDADI, Abu Bakr", "IQ", PartialDate.ofYear(1971, "1971")),
            Party.builder("ofac:9002").type(PartyType.INDIVIDUAL)
                    .name(PartyName.of("HASSAN, Ali", NameKind.PRIMARY, NameQuality.STRONG))
                    .name(PartyName.of("Abu Ali", NameKind.AKA, NameQuality.WEAK))
                    .designation(io.vigil.registry.testing.RegistryFixtures.designation("ofac:9002")).build(),
            organization("ofac:99001", "FOURTH INSTITUTE OF APPLIED SCIENCES", "KP"),
            organization("ofac:9003", "KOREA SOKCHON GENERAL CORPORATION", "KP"),
            organization("ofac:9004", "GOLDEN STAR TRADING LTD", "CN"));

    private final IndexedRegistry registry = NameMatchers.prepare(PARTIES,
            PartyLinks.of(List.of(new PartyLink("ofac:39496", "eu:1001", "same name and date of birth"))));
    private final NameMatcher matcher = NameMatchers.indexed(registry, MatchPolicy.defaults());
    private final NameMatcher bruteForce = NameMatchers.bruteForce(registry, MatchPolicy.defaults());

    private List<MatchHit> search(MatchQuery q) {
        List<MatchHit> hits = matcher.search(q, 10);
        assertThat(hits).extracting(MatchHit::partyId, MatchHit::score)
                .containsExactlyElementsOf(bruteForce.search(q, 10).stream()
                        .map(h -> org.assertj.core.groups.Tuple.tuple(h.partyId(), h.score())).toList());
        return hits;
    }

    @Test
    void search_southKoreanSpellingWithYear_ranksChoeCholMinFirstAsAlert() {
        // given the spelling a wire from Beijing would carry
        List<MatchHit> hits = search(MatchQuery.of("Choi Cheol-min").withDateOfBirth("1978").withCountry("CN"));
        // then the designated person is first, alerted, and the explanation says why
        MatchHit top = hits.get(0);
        assertThat(top.partyId()).isEqualTo("ofac:43598");
        assertThat(top.decision()).isEqualTo(Decision.ALERT);
        assertThat(top.explanation().tokens()).extracting(t -> t.queryToken() + ">" + t.listToken() + ":"
                + t.method()).contains("choi>choe:ROMANIZATION", "cheol>chol:ROMANIZATION", "min>min:EXACT");
        assertThat(top.explanation().attributes()).extracting(AttributeEffect::attribute, AttributeEffect::effect)
                .contains(org.assertj.core.groups.Tuple.tuple("date of birth", 3.0),
                        org.assertj.core.groups.Tuple.tuple("country", 2.0));
        assertThat(top.score()).isEqualTo(top.explanation().score()).isLessThanOrEqualTo(100);
        assertThat(top.party().designations().get(0).legalBasis()).isEqualTo("E.O. 13382");
    }

    @Test
    void search_legalForm_costsOnlyWhenTheRecordStatesOneTheListedNameLacks() {
        // the record leaves out the listed LTD: no effect
        MatchHit without = search(MatchQuery.of("Golden Star Trading")).get(0);
        assertThat(without.partyId()).isEqualTo("ofac:9004");
        assertThat(without.explanation().attributes()).extracting(AttributeEffect::attribute)
                .doesNotContain("legal form");
        assertThat(without.score()).isEqualTo(100.0);
        // the record states a legal form the listed name lacks: -2
        MatchHit stated = search(MatchQuery.of("Fourth Institute of Applied Sciences LLC")).get(0);
        assertThat(stated.partyId()).isEqualTo("ofac:99001");
        assertThat(stated.explanation().attributes()).extracting(AttributeEffect::attribute, AttributeEffect::effect)
                .contains(org.assertj.core.groups.Tuple.tuple("legal form", -2.0));
    }

    @Test
    void search_commonKoreanNameBornLater_raisesNothing() {
        assertThat(search(MatchQuery.of("Kim Min-jun").withDateOfBirth("1990"))).isEmpty();
    }

    @Test
    void search_exactNameButBornFortyYearsLater_isNotAnAlert() {
        // given KIM Su Gil's exact name and a 1990 birth year (he was born in 1950)
        List<MatchHit> hits = search(MatchQuery.of("Kim Su Gil").withDateOfBirth("1990"));
        // then no alert: the date of birth takes 40 points off
        assertThat(hits).noneMatch(h -> h.decision() == Decision.ALERT);
    }

    @Test
    void search_personQuery_neverReturnsAnOrganization() {
        List<MatchHit> hits = search(MatchQuery.of("Fourth Institute of Applied Sciences").withType(
                PartyType.INDIVIDUAL));
        assertThat(hits).isEmpty();
        assertThat(search(MatchQuery.of("Fourth Institute of Applied Sciences")))
                .extracting(MatchHit::partyId).first().isEqualTo("ofac:99001");
    }

    @Test
    void search_hangul_findsTheRomanizedListing() {
        assertThat(search(MatchQuery.of("최은정"))).extracting(MatchHit::partyId).first().isEqualTo("ofac:43616");
    }

    @Test
    void search_linkedEntries_makeOneHitCitingEveryAuthority() {
        // given JON Il Ho listed by the EU and by OFAC, the two entries linked
        List<MatchHit> hits = search(MatchQuery.of("Jeon Il-ho"));
        // then one hit, the other entry linked, and both designations cited
        assertThat(hits).extracting(MatchHit::partyId).containsExactly("eu:1001");
        assertThat(hits.get(0).linkedIds()).containsExactly("ofac:39496");
        assertThat(hits.get(0).citations()).extracting(c -> c.number() + " " + c.partyId() + " "
                + c.designation().authority()).containsExactly("1 eu:1001 " + Authorities.EU,
                        "2 ofac:39496 " + Authorities.OFAC);
    }

    @Test
    void search_noticeLinkedToAListEntry_reportsTheListEntry() {
        // given a designation notice naming CHOE Chol Min in Hangul, linked to the OFAC entry
        Party notice = Party.builder("notice:choe-chol-min").type(PartyType.INDIVIDUAL)
                .name(PartyName.of("CHOE Chol Min", NameKind.PRIMARY, NameQuality.STRONG))
                .name(new PartyName("최철민", null, null, NameKind.ORIGINAL_SCRIPT, NameQuality.STRONG, null))
                .designation(io.vigil.registry.testing.RegistryFixtures.designation("ofac:43598")).build();
        java.util.ArrayList<Party> parties = new java.util.ArrayList<>(PARTIES);
        parties.add(notice);
        IndexedRegistry withNotice = NameMatchers.prepare(parties, PartyLinks.of(List.of(
                new PartyLink("notice:choe-chol-min", "ofac:43598", "notice names the entry"))));
        // when the Revised Romanization spelling is screened (the notice's Hangul name scores best)
        List<MatchHit> hits = NameMatchers.indexed(withNotice, MatchPolicy.defaults()).search(
                MatchQuery.of("Choi Cheol-min").withDateOfBirth("1978"), 5);
        // then the OFAC entry is the hit, the notice rides along, and the explanation says which name matched
        assertThat(hits.get(0).partyId()).isEqualTo("ofac:43598");
        assertThat(hits.get(0).linkedIds()).containsExactly("notice:choe-chol-min");
        assertThat(hits.get(0).matchedPartyId()).isIn("ofac:43598", "notice:choe-chol-min");
        assertThat(hits.get(0).explanation().matchedName()).isEqualTo(hits.get(0).matchedName().fullName());
        assertThat(hits).extracting(MatchHit::partyId).doesNotContain("notice:choe-chol-min");
    }

    @Test
    void search_weakAlias_flaggedAndScoredLower() {
        List<MatchHit> hits = search(MatchQuery.of("Abu Ali"));
        assertThat(hits).isNotEmpty();
        MatchHit hit = hits.get(0);
        assertThat(hit.matchedName().quality()).isEqualTo(NameQuality.WEAK);
        assertThat(hit.explanation().attributes()).anySatisfy(a -> {
            assertThat(a.attribute()).isEqualTo("name quality");
            assertThat(a.effect()).isNegative();
        });
        assertThat(hit.score()).isLessThan(100);
    }

    @Test
    void search_differentLegalForm_doesNotEqualTheListedCompany() {
        MatchHit same = search(MatchQuery.of("Golden Star Trading Limited")).get(0);
        MatchHit without = search(MatchQuery.of("Golden Star Trading")).get(0);
        MatchHit other = search(MatchQuery.of("Golden Star Trading GmbH")).get(0);
        assertThat(same.score()).isEqualTo(100.0);
        // a record that leaves the legal form out says nothing about it
        assertThat(without.score()).isEqualTo(same.score());
        assertThat(other.score()).isLessThan(without.score());
    }

    @Test
    void search_genericCorporateWordsAlone_doNotMatchACompany() {
        assertThat(search(MatchQuery.of("General Corporation"))).noneMatch(h -> h.decision() == Decision.ALERT);
    }

    @Test
    void search_orderSwapped_scoresTheSame() {
        double a = search(MatchQuery.of("Abu Bakr al-Baghdadi")).get(0).score();
        double b = search(MatchQuery.of("AL-BAGHDADI, Abu Bakr")).get(0).score();
        assertThat(a).isEqualTo(b).isEqualTo(100.0);
    }

    @Test
    void search_limit_cutsTheRanking() {
        assertThat(matcher.search(MatchQuery.of("Jon Il Ho"), 1)).hasSize(1);
        assertThat(matcher.search(MatchQuery.of("Jon Il Ho"), 0)).isEmpty();
    }

    @Test
    void search_sameInputTwice_sameHitsAndExplanations() {
        MatchQuery q = MatchQuery.of("CH'OE Ch'ol-min").withDateOfBirth("1978-04-03");
        assertThat(matcher.search(q, 10)).isEqualTo(matcher.search(q, 10));
    }

    @Test
    void query_badDate_namesTheText() {
        assertThatThrownBy(() -> MatchQuery.of("x").withDateOfBirth("03/04/1978"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'03/04/1978'");
        assertThatThrownBy(() -> MatchQuery.of("x").withCountry("Atlantis"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Atlantis'");
    }

    @Test
    void policy_decides() {
        MatchPolicy p = new MatchPolicy(85, 72);
        assertThat(p.decide(85)).isEqualTo(Decision.ALERT);
        assertThat(p.decide(84.9)).isEqualTo(Decision.REVIEW);
        assertThat(p.decide(71.9)).isNull();
        assertThatThrownBy(() -> new MatchPolicy(60, 70)).hasMessageContaining("review <= alert");
    }

    @Test
    void explanation_summary_namesTheMatchedAlias() {
        MatchHit hit = search(MatchQuery.of("Ch'oe Ch'ol-min")).get(0);
        assertThat(hit.explanation().summary()).startsWith("name \"").contains("final " + String.format(
                java.util.Locale.ROOT, "%.1f", hit.score()));
        assertThat(hit.explanation().tokens()).extracting(t -> t.method()).doesNotContain(
                TokenMatchMethod.UNMATCHED_QUERY);
    }

    @Test
    void search_hugeQueries_completeQuicklyInBothMatchers() {
        // given a 5 MB single token, 5 MB of short tokens and 5 MB of 500-letter tokens (the index, the scorer and
        // the normalizer each bound what they look at; a deletion neighbourhood of 5 MB would need terabytes)
        StringBuilder shortTokens = new StringBuilder("Choe Chol Min ");
        for (int i = 0; shortTokens.length() < 5 * 1024 * 1024; i++) {
            shortTokens.append("w").append(Integer.toString(i, 36)).append(' ');
        }
        StringBuilder longTokens = new StringBuilder();
        while (longTokens.length() < 5 * 1024 * 1024) {
            longTokens.append("choecholmin".repeat(45)).append(' ');
        }
        List<String> queries = List.of("C".repeat(5 * 1024 * 1024), "choe" + "l".repeat(5 * 1024 * 1024),
                shortTokens.toString(), longTokens.toString());

        // when
        long start = System.nanoTime();
        for (String q : queries) {
            matcher.search(MatchQuery.of(q), 10);
            bruteForce.search(MatchQuery.of(q), 10);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        // then
        assertThat(millis).isLessThan(1000);
    }

    @Test
    void remembering_givesTheSameHitsForNamesMetAgainWithOtherAttributes() {
        // given the matcher remembering names, and queries repeating names with other dates of birth and countries
        NameMatcher remembering = matcher.remembering(100);
        List<String> names = List.of("Choi Cheol-min", "CHOE Chol Min", "Jon Il Ho", "Kim Min Jun", "Ali Hassan",
                "Abu Ali", "Golden Star Trading Ltd", "Korea Sokchon General", "", "Nobody Known");
        List<String[]> attributes = List.of(new String[] {null, null}, new String[] {"1978", "CN"},
                new String[] {"1956-02-20", "KP"}, new String[] {"1990", "DE"});

        for (int round = 0; round < 2; round++) {
            for (String name : names) {
                for (String[] a : attributes) {
                    for (PartyType type : new PartyType[] {null, PartyType.INDIVIDUAL, PartyType.ORGANIZATION}) {
                        MatchQuery q = MatchQuery.of(name).withDateOfBirth(a[0]).withCountry(a[1]).withType(type);

                        // then each search, the first of its name or not, gives what the plain matcher gives
                        assertThat(remembering.search(q, 10)).isEqualTo(matcher.search(q, 10));
                        assertThat(remembering.mayFind(q)).isEqualTo(matcher.mayFind(q));
                    }
                }
            }
        }
    }
}
