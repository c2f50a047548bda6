package io.vigil.registry.screen.input;

import static io.vigil.registry.screen.input.InputTesting.describe;
import static io.vigil.registry.screen.input.InputTesting.fixture;
import static io.vigil.registry.screen.input.InputTesting.readAll;
import static io.vigil.registry.screen.input.InputTesting.record;
import static io.vigil.registry.screen.input.InputTesting.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.registry.screen.InputFileException;
import io.vigil.registry.screen.InputItem;
import io.vigil.registry.screen.InputReader;
import io.vigil.registry.screen.InputRecord;
import io.vigil.registry.screen.RejectedRecord;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CounterpartyInputTests {

    private static final String HEADER = "id,name,type,date_of_birth,country,address\n";

    @TempDir
    Path tmp;

    private Path write(String content) throws Exception {
        return Files.writeString(tmp.resolve("counterparties.csv"), content, StandardCharsets.UTF_8);
    }

    private static List<InputItem> read(Path file) throws Exception {
        return readAll(InputFiles.open(file, InputKind.COUNTERPARTIES));
    }

    @Test
    void read_contractFileWithBom_yieldsOneNameValuePerRow() throws Exception {
        // given the fixture: BOM, contract header, three rows
        Path file = fixture("counterparties.csv");

        // when
        List<InputItem> items = read(file);

        // then
        assertThat(items).hasSize(3);
        InputRecord first = record(items.get(0));
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.recordId()).isEqualTo("C-1001");
        assertThat(describe(first)).containsExactly("name|Choi Cheol-min|NAME|INDIVIDUAL|1978-04-03|CN");
        assertThat(describe(record(items.get(1))))
                .containsExactly("name|Golden Harbour Trading Ltd|NAME|ORGANIZATION|null|HK");
        InputRecord third = record(items.get(2));
        assertThat(third.line()).isEqualTo(4);
        assertThat(third.recordId()).isEqualTo("C-1003");
        assertThat(describe(third)).containsExactly("name|Hans Müller|NAME|null|1961|DE");
    }

    @Test
    void read_bankLayoutWithSemicolons_mapsColumns() throws Exception {
        // given a bank export with its own header names, semicolon-delimited, upper/lower case and spaces
        Path file = write("CustomerID; FULLNAME ;BirthDate;Nationality\n"
                + "K-77;Choi Cheol-min;1978;cn\n"
                + "K-78;\"Rhein; Logistik KG\";;DE\n");
        ColumnMapping mapping = ColumnMapping.of(InputKind.COUNTERPARTIES, Map.of("id", "CustomerID", "name",
                "FullName", "date_of_birth", "BirthDate", "country", "Nationality")).withDelimiter(';');

        // when
        List<InputItem> items = readAll(InputFiles.open(file, InputKind.COUNTERPARTIES, mapping, null));

        // then
        assertThat(items).hasSize(2);
        assertThat(record(items.get(0)).recordId()).isEqualTo("K-77");
        assertThat(describe(record(items.get(0)))).containsExactly("name|Choi Cheol-min|NAME|null|1978|CN");
        assertThat(record(items.get(1)).line()).isEqualTo(3);
        assertThat(describe(record(items.get(1)))).containsExactly("name|Rhein; Logistik KG|NAME|null|null|DE");
    }

    @Test
    void read_badRows_rejectsEachWithLineIdAndReason() throws Exception {
        // given one good row and six bad ones, CRLF line ends
        Path file = write(HEADER.replace("\n", "\r\n")
                + "C-1,Good Name,person,1978-04-03,CN,\r\n"
                + ",No Id,person,,,\r\n"
                + "C-3,,person,,,\r\n"
                + "C-4,Short Row,person,1980\r\n"
                + "C-5,Odd Type,robot,,,\r\n"
                + "C-6,Bad Date,person,1978-13-01,,\r\n"
                + "C-7,Bad Country,person,,Germany,\r\n"
                + "C-8,Unknown Country,person,,QQ,\r\n");

        // when
        List<InputItem> items = read(file);

        // then
        assertThat(record(items.get(0)).recordId()).isEqualTo("C-1");
        assertThat(items.subList(1, items.size())).map(InputTesting::rejected).containsExactly(
                new RejectedRecord(3, "", "id is empty"),
                new RejectedRecord(4, "C-3", "name is empty"),
                new RejectedRecord(5, "C-4", "expected 6 columns, found 4"),
                new RejectedRecord(6, "C-5", "type 'robot' is not person, organization, vessel or aircraft"),
                new RejectedRecord(7, "C-6", "date of birth '1978-13-01' is not a real date"),
                new RejectedRecord(8, "C-7", "country 'Germany' is not an ISO 3166 alpha-2 code"),
                new RejectedRecord(9, "C-8", "country 'QQ' is not a known ISO 3166 alpha-2 code"));
    }

    @Test
    void read_quotedMultiLineField_keepsLaterLineNumbersRight() throws Exception {
        // given an address over three physical lines, then a blank line, then a short row
        Path file = write(HEADER
                + "C-1,Choi Cheol-min,person,,CN,\"Room 5\nBuilding 7\nBeijing\"\n"
                + "\n"
                + "C-2,Short\n"
                + "C-3,Hans Müller,person,,DE,\n");

        // when
        List<InputItem> items = read(file);

        // then
        assertThat(items).hasSize(3);
        assertThat(record(items.get(0)).line()).isEqualTo(2);
        assertThat(rejected(items.get(1))).isEqualTo(new RejectedRecord(6, "C-2", "expected 6 columns, found 2"));
        assertThat(record(items.get(2)).line()).isEqualTo(7);
        assertThat(record(items.get(2)).recordId()).isEqualTo("C-3");
    }

    @Test
    void read_emptyFile_yieldsNoItems() throws Exception {
        // given a 0-byte file
        Path file = write("");

        // when / then
        assertThat(read(file)).isEmpty();
    }

    @Test
    void read_headerOnly_yieldsNoItems() throws Exception {
        // given a header and no rows
        Path file = write(HEADER);

        // when / then
        assertThat(read(file)).isEmpty();
    }

    @Test
    void open_missingFile_failsNamingTheFile() {
        // given a path with nothing there
        Path file = tmp.resolve("nope.csv");

        // when / then
        assertThatThrownBy(() -> InputFiles.open(file, InputKind.COUNTERPARTIES))
                .isInstanceOf(InputFileException.class)
                .hasMessage(file + ": does not exist");
    }

    @Test
    void open_directory_failsAsNotReadable() {
        // given a directory
        // when / then
        assertThatThrownBy(() -> InputFiles.open(tmp, InputKind.COUNTERPARTIES))
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith(tmp + ": is not a readable file");
    }

    @Test
    void open_headerWithoutRequiredColumns_failsNamingThemAndTheHeader() throws Exception {
        // given a header with neither id nor name
        Path file = write("customer,full_name,country\nC-1,X,DE\n");

        // when / then
        assertThatThrownBy(() -> InputFiles.open(file, InputKind.COUNTERPARTIES))
                .isInstanceOf(InputFileException.class)
                .hasMessage(file + ": header at line 1 lacks required columns id, name; header found: "
                        + "customer,full_name,country");
    }

    @Test
    void open_semicolonFileReadAsComma_hintsAtTheDelimiter() throws Exception {
        // given a semicolon file opened with the default comma mapping
        Path file = write("id;name\nC-1;X\n");

        // when / then
        assertThatThrownBy(() -> InputFiles.open(file, InputKind.COUNTERPARTIES))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("lacks required columns id, name; header found: id;name")
                .hasMessageEndingWith("(is the delimiter ';'?)");
    }

    @Test
    void open_invalidUtf8_failsNamingTheLine() throws Exception {
        // given "Müller" in windows-1252 on line 3 of a file read as UTF-8
        Path file = tmp.resolve("latin.csv");
        Files.write(file, (HEADER + "C-1,Choi,person,,CN,\nC-2,Hans M\u00fcller,person,,DE,\n")
                .getBytes(Charset.forName("windows-1252")));

        // when / then
        assertThatThrownBy(() -> InputFiles.open(file, InputKind.COUNTERPARTIES))
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith(file + ": not valid UTF-8 at line 3 (byte ");
    }

    @Test
    void read_windows1252Configured_decodesUmlauts() throws Exception {
        // given the same windows-1252 file, with its charset configured
        Path file = tmp.resolve("latin.csv");
        Files.write(file, (HEADER + "C-2,Hans M\u00fcller,person,,DE,\n").getBytes(Charset.forName("windows-1252")));

        // when
        List<InputItem> items = readAll(InputFiles.open(file, InputKind.COUNTERPARTIES, null,
                Charset.forName("windows-1252")));

        // then
        assertThat(describe(record(items.get(0)))).containsExactly("name|Hans Müller|NAME|INDIVIDUAL|null|DE");
    }

    @Test
    void skip_resumesAtTheRightItem() throws Exception {
        // given four rows, the second a rejection
        Path file = write(HEADER + "C-1,A,,,,\nC-2,,,,,\nC-3,\"Multi\nLine\",,,,\nC-4,D,,,,\n");

        // when two items (a record and a rejection) were delivered before
        InputItem next;
        InputItem last;
        InputItem end;
        try (InputReader reader = InputFiles.open(file, InputKind.COUNTERPARTIES)) {
            reader.skip(2);
            next = reader.next();
            last = reader.next();
            end = reader.next();
        }

        // then
        assertThat(record(next).recordId()).isEqualTo("C-3");
        assertThat(record(next).line()).isEqualTo(4);
        assertThat(describe(record(next))).containsExactly("name|Multi\nLine|NAME|null|null|null");
        assertThat(record(last).recordId()).isEqualTo("C-4");
        assertThat(record(last).line()).isEqualTo(6);
        assertThat(end).isNull();
    }

    @Test
    void read_unterminatedQuote_rejectsOnlyThatRecordAndResumesAtTheNextLine() throws Exception {
        // given a quote opened on line 3 and never closed, good rows before and after it
        Path file = write(HEADER + "C-1,A,,,,\nC-2,\"Broken,,,,\nC-3,B,,,,\nC-4,C,,,,\n");

        // when
        List<InputItem> items = read(file);

        // then the good rows are read, the bad one is rejected with its line and id, nothing else is lost
        assertThat(items).hasSize(4);
        assertThat(record(items.get(0)).recordId()).isEqualTo("C-1");
        RejectedRecord bad = rejected(items.get(1));
        assertThat(bad.line()).isEqualTo(3);
        assertThat(bad.recordId()).isEqualTo("C-2");
        assertThat(bad.reason()).isEqualTo("quoted field 'name' opened on line 3 is not closed before the end of the "
                + "file (unterminated quote?)");
        assertThat(record(items.get(2))).extracting(InputRecord::line, InputRecord::recordId).containsExactly(4L, "C-3");
        assertThat(record(items.get(3))).extracting(InputRecord::line, InputRecord::recordId).containsExactly(5L, "C-4");
    }

    @Test
    void read_unterminatedQuoteBeforeQuotedRows_resynchronisesOnTheNextRecord() throws Exception {
        // given the broken quote would close on the next row's opening quote, and 30 rows follow
        StringBuilder content = new StringBuilder(HEADER + "C-1,A,,,,\nC-2,\"Broken,,,,\n");
        for (int i = 3; i <= 32; i++) {
            content.append("C-").append(i).append(",\"Name ").append(i).append(", Ltd\",organization,,,\n");
        }
        Path file = write(content.toString());

        // when
        List<InputItem> items = read(file);

        // then every later row is read, and only C-2 is lost
        assertThat(items).hasSize(32);
        assertThat(rejected(items.get(1))).extracting(RejectedRecord::line, RejectedRecord::recordId)
                .containsExactly(3L, "C-2");
        assertThat(rejected(items.get(1)).reason()).isEqualTo("quoted field 'name' opened on line 3 runs on to line 4 "
                + "into a malformed record (unterminated quote?): unexpected character 'N' after the closing quote of "
                + "field 'name' on line 4");
        assertThat(items.subList(2, 32)).map(InputTesting::record).extracting(InputRecord::recordId)
                .startsWith("C-3", "C-4").endsWith("C-32").doesNotHaveDuplicates();
        assertThat(describe(record(items.get(2)))).containsExactly("name|Name 3, Ltd|NAME|ORGANIZATION|null|null");
    }

    @Test
    void read_quoteOpenPastTheLineLimit_skipsTheLinesThatAreNotRecords() throws Exception {
        // given a quoted field still open after 3 lines, two continuation lines, then good rows
        Path file = write(HEADER + "C-1,A,,,,\nC-2,B,,,,\"Room 5\nBuilding 7\nBeijing\nC-3,C,,,,\n");
        InputLimits limits = InputLimits.defaults().withMaxQuotedLines(3);

        // when
        List<InputItem> items = readAll(InputFiles.open(file, InputKind.COUNTERPARTIES, null, null, limits));

        // then C-2 is rejected whole, the lines it swallowed are named, C-3 is read
        assertThat(items).hasSize(3);
        assertThat(rejected(items.get(1))).isEqualTo(new RejectedRecord(3, "C-2", "quoted field 'address' opened on "
                + "line 3 is not closed within 3 lines (unterminated quote?); lines 4-5 after it do not parse as "
                + "records and were skipped with it"));
        assertThat(record(items.get(2))).extracting(InputRecord::line, InputRecord::recordId).containsExactly(6L, "C-3");
    }

    @Test
    void read_quotedFieldWithLineBreaksWithinTheLimit_isOneRecordWithItsLineBreaks() throws Exception {
        // given an address over three lines, CRLF line ends, and a doubled quote
        Path file = write((HEADER + "C-1,\"Choi \"\"Cheol\"\" min\",person,,CN,\"Room 5\nBuilding 7\nBeijing\"\n"
                + "C-2,B,,,,\n").replace("\n", "\r\n"));

        // when
        List<InputItem> items = read(file);

        // then
        assertThat(items).hasSize(2);
        assertThat(describe(record(items.get(0)))).containsExactly("name|Choi \"Cheol\" min|NAME|INDIVIDUAL|null|CN");
        assertThat(record(items.get(1)).line()).isEqualTo(5);
    }

    @Test
    void read_strayCharacterAfterAClosingQuote_rejectsThatLineOnly() throws Exception {
        // given
        Path file = write(HEADER + "C-1,\"A\"x,,,,\nC-2,B,,,,\n");

        // when
        List<InputItem> items = read(file);

        // then
        assertThat(rejected(items.get(0))).isEqualTo(new RejectedRecord(2, "C-1",
                "unexpected character 'x' after the closing quote of field 'name' on line 2"));
        assertThat(record(items.get(1)).recordId()).isEqualTo("C-2");
    }

    @Test
    void read_carriageReturnLineEnds_areLineEnds() throws Exception {
        // given old Mac line ends
        Path file = write(HEADER.replace("\n", "\r") + "C-1,A,,,,\rC-2,B,,,,\r");

        // when / then
        assertThat(read(file)).map(InputTesting::record).extracting(InputRecord::line, InputRecord::recordId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "C-1"),
                        org.assertj.core.groups.Tuple.tuple(3L, "C-2"));
    }

    @Test
    void read_fiveMegabyteField_rejectsItsRecordAndReadsOn() throws Exception {
        // given a 5 MB name on line 3, unquoted, and a 5 MB quoted address on line 4
        String huge = "A".repeat(5 * 1024 * 1024);
        Path file = write(HEADER + "C-1,Good,,,,\nC-2," + huge + ",,,,\nC-3,Fine,,,,\"" + huge + "\"\nC-4,Last,,,,\n");

        // when
        List<InputItem> items = read(file);

        // then only the two huge rows are lost, each with its line and id
        assertThat(items).hasSize(4);
        assertThat(rejected(items.get(1))).extracting(RejectedRecord::line, RejectedRecord::recordId)
                .containsExactly(3L, "C-2");
        assertThat(rejected(items.get(1)).reason()).isEqualTo("line 3 is longer than 100000 characters (5242888)");
        assertThat(rejected(items.get(2))).extracting(RejectedRecord::line, RejectedRecord::recordId)
                .containsExactly(4L, "C-3");
        assertThat(record(items.get(3)).recordId()).isEqualTo("C-4");
    }

    @Test
    void read_fieldAndNameOverTheirLimits_areRejected() throws Exception {
        // given a name of 1,001 characters and an address of 10,001
        Path file = write(HEADER + "C-1," + "N".repeat(1001) + ",,,,\nC-2,B,,,," + "x".repeat(10_001) + "\n"
                + "C-3," + "N".repeat(1000) + ",,,,\n");

        // when
        List<InputItem> items = read(file);

        // then
        assertThat(rejected(items.get(0))).isEqualTo(new RejectedRecord(2, "C-1",
                "name is longer than 1000 characters (1001)"));
        assertThat(rejected(items.get(1))).isEqualTo(new RejectedRecord(3, "C-2",
                "field 'address' is longer than 10000 characters (10001)"));
        assertThat(record(items.get(2)).recordId()).isEqualTo("C-3");
    }

    @Test
    void read_repeatedId_isRejectedNamingTheFirstLine() throws Exception {
        // given C-1 on lines 2 and 4, and C-2 first rejected (bad date) then repeated
        Path file = write(HEADER + "C-1,A,,,,\nC-2,B,,1978-13-01,,\nC-1,C,,,,\nC-2,D,,,,\nC-3,E,,,,\n");

        // when
        List<InputItem> items = read(file);

        // then
        assertThat(record(items.get(0)).recordId()).isEqualTo("C-1");
        assertThat(rejected(items.get(1)).recordId()).isEqualTo("C-2");
        assertThat(rejected(items.get(2))).isEqualTo(new RejectedRecord(4, "C-1",
                "id 'C-1' repeats the id of the record on line 2"));
        assertThat(rejected(items.get(3))).isEqualTo(new RejectedRecord(5, "C-2",
                "id 'C-2' repeats the id of the record on line 3"));
        assertThat(record(items.get(4)).recordId()).isEqualTo("C-3");
    }

    @Test
    void open_xmlAsCounterparties_isRefused() throws Exception {
        // given
        Path file = write("<?xml version=\"1.0\"?>\n<Document/>\n");

        // when / then
        assertThatThrownBy(() -> read(file)).isInstanceOf(InputFileException.class)
                .hasMessage(file + ": is XML, not a counterparties CSV file");
    }
}
