package io.vigil.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vigil.registry.link.PartyLink;
import io.vigil.registry.link.PartyLinks;
import io.vigil.registry.model.Address;
import io.vigil.registry.model.Authorities;
import io.vigil.registry.model.Countries;
import io.vigil.registry.model.DatePrecision;
import io.vigil.registry.model.Designation;
import io.vigil.registry.model.Identifier;
import io.vigil.registry.model.IdentifierType;
import io.vigil.registry.model.ListSource;
import io.vigil.registry.model.NameQuality;
import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.model.Relation;
import io.vigil.registry.model.SourceFile;
import io.vigil.registry.store.ImportFailure;
import io.vigil.registry.store.JdbcSnapshotStore;
import io.vigil.registry.store.SnapshotInfo;
import io.vigil.registry.store.SnapshotSource;
import io.vigil.registry.store.SnapshotStatus;
import io.vigil.registry.testing.SharedLists;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports the real official lists from {@code ../shared/data/lists} into an H2 file database, exactly as the
 * acceptance command does ({@code ofac-sdn-csv=ofac/ un-xml=un/consolidated.xml uk-ofsi-csv=uk/sanctionsconlist.csv}),
 * and checks counts, hashes, publication dates, a seed person read back from the database, and that every
 * cross-list link is backed by the data it cites. Skipped when the shared lists are absent.
 */
class RealListsImportTests {

    private static final Instant NOW = Instant.parse("2024-05-03T02:00:00Z");
    private static final List<String> SEED_OFAC_IDS = List.of("ofac:39496", "ofac:39497", "ofac:39498", "ofac:43598",
            "ofac:43616");

    @TempDir
    Path tmp;

    private JdbcSnapshotStore store() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + tmp.resolve("vigil").toAbsolutePath());
        return new JdbcSnapshotStore(ds, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static List<SourceRequest> acceptanceSources() {
        return List.of(new SourceRequest("ofac-sdn-csv", SharedLists.require("ofac")),
                new SourceRequest("un-xml", SharedLists.require("un/consolidated.xml")),
                new SourceRequest("uk-ofsi-csv", SharedLists.require("uk/sanctionsconlist.csv")));
    }

    @Test
    void importSources_acceptanceLists_oneActiveSnapshotWithCountsHashesDatesAndReasonedLinks() throws Exception {
        // given the three lists of the acceptance command and an empty H2 file database
        JdbcSnapshotStore store = store();
        RegistryImporter importer = new RegistryImporter(ListParserRegistry.defaults(), store);

        // when they are imported together
        ImportResult result = importer.importSources(acceptanceSources());
        printTimings("acceptance import (ofac-sdn-csv + un-xml + uk-ofsi-csv)", result);

        // then one snapshot holds the exact entry counts of SOURCES.md
        assertThat(result.snapshotId()).isEqualTo(1);
        assertThat(result.sources()).extracting(ImportResult.SourceCount::sourceType,
                ImportResult.SourceCount::entryCount).containsExactly(tuple("ofac-sdn-csv", 13_821),
                        tuple("un-xml", 1_003), tuple("uk-ofsi-csv", 2_106));
        assertThat(result.partyCount()).isEqualTo(13_821 + 1_003 + 2_106);

        // and the snapshot is ACTIVE, its counts by type and by authority consistent with the per-list counts
        SnapshotInfo info = store.active().orElseThrow();
        assertThat(info.id()).isEqualTo(1);
        assertThat(info.status()).isEqualTo(SnapshotStatus.ACTIVE);
        assertThat(info.createdAt()).isEqualTo(NOW);
        assertThat(info.partyCount()).isEqualTo(16_930);
        assertThat(info.linkCount()).isEqualTo(result.linkCount());
        assertThat(info.sources()).extracting(s -> s.source().sourceType(), SnapshotSource::entryCount)
                .containsExactly(tuple("ofac-sdn-csv", 13_821), tuple("un-xml", 1_003), tuple("uk-ofsi-csv", 2_106));
        assertThat(info.partiesByAuthority()).containsExactlyInAnyOrderEntriesOf(Map.of(Authorities.OFAC, 13_821,
                Authorities.UN, 1_003, Authorities.UK_OFSI, 2_106));
        Map<String, String> ukGroups = RawListFacts.ukGroupTypes(SharedLists.require("uk/sanctionsconlist.csv"));
        Map<String, Integer> ukTypes = RawListFacts.countBy(List.copyOf(ukGroups.values()), Function.identity());
        assertThat(ukGroups).hasSize(2_106);
        // SOURCES.md: OFAC 6,646 individual, 6,033 entity, 764 vessel, 378 aircraft; UN 730 INDIVIDUAL, 273 ENTITY
        assertThat(info.partiesByType()).containsExactlyInAnyOrderEntriesOf(Map.of(
                PartyType.INDIVIDUAL, 6_646 + 730 + ukTypes.get("Individual"),
                PartyType.ORGANIZATION, 6_033 + 273 + ukTypes.get("Entity"),
                PartyType.VESSEL, 764, PartyType.AIRCRAFT, 378));
        assertThat(ukTypes.get("Individual") + ukTypes.get("Entity")).isEqualTo(2_106);

        // and every file read carries the SHA-256 and size of the real file
        Path ofac = SharedLists.require("ofac");
        assertFiles(info, "ofac-sdn-csv", ofac.resolve("sdn.csv"), ofac.resolve("add.csv"), ofac.resolve("alt.csv"),
                ofac.resolve("sdn_comments.csv"));
        assertFiles(info, "un-xml", SharedLists.require("un/consolidated.xml"));
        assertFiles(info, "uk-ofsi-csv", SharedLists.require("uk/sanctionsconlist.csv"));

        // and the publication dates are the ones the files state; OFAC's legacy CSV states none and says so
        assertThat(source(info, "un-xml").publicationDate()).isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(source(info, "un-xml").publicationDateNote()).contains("dateGenerated");
        assertThat(source(info, "uk-ofsi-csv").publicationDate()).isEqualTo(LocalDate.of(2018, 4, 13));
        assertThat(source(info, "uk-ofsi-csv").publicationDateNote()).contains("Last Updated");
        assertThat(source(info, "ofac-sdn-csv").publicationDate()).isNull();
        assertThat(source(info, "ofac-sdn-csv").publicationDateNote()).isEqualTo(
                "not stated in the legacy CSV files");

        // and seed person CHOE Chol Min, read back from the database, has every detail of his OFAC rows
        Party choe = store.party(1, "ofac:43598").orElseThrow();
        assertThat(choe.primaryName()).isEqualTo("CHOE, Chol Min");
        assertThat(choe.names()).extracting(PartyName::fullName).containsExactly("CHOE, Chol Min", "CHOE, Chol-min");
        assertThat(choe.datesOfBirth()).extracting(PartialDate::iso, PartialDate::precision)
                .containsExactly(tuple("1978-04-03", DatePrecision.DAY));
        assertThat(choe.nationalities()).containsExactly("KP");
        assertThat(choe.identifiers()).extracting(Identifier::type, Identifier::value, Identifier::countryCode,
                Identifier::note).containsExactly(tuple(IdentifierType.PASSPORT, "108410050", "KP",
                        "expires 19 Oct 2023"));
        assertThat(choe.relations()).extracting(Relation::kind, Relation::targetName)
                .containsExactly(tuple("Linked To", "SECOND ACADEMY OF NATURAL SCIENCES"));
        String academy = choe.relations().get(0).targetPartyId();
        assertThat(store.party(1, academy).orElseThrow().primaryName()).isEqualTo("SECOND ACADEMY OF NATURAL SCIENCES");
        assertThat(choe.addresses()).extracting(Address::city, Address::countryCode).containsExactly(
                tuple("Beijing", "CN"));
        assertThat(choe.designations()).extracting(Designation::authority, Designation::program,
                Designation::legalBasis, Designation::sourceReference).containsExactly(
                        tuple(Authorities.OFAC, "NPWMD", "E.O. 13382", "43598"));

        // and the five seed persons, listed only by OFAC, are linked to nothing (RYU Jin is not YU Jin)
        for (String seed : SEED_OFAC_IDS) {
            assertThat(store.linkedIds(1, seed)).as(seed).isEmpty();
        }

        // and every link is backed by the data its reason cites
        List<Party> parties = store.parties(1);
        Map<String, Party> byId = parties.stream().collect(Collectors.toMap(Party::id, p -> p));
        PartyLinks links = store.links(1);
        assertThat(links.size()).isEqualTo(result.linkCount());
        assertThat(auditLinks(links, byId)).isEmpty();
        Map<String, Integer> byKind = reasonKinds(links);
        System.out.println("links by reason kind (sources a-b, reason): " + byKind);
        System.out.println("links by source pair: " + RawListFacts.countBy(links.links(), l -> sourcePair(l)));
        assertThat(byKind.keySet()).allMatch(k -> k.matches("[a-z]+-[a-z]+ (same (passport|national ID|IMO number"
                + "|SWIFT/BIC|registration number)|UN reference|same name \\((individual|organization)\\))"));

        // and UK entries citing a UN reference are linked to that UN entry, with the reference as the reason
        Map<String, String> unIds = new TreeMap<>();
        parties.stream().filter(p -> p.source().equals("un"))
                .forEach(p -> unIds.put(RawListFacts.currentUnReference(p.id().substring(3)), p.id()));
        int ukCiting = 0;
        int ukLinked = 0;
        Set<String> absentFromUn = new java.util.TreeSet<>();
        for (Party p : parties) {
            if (!p.source().equals("uk")) {
                continue;
            }
            List<String> refs = p.identifiers().stream().filter(i -> i.type() == IdentifierType.UN_REFERENCE)
                    .map(i -> RawListFacts.currentUnReference(i.value())).distinct().toList();
            ukCiting += refs.isEmpty() ? 0 : 1;
            boolean linked = false;
            for (String ref : refs) {
                String unId = unIds.get(ref);
                if (unId == null) {
                    absentFromUn.add(ref);
                    continue;
                }
                assertThat(store.links(1, p.id())).as(p.id() + " cites " + ref)
                        .anySatisfy(l -> {
                            assertThat(l.linkedPartyId()).isEqualTo(unId);
                            assertThat(l.reason()).contains("UN reference " + ref);
                        });
                linked = true;
            }
            ukLinked += linked ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "UK entries citing a UN reference: %d, linked to the UN entry: %d;"
                + " references not on the 2026 UN list: %d %s%n", ukCiting, ukLinked, absentFromUn.size(),
                absentFromUn);
        assertThat(ukCiting).isGreaterThan(400);
        assertThat(ukLinked).isGreaterThan(ukCiting * 8 / 10);

        // and, concretely: AQIM leader DROUKDEL is on all three lists; the UK still cites the pre-2015 UN form
        assertThat(store.links(1, "uk:9157")).containsExactly(
                new PartyLink("uk:9157", "ofac:10612",
                        "same name 'abdelmalek droukdel', DOB 1970-04-20 overlaps, nationality DZ"),
                new PartyLink("uk:9157", "un:QDi.232", "UN reference QDi.232 (written QI.D.232.07); same name"
                        + " 'abdelmalek droukdel', DOB 1970-04-20 overlaps, nationality DZ"));
        assertThat(store.links(1, "ofac:10612")).extracting(PartyLink::linkedPartyId, PartyLink::reason)
                .contains(tuple("un:QDi.232", "same name 'abdelmalek droukdel', DOB 1970-04-20 overlaps,"
                        + " nationality DZ"));
        assertThat(RawListFacts.ofacRows(ofac.resolve("sdn.csv")).get(10612))
                .startsWith("10612,\"DROUKDEL, Abdelmalek\",\"individual\",\"SDGT\"")
                .contains("DOB 20 Apr 1970", "nationality Algeria");
        assertThat(ukRows("9157")).isNotEmpty().allSatisfy(row -> assertThat(row).contains("20/04/1970", "Algerian",
                "UN Ref QI.D.232.07"));

        // and KOMID's RYU Jin (the near-miss of seed YU Jin) is OFAC ent 17616, UN KPi.027 and UK group 13337,
        // all three linked by his passport and by name + DOB + nationality
        assertThat(store.links(1, "ofac:17616")).containsExactly(
                new PartyLink("ofac:17616", "uk:13337",
                        "same passport 563410081; same name 'jin ryu', DOB 1965-08-07 overlaps, nationality KP"),
                new PartyLink("ofac:17616", "un:KPi.027",
                        "same passport 563410081; same name 'jin ryu', DOB 1965-08-07 overlaps, nationality KP"));
        assertThat(store.linkedIds(1, "ofac:17616")).containsExactly("uk:13337", "un:KPi.027");
        assertThat(RawListFacts.ofacRows(ofac.resolve("sdn.csv")).get(17616))
                .contains("\"RYU, Jin\"", "DOB 07 Aug 1965", "Passport 563410081");
        String unXml = Files.readString(SharedLists.require("un/consolidated.xml"));
        String kpi027 = unXml.substring(unXml.indexOf("<REFERENCE_NUMBER>KPi.027"));
        kpi027 = kpi027.substring(0, kpi027.indexOf("</INDIVIDUAL>"));
        assertThat(kpi027).contains("<DATE>1965-08-07</DATE>", "<NUMBER>563410081</NUMBER>");
        assertThat(ukRows("13337")).isNotEmpty().allSatisfy(row -> assertThat(row).contains("07/08/1965",
                "North Korean", "563410081"));
    }

    @Test
    void importSources_compatibleSetLinksNotices_thenSdnAndNonSdnTogetherMergeSharedEntries() throws Exception {
        // given snapshot 1 from the acceptance lists
        JdbcSnapshotStore store = store();
        RegistryImporter importer = new RegistryImporter(ListParserRegistry.defaults(), store);
        importer.importSources(acceptanceSources());
        Path notices = Path.of("..", "config", "notices");
        assumeTrue(Files.isDirectory(notices), "../config/notices is absent");
        Path ofac = SharedLists.require("ofac");
        SourceRequest cons = new SourceRequest("ofac-cons-csv", ofac);
        SourceRequest classicXml = new SourceRequest("ofac-xml", SharedLists.require("ofac/consolidated.xml"));
        SourceRequest enhanced = new SourceRequest("ofac-enhanced-xml", SharedLists.require("ofac/CONS_ENHANCED.ZIP"));
        SourceRequest eu = new SourceRequest("eu-xml", SharedLists.require("eu/global_subset_2016-02-11.xml"));
        SourceRequest noticeDir = new SourceRequest("notices", notices);
        // when a compatible combination is imported: the SDN set, UN, UK, the EU subset and the notices
        ImportResult result = importer.importSources(List.of(acceptanceSources().get(0), acceptanceSources().get(1),
                acceptanceSources().get(2), eu, noticeDir));
        printTimings("compatible import (ofac-sdn-csv + un-xml + uk-ofsi-csv + eu-xml + notices)", result);

        // then it is snapshot 2, ACTIVE, with the EU subset's 595 entries and the 5 noticed persons
        assertThat(result.snapshotId()).isEqualTo(2);
        assertThat(result.sources()).extracting(ImportResult.SourceCount::sourceType,
                ImportResult.SourceCount::entryCount).containsExactly(tuple("ofac-sdn-csv", 13_821),
                        tuple("un-xml", 1_003), tuple("uk-ofsi-csv", 2_106), tuple("eu-xml", 595), tuple("notices", 5));
        assertThat(store.list()).extracting(SnapshotInfo::id, SnapshotInfo::status).containsExactly(
                tuple(1L, SnapshotStatus.SUPERSEDED), tuple(2L, SnapshotStatus.ACTIVE));

        // and each noticed person is linked to exactly its OFAC entry, by passport and/or name + DOB + nationality
        assertThat(store.links(2, "notice:jon-il-ho")).containsExactly(new PartyLink("notice:jon-il-ho",
                "ofac:39496", "same passport PS463120423 (KP); same name 'ho il jon', DOB 1956-02-20 overlaps,"
                        + " nationality KP"));
        assertThat(store.links(2, "notice:yu-jin")).containsExactly(new PartyLink("notice:yu-jin", "ofac:39497",
                "same name 'jin yu', DOB 1960 overlaps, nationality KP"));
        assertThat(store.links(2, "notice:kim-su-gil")).containsExactly(new PartyLink("notice:kim-su-gil",
                "ofac:39498", "same name 'gil kim su', DOB 1950 overlaps, nationality KP"));
        assertThat(store.links(2, "notice:choe-chol-min")).containsExactly(new PartyLink("notice:choe-chol-min",
                "ofac:43598", "same passport 108410050 (KP); same name 'choe chol min', DOB 1978-04-03 overlaps,"
                        + " nationality KP"));
        assertThat(store.links(2, "notice:choe-un-jong")).containsExactly(new PartyLink("notice:choe-un-jong",
                "ofac:43616", "same passport 108410051 (KP); same name 'choe jong un', DOB 1978-05-10 overlaps,"
                        + " nationality KP"));
        for (int i = 0; i < SEED_OFAC_IDS.size(); i++) {
            assertThat(store.linkedIds(2, SEED_OFAC_IDS.get(i))).as(SEED_OFAC_IDS.get(i)).hasSize(1)
                    .allMatch(id -> id.startsWith("notice:"));
        }
        // and the merged notice party carries one designation per notice (US, Korea, EU for JON Il Ho)
        assertThat(store.party(2, "notice:jon-il-ho").orElseThrow().designations())
                .extracting(Designation::authority, Designation::sourceReference).containsExactlyInAnyOrder(
                        tuple(Authorities.EU, "eu-2022-dprk"), tuple(Authorities.KOREA, "kr-2022-12-02"),
                        tuple(Authorities.OFAC, "us-2022-12-01-wpk"));

        // and every link of the bigger snapshot is backed by its data too
        Map<String, Party> byId = store.parties(2).stream().collect(Collectors.toMap(Party::id, p -> p));
        PartyLinks links = store.links(2);
        assertThat(auditLinks(links, byId)).isEmpty();
        System.out.println("snapshot 2 links by source pair: " + RawListFacts.countBy(links.links(),
                l -> sourcePair(l)));
        System.out.println("snapshot 2 links by reason kind: " + reasonKinds(links));

        // when the SDN and the non-SDN sets are imported together: they share some entry numbers (the 2023 SDN CSV
        // and the 2025 non-SDN CSV both carry them)
        Set<Integer> sdnAndCons = new HashSet<>(RawListFacts.ofacRows(ofac.resolve("sdn.csv")).keySet());
        sdnAndCons.retainAll(RawListFacts.ofacRows(ofac.resolve("cons_prim.csv")).keySet());
        System.out.println("ent_nums both in sdn.csv (2023-12-28) and cons_prim.csv (2025-12): " + sdnAndCons.size());
        assertThat(sdnAndCons).isNotEmpty();
        List<SourceRequest> both = new ArrayList<>(acceptanceSources());
        both.add(1, cons);
        ImportResult merged = importer.importSources(both);

        // then each shared entry is kept once, from the SDN set, and the non-SDN source says which ones it merged;
        // each source still counts the entries its file holds
        int consRows = RawListFacts.ofacRows(ofac.resolve("cons_prim.csv")).size();
        assertThat(merged.sources()).extracting(ImportResult.SourceCount::sourceType,
                ImportResult.SourceCount::entryCount).containsExactly(tuple("ofac-sdn-csv", 13_821),
                        tuple("ofac-cons-csv", consRows), tuple("un-xml", 1_003),
                        tuple("uk-ofsi-csv", 2_106));
        assertThat(merged.partyCount()).isEqualTo(13_821 + consRows - sdnAndCons.size() + 1_003 + 2_106);
        assertThat(merged.sources().get(1).warnings()).filteredOn(w -> w.contains("is also in ofac-sdn-csv"))
                .hasSize(sdnAndCons.size());
        Map<String, Party> mergedById = store.parties(merged.snapshotId()).stream()
                .collect(Collectors.toMap(Party::id, p -> p));
        for (int ent : sdnAndCons) {
            assertThat(mergedById).containsKey("ofac:" + ent);
            assertThat(mergedById.get("ofac:" + ent).designations()).extracting(Designation::sourceType)
                    .contains("ofac-sdn-csv");
        }
        // and the three non-SDN editions of one list, imported together, are merged the same way
        ImportResult editions = importer.importSources(List.of(cons, classicXml, enhanced));
        assertThat(editions.sources().get(1).warnings()).anyMatch(w -> w.contains("is also in ofac-cons-csv"));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static void printTimings(String what, ImportResult r) {
        System.out.printf(Locale.ROOT, "%s: %d entries, %d links; parse %d ms, link %d ms, save %d ms, total %d ms%n",
                what, r.partyCount(), r.linkCount(), r.parseTime().toMillis(), r.linkTime().toMillis(),
                r.saveTime().toMillis(), r.totalTime().toMillis());
    }

    private static ListSource source(SnapshotInfo info, String type) {
        return info.sources().stream().map(SnapshotSource::source).filter(s -> s.sourceType().equals(type))
                .findFirst().orElseThrow();
    }

    private static void assertFiles(SnapshotInfo info, String type, Path... files) throws IOException {
        List<SourceFile> expected = new ArrayList<>();
        for (Path f : files) {
            expected.add(new SourceFile(f.getFileName().toString(), RawListFacts.sha256(f), Files.size(f)));
        }
        assertThat(source(info, type).files()).as(type).containsExactlyElementsOf(expected);
    }

    private static List<String> ukRows(String groupId) throws IOException {
        String text = Files.readString(SharedLists.require("uk/sanctionsconlist.csv"),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        return text.lines().filter(l -> l.endsWith("," + groupId)).toList();
    }

    private static String sourcePair(PartyLink l) {
        return prefix(l.partyId()) + "-" + prefix(l.linkedPartyId());
    }

    private static String prefix(String id) {
        return id.substring(0, id.indexOf(':'));
    }

    private static final Pattern SAME_ID = Pattern.compile(
            "same (passport|national ID|IMO number|SWIFT/BIC|registration number) (\\S+)(?: \\(([^)]+)\\))?");
    private static final Pattern UN_REFERENCE = Pattern.compile("UN reference (\\S+)(?: \\(written (.+)\\))?");
    private static final Pattern SAME_NAME_PERSON = Pattern.compile(
            "same name '([^']*)', DOB (\\S+) overlaps(?: (\\S+))?, nationality (\\S+)");
    private static final Pattern SAME_NAME_ORG = Pattern.compile("same name '([^']*)', country (\\S+)");

    /** Link counts per "sources reason-kind", one count per reason of a link. */
    private static Map<String, Integer> reasonKinds(PartyLinks links) {
        Map<String, Integer> m = new TreeMap<>();
        for (PartyLink l : links.links()) {
            for (String r : l.reason().split("; ")) {
                Matcher id = SAME_ID.matcher(r);
                String kind = id.matches() ? "same " + id.group(1)
                        : r.startsWith("UN reference ") ? "UN reference"
                        : SAME_NAME_PERSON.matcher(r).matches() ? "same name (individual)"
                        : SAME_NAME_ORG.matcher(r).matches() ? "same name (organization)" : "other: " + r;
                m.merge(sourcePair(l) + " " + kind, 1, Integer::sum);
            }
        }
        return m;
    }

    /** Every reason of every link checked against both parties; returns the reasons that the data does not back. */
    private static List<String> auditLinks(PartyLinks links, Map<String, Party> byId) {
        List<String> problems = new ArrayList<>();
        for (PartyLink l : links.links()) {
            Party a = byId.get(l.partyId());
            Party b = byId.get(l.linkedPartyId());
            if (a == null || b == null) {
                problems.add(l + ": party missing from the snapshot");
                continue;
            }
            for (String r : l.reason().split("; ")) {
                if (!backs(a, r) || !backs(b, r) || !pairRule(a, b, r)) {
                    problems.add(l.partyId() + " — " + l.linkedPartyId() + ": " + r);
                }
            }
        }
        return problems;
    }

    private static boolean pairRule(Party a, Party b, String reason) {
        if (reason.startsWith("same name")) {
            return !a.source().equals(b.source()) && a.type() == b.type() && (!SAME_NAME_PERSON.matcher(reason)
                    .matches() || a.datesOfBirth().stream().anyMatch(da -> b.datesOfBirth().stream()
                            .anyMatch(da::overlaps)));
        }
        return true;
    }

    /** True when party {@code p} holds what the reason says both parties share. */
    private static boolean backs(Party p, String reason) {
        Matcher id = SAME_ID.matcher(reason);
        if (id.matches()) {
            IdentifierType type = switch (id.group(1)) {
                case "passport" -> IdentifierType.PASSPORT;
                case "national ID" -> IdentifierType.NATIONAL_ID;
                case "IMO number" -> IdentifierType.IMO;
                case "SWIFT/BIC" -> IdentifierType.SWIFT_BIC;
                default -> IdentifierType.REGISTRATION;
            };
            String value = id.group(2);
            return p.identifiers().stream().filter(i -> i.type() == type).anyMatch(i -> {
                String v = i.normalizedValue();
                return switch (type) {
                    case IMO -> v.replaceAll("[^0-9]", "").equals(value);
                    case SWIFT_BIC -> v.equals(value) || v.equals(value + "XXX");
                    default -> v.equals(value);
                } && (id.group(3) == null || i.countryCode() == null || i.countryCode().equals(id.group(3)));
            });
        }
        Matcher un = UN_REFERENCE.matcher(reason);
        if (un.matches()) {
            Set<String> refs = new HashSet<>();
            if (p.source().equals("un")) {
                refs.add(RawListFacts.currentUnReference(p.id().substring(3)));
            }
            p.identifiers().stream().filter(i -> i.type() == IdentifierType.UN_REFERENCE)
                    .forEach(i -> refs.add(RawListFacts.currentUnReference(i.value())));
            return refs.contains(un.group(1));
        }
        Matcher person = SAME_NAME_PERSON.matcher(reason);
        if (person.matches()) {
            return p.type() == PartyType.INDIVIDUAL && hasName(p, person.group(1))
                    && p.datesOfBirth().stream().map(PartialDate::iso).anyMatch(d -> d.equals(person.group(2))
                            || d.equals(person.group(3)))
                    && codes(p.nationalities(), p.citizenships(), List.of())
                            .containsAll(List.of(person.group(4).split("/")));
        }
        Matcher org = SAME_NAME_ORG.matcher(reason);
        if (org.matches()) {
            return hasName(p, org.group(1))
                    && codes(p.nationalities(), p.citizenships(), p.addresses())
                            .containsAll(List.of(org.group(2).split("/")));
        }
        return false;
    }

    private static boolean hasName(Party p, String key) {
        return p.names().stream().filter(n -> n.isPrimary() || n.quality() != NameQuality.WEAK)
                .anyMatch(n -> RawListFacts.nameTokens(n.fullName()).equals(key));
    }

    private static Set<String> codes(List<String> nationalities, List<String> citizenships, List<Address> addresses) {
        Set<String> out = new HashSet<>();
        for (String s : nationalities) {
            out.add(Countries.toIso2(s).orElse(s.strip().toUpperCase(Locale.ROOT)));
        }
        for (String s : citizenships) {
            out.add(Countries.toIso2(s).orElse(s.strip().toUpperCase(Locale.ROOT)));
        }
        for (Address a : addresses) {
            if (a.countryCode() != null) {
                out.add(a.countryCode());
            } else if (a.country() != null) {
                out.add(Countries.toIso2(a.country()).orElse(a.country().strip().toUpperCase(Locale.ROOT)));
            }
        }
        return out;
    }
}
