package io.vigil.registry.imports;

import static io.vigil.registry.testing.RegistryFixtures.choeCholMin;
import static io.vigil.registry.testing.RegistryFixtures.clock;
import static io.vigil.registry.testing.RegistryFixtures.passport;
import static io.vigil.registry.testing.RegistryFixtures.person;
import static io.vigil.registry.testing.RegistryFixtures.unReference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.registry.link.PartyLink;
import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.Party;
import io.vigil.registry.source.ListParseException;
import io.vigil.registry.source.ParsedList;
import io.vigil.registry.store.ImportFailure;
import io.vigil.registry.store.JdbcSnapshotStore;
import io.vigil.registry.store.SnapshotInfo;
import io.vigil.registry.store.SnapshotSource;
import io.vigil.registry.testing.RegistryFixtures;
import io.vigil.registry.testing.RegistryFixtures.FakeParser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryImporterTests {

    private final JdbcSnapshotStore store = new JdbcSnapshotStore(RegistryFixtures.memoryDb(), clock());

    private final Party yu = person("ofac:39497", "YU, Jin", "KP", PartialDate.ofYear(1960, "1960"));
    private final Party unChoe = person("un:KPi.077", "CHOE CHOL MIN", "KP", null, passport("108410050", "KP"));
    private final Party ukChoe = person("uk:14001", "Chol Min CHOE", "KP", PartialDate.ofYear(1978, "1978"),
            unReference("KPi.077"));

    private final FakeParser ofac = FakeParser.returning("ofac-sdn-csv", List.of(choeCholMin(), yu));
    private final FakeParser un = FakeParser.returning("un-xml", List.of(unChoe));
    private final FakeParser uk = FakeParser.returning("uk-xml", List.of(ukChoe));

    @Test
    void importSources_threeSources_savesOneLinkedActiveSnapshot() throws ListParseException {
        // given parsers for three lists that carry the same person
        RegistryImporter importer = new RegistryImporter(ListParserRegistry.of(List.of(ofac, un, uk)), store);
        // when they are imported
        ImportResult result = importer.importSources(List.of(new SourceRequest("ofac-sdn-csv", Path.of("sdn.csv")),
                SourceRequest.parse("un-xml=un.xml"), SourceRequest.parse("uk-xml=uk.xml")));
        // then one snapshot holds all four entries, with per-source counts and warnings
        assertThat(result.snapshotId()).isEqualTo(1);
        assertThat(result.partyCount()).isEqualTo(4);
        assertThat(result.sources()).extracting(ImportResult.SourceCount::sourceType,
                ImportResult.SourceCount::entryCount).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ofac-sdn-csv", 2),
                        org.assertj.core.groups.Tuple.tuple("un-xml", 1),
                        org.assertj.core.groups.Tuple.tuple("uk-xml", 1));
        assertThat(result.sources().get(1).warnings()).containsExactly("warning from un-xml");
        // and the three CHOE entries are linked by passport, UN reference and name+DOB+nationality
        assertThat(result.linkCount()).isEqualTo(3);
        assertThat(store.linkedIds(1, "ofac:43598")).containsExactly("uk:14001", "un:KPi.077");
        assertThat(store.links(1, "ofac:43598")).containsExactly(
                new PartyLink("ofac:43598", "uk:14001",
                        "same name 'choe chol min', DOB 1978-04-03 overlaps 1978, nationality KP"),
                new PartyLink("ofac:43598", "un:KPi.077", "same passport 108410050 (KP)"));
        assertThat(store.links(1, "uk:14001")).extracting(PartyLink::reason).contains("UN reference KPi.077");
        SnapshotInfo active = store.active().orElseThrow();
        assertThat(active.id()).isEqualTo(1);
        assertThat(active.sources()).extracting(SnapshotSource::entryCount).containsExactly(2, 1, 1);
        assertThat(active.note()).isEqualTo("import [ofac-sdn-csv=sdn.csv, un-xml=un.xml, uk-xml=uk.xml]");
        assertThat(store.failedImports()).isEmpty();
    }

    @Test
    void importSources_alreadyParsedSource_isNotParsedAgain() throws ListParseException {
        // given the UN list already parsed (as when a download was validated before it was accepted)
        RegistryImporter importer = new RegistryImporter(ListParserRegistry.of(List.of(ofac, un)), store);
        SourceRequest unRequest = SourceRequest.parse("un-xml=un.xml");
        ParsedList parsedEarlier = un.parse(unRequest.path());
        int callsBefore = un.calls();
        // when it is imported together with a source that still needs parsing
        ImportResult result = importer.importSources(List.of(SourceRequest.parse("ofac-sdn-csv=sdn.csv"), unRequest),
                java.util.Map.of(unRequest, parsedEarlier));
        // then the UN parser is not called again, and its entries are in the snapshot
        assertThat(un.calls()).isEqualTo(callsBefore);
        assertThat(ofac.calls()).isEqualTo(1);
        assertThat(result.sources()).extracting(ImportResult.SourceCount::entryCount).containsExactly(2, 1);
        assertThat(store.party(result.snapshotId(), "un:KPi.077")).isPresent();
    }

    @Test
    void importSources_failingParser_keepsPreviousSnapshotAndWritesNothing() throws ListParseException {
        // given a first successful import, then an import whose second parser fails
        new RegistryImporter(ListParserRegistry.of(List.of(ofac)), store)
                .importSources(List.of(SourceRequest.parse("ofac-sdn-csv=sdn.csv")));
        FakeParser broken = FakeParser.failing("un-xml", "element INDIVIDUAL #3 has no name");
        RegistryImporter importer = new RegistryImporter(ListParserRegistry.of(List.of(ofac, broken, uk)), store);
        // when it runs
        assertThatThrownBy(() -> importer.importSources(List.of(SourceRequest.parse("ofac-sdn-csv=sdn.csv"),
                SourceRequest.parse("un-xml=lists/un.xml"), SourceRequest.parse("uk-xml=uk.xml"))))
                // then the parser's exception propagates with its message
                .isInstanceOf(ListParseException.class)
                .hasMessage("un.xml line 7: element INDIVIDUAL #3 has no name");
        // and snapshot 1 stays active, no snapshot 2 exists, the later parser never ran
        assertThat(store.list()).extracting(SnapshotInfo::id).containsExactly(1L);
        assertThat(store.active().orElseThrow().id()).isEqualTo(1);
        assertThat(uk.calls()).isZero();
        // and the failure is recorded with its message
        assertThat(store.failedImports()).extracting(ImportFailure::message).containsExactly(
                "import of [ofac-sdn-csv=sdn.csv, un-xml=lists/un.xml, uk-xml=uk.xml] failed: un.xml line 7: element"
                        + " INDIVIDUAL #3 has no name");
    }

    @Test
    void importSources_databaseFailure_isRecordedAndNothingIsActive() {
        // given a parser whose entry cannot be stored (id longer than the party_id column)
        FakeParser bad = FakeParser.returning("ofac-sdn-csv", List.of(person("ofac:" + "1".repeat(300), "X, Y",
                "KP", null)));
        RegistryImporter importer = new RegistryImporter(ListParserRegistry.of(List.of(bad)), store);
        // when imported
        assertThatThrownBy(() -> importer.importSources(List.of(SourceRequest.parse("ofac-sdn-csv=sdn.csv"))))
                // then the store's failure propagates, is recorded, and no snapshot exists
                .isInstanceOf(io.vigil.registry.store.RegistryStoreException.class)
                .hasMessageStartingWith("saving snapshot 1 failed, the previous snapshot stays active");
        assertThat(store.list()).isEmpty();
        assertThat(store.failedImports()).singleElement().extracting(ImportFailure::message).asString()
                .startsWith("import of [ofac-sdn-csv=sdn.csv] failed: saving snapshot 1 failed");
    }

    @Test
    void importSources_sameIdInTwoSources_keepsTheFirstEntryWithBothDesignations() throws Exception {
        // given the non-SDN source also carries ofac:39497, under another program
        io.vigil.registry.model.Designation nonSdn = new io.vigil.registry.model.Designation("US Treasury OFAC",
                "Non-SDN Consolidated Sanctions List", "NS-PLC", null, null, "39497", null, "ofac-cons-csv");
        Party yuOnCons = new Party(yu.id(), yu.type(), yu.names(), yu.datesOfBirth(), yu.placesOfBirth(),
                yu.nationalities(), yu.citizenships(), yu.addresses(), yu.identifiers(), yu.gender(), yu.titles(),
                yu.relations(), yu.remarks(), List.of(nonSdn));
        FakeParser cons = FakeParser.returning("ofac-cons-csv", List.of(yuOnCons));
        RegistryImporter importer = new RegistryImporter(ListParserRegistry.of(List.of(ofac, cons)), store);

        // when both are imported together
        ImportResult result = importer.importSources(List.of(SourceRequest.parse("ofac-sdn-csv=sdn"),
                SourceRequest.parse("ofac-cons-csv=cons")));

        // then the entry is kept once, from the first source, carrying both designations, and the second source
        // says so
        Party merged = store.party(result.snapshotId(), "ofac:39497").orElseThrow();
        assertThat(merged.designations()).containsAll(yu.designations()).contains(nonSdn);
        assertThat(store.parties(result.snapshotId())).filteredOn(p -> p.id().equals("ofac:39497")).hasSize(1);
        // the source still counts the entry it read (the snapshot records what each file holds)
        assertThat(result.sources().get(1).entryCount()).isEqualTo(1);
        assertThat(result.partyCount()).isEqualTo(2);
        assertThat(result.sources().get(1).warnings()).contains("ofac:39497 is also in ofac-sdn-csv (sdn): "
                + "that entry is kept and this source's designations are added to it");
    }

    @Test
    void importSources_unknownType_failsListingKnownTypesBeforeParsing() {
        // given a registry with two parsers
        RegistryImporter importer = new RegistryImporter(ListParserRegistry.of(List.of(un, ofac)), store);
        // when an unknown type is requested after a known one
        assertThatThrownBy(() -> importer.importSources(List.of(SourceRequest.parse("un-xml=un.xml"),
                SourceRequest.parse("eu-xml=eu.xml"))))
                // then it fails naming the known types, and no parser ran
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown source type 'eu-xml'; known types: ofac-sdn-csv, un-xml");
        assertThat(un.calls()).isZero();
        assertThat(store.active()).isEmpty();
    }

    @Test
    void listParserRegistry_duplicateType_isRejected() {
        // given two parsers of one type / when / then
        assertThatThrownBy(() -> ListParserRegistry.of(List.of(un, FakeParser.returning("un-xml", List.of()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two parsers for source type "
                        + "'un-xml'");
        assertThat(ListParserRegistry.of(List.of(uk, un)).sourceTypes()).containsExactly("uk-xml", "un-xml");
    }

    @Test
    void sourceRequest_parse_readsTypeAndPath() {
        // given / when / then
        assertThat(SourceRequest.parse("ofac-sdn-csv=/data/ofac")).isEqualTo(
                new SourceRequest("ofac-sdn-csv", Path.of("/data/ofac")));
        assertThatThrownBy(() -> SourceRequest.parse("ofac-sdn-csv")).hasMessage(
                "expected TYPE=PATH, got 'ofac-sdn-csv'");
    }
}
