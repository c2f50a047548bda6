package io.vigil.registry.source.uk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.registry.model.Party;
import io.vigil.registry.source.ListParseException;
import io.vigil.registry.source.ParsedList;
import io.vigil.registry.testing.HostileXml;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and malformed input for both UK parsers: every failure names the file and the line or element. */
class UkHostileInputTests {

    @TempDir
    Path dir;

    private final UkSanctionsListParser fcdo = new UkSanctionsListParser();
    private final UkOfsiCsvParser ofsi = new UkOfsiCsvParser();

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private Path write(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }

    // ---- FCDO XML ----

    @Test
    void fcdo_xxe_isRefused() throws Exception {
        // given an external entity pointing at a local file
        Path f = write("xxe.xml", "<?xml version=\"1.0\"?>\n" + HostileXml.xxeDoctype("Designations")
                + "<Designations><Designation><UniqueID>&xxe;"
                + "</UniqueID></Designation></Designations>\n");

        // when / then
        assertThatThrownBy(() -> fcdo.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("xxe.xml line ").hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("root:");
    }

    @Test
    void fcdo_billionLaughs_isRefused() throws Exception {
        // given entity expansion
        Path f = write("lolz.xml", "<?xml version=\"1.0\"?>\n" + HostileXml.billionLaughsDoctype("lolz")
                + "<Designations><DateGenerated>&lol9;</DateGenerated></Designations>\n");

        // when / then
        assertThatThrownBy(() -> fcdo.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("lolz.xml line ").hasMessageContaining("DOCTYPE");
    }

    @Test
    void fcdo_truncated_namesFileAndLine() throws Exception {
        // given the fixture cut inside the second designation
        String xml = Files.readString(UkSanctionsListParserTests.FIXTURE, StandardCharsets.UTF_8);
        Path f = write("truncated.xml", xml.substring(0, xml.indexOf("<UNReferenceNumber>")));

        // when / then
        assertThatThrownBy(() -> fcdo.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("truncated.xml line ").hasMessageContaining("Designation #2");
    }

    @Test
    void fcdo_empty_isRefused() throws Exception {
        // given
        Path f = write("empty.xml", "  \n");

        // when / then
        assertThatThrownBy(() -> fcdo.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessage("empty.xml: file is empty");
    }

    @Test
    void fcdo_wrongEncoding_namesFileAndLine() throws Exception {
        // given a file declared UTF-8 whose bytes are windows-1252 (é = 0xE9)
        String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Designations>\n<Designation>\n"
                + "<UniqueID>DPR0001</UniqueID><Names><Name><Name6>CAFÉ CORPORATION</Name6></Name></Names>\n"
                + "</Designation>\n</Designations>\n";
        Path f = write("cp1252.xml", xml.getBytes(Charset.forName("windows-1252")));

        // when / then
        assertThatThrownBy(() -> fcdo.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("cp1252.xml ").hasMessageContaining("line 4");
    }

    @Test
    void fcdo_wrongRoot_isRefused() throws Exception {
        // given the UN list's root element
        Path f = write("un.xml", "<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST dateGenerated=\"2020-01-01\">"
                + "</CONSOLIDATED_LIST>\n");

        // when / then
        assertThatThrownBy(() -> fcdo.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessage("un.xml line 2: not a UK Sanctions List XML: root element is <CONSOLIDATED_LIST>,"
                        + " expected <Designations>");
    }

    @Test
    void fcdo_missingUniqueId_namesDesignation() throws Exception {
        // given
        Path f = write("noid.xml", "<Designations>\n<DateGenerated>01/01/2024</DateGenerated>\n<Designation>\n"
                + "<Names><Name><Name6>X</Name6></Name></Names></Designation>\n</Designations>\n");

        // when / then
        assertThatThrownBy(() -> fcdo.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessage("noid.xml element Designation #1 (line 3): missing UniqueID");
    }

    @Test
    void fcdo_badDateDesignated_namesUniqueId() throws Exception {
        // given
        Path f = write("baddate.xml", "<Designations>\n<Designation><UniqueID>RUS0001</UniqueID>"
                + "<DateDesignated>2022-02-30</DateDesignated><Names><Name><Name6>X</Name6></Name></Names>"
                + "</Designation>\n</Designations>\n");

        // when / then
        assertThatThrownBy(() -> fcdo.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessage("baddate.xml element Designation #1 (line 2, UniqueID RUS0001): DateDesignated"
                        + " '2022-02-30' is not DD/MM/YYYY");
    }

    @Test
    void fcdo_noDateGenerated_leavesPublicationDateNullWithNote() throws Exception {
        // given two designations sharing an OFSI group id
        Path f = write("nodate.xml", "<Designations>\n<Designation><UniqueID>RUS0001</UniqueID>"
                + "<OFSIGroupID>15000</OFSIGroupID><RegimeName>Russia</RegimeName>"
                + "<IndividualEntityShip>Entity</IndividualEntityShip>"
                + "<Names><Name><Name6>ACME</Name6><NameType>Primary Name</NameType></Name></Names></Designation>\n"
                + "<Designation><UniqueID>CYB0001</UniqueID><OFSIGroupID>15000</OFSIGroupID>"
                + "<RegimeName>Cyber</RegimeName><IndividualEntityShip>Entity</IndividualEntityShip>"
                + "<Names><Name><Name6>ACME</Name6><NameType>Primary Name</NameType></Name></Names></Designation>\n"
                + "</Designations>\n");

        // when
        ParsedList list = fcdo.parse(f);

        // then
        assertThat(list.source().publicationDate()).isNull();
        assertThat(list.source().publicationDateNote()).isEqualTo("the file has no <DateGenerated> element");
        assertThat(list.parties()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("uk:15000");
            assertThat(p.names()).hasSize(1);
            assertThat(p.designations()).extracting(d -> d.sourceReference() + "/" + d.program() + "/"
                    + d.legalBasis()).containsExactly("RUS0001/Russia/null", "CYB0001/Cyber/null");
        });
    }

    // ---- OFSI CSV ----

    private static String fixtureCsv() throws Exception {
        return Files.readString(UkOfsiCsvParserTests.FIXTURE, StandardCharsets.UTF_8);
    }

    @Test
    void ofsi_wrongHeader_namesMissingColumnOnLine2() throws Exception {
        // given a header without Group ID
        Path f = write("conlist.csv", fixtureCsv().replace(",Group ID\r\n", ",Group Id Number\r\n"));

        // when / then
        assertThatThrownBy(() -> ofsi.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessage("conlist.csv line 2: not an OFSI consolidated list CSV: missing column Group ID");
    }

    @Test
    void ofsi_wrongFirstLine_isRefused() throws Exception {
        // given a CSV from another list
        Path f = write("sdn.csv", "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\"\r\n");

        // when / then
        assertThatThrownBy(() -> ofsi.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessage("sdn.csv line 1: not an OFSI consolidated list CSV: expected 'Last Updated,DD/MM/YYYY'");
    }

    @Test
    void ofsi_truncatedInsideQuote_namesLine() throws Exception {
        // given the file cut inside a quoted field of line 9
        String csv = fixtureCsv();
        Path f = write("cut.csv", csv.substring(0, csv.indexOf("\"Okryu Street") + 5));

        // when / then
        assertThatThrownBy(() -> ofsi.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("cut.csv line 9: malformed CSV");
    }

    @Test
    void ofsi_truncatedBetweenFields_namesLineAndFieldCount() throws Exception {
        // given the file cut after a field of line 10
        String csv = fixtureCsv();
        int lastLine = csv.lastIndexOf("MUÑOZ");
        Path f = write("short.csv", csv.substring(0, csv.indexOf(",Mogadishu", lastLine)));

        // when / then
        assertThatThrownBy(() -> ofsi.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessage("short.csv line 11: expected 29 fields, found 8 (truncated or malformed row)");
    }

    @Test
    void ofsi_empty_isRefused() throws Exception {
        // given
        Path f = write("empty.csv", "\r\n");

        // when / then
        assertThatThrownBy(() -> ofsi.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessage("empty.csv: file is empty");
    }

    @Test
    void ofsi_utf16_isRefused() throws Exception {
        // given the fixture saved as UTF-16 with a byte-order mark
        Path f = write("utf16.csv", fixtureCsv().getBytes(StandardCharsets.UTF_16));

        // when / then
        assertThatThrownBy(() -> ofsi.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("utf16.csv line 1: UTF-16");
    }

    @Test
    void ofsi_windows1252_isReadWithWarning() throws Exception {
        // given the fixture saved as windows-1252 (as OFSI published it)
        Path f = write("cp1252.csv", fixtureCsv().getBytes(Charset.forName("windows-1252")));

        // when
        ParsedList list = ofsi.parse(f);

        // then the accented name survives and the fallback is reported with its line
        assertThat(list.parties()).extracting(Party::primaryName).contains("José MUÑOZ");
        assertThat(list.warnings()).containsExactly(
                "cp1252.csv line 11: not valid UTF-8 (byte 0xD1 at offset 2063); read as windows-1252");
    }

    @Test
    void ofsi_badListedOn_namesLine() throws Exception {
        // given
        Path f = write("date.csv", fixtureCsv().replace("28/04/2010", "2010-04-28"));

        // when / then
        assertThatThrownBy(() -> ofsi.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessage("date.csv line 5: Listed On '2010-04-28' is not DD/MM/YYYY (Group ID 90002)");
    }

    @Test
    void ofsi_unknownGroupType_namesLine() throws Exception {
        // given
        Path f = write("type.csv", fixtureCsv().replace(",Entity,FKA,", ",Aircraft carrier,FKA,"));

        // when / then
        assertThatThrownBy(() -> ofsi.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessage("type.csv line 10: unknown Group Type 'Aircraft carrier' (expected Individual, Entity"
                        + " or Ship)");
    }
}
