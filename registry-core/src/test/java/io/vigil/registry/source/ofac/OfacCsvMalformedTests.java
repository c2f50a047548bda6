package io.vigil.registry.source.ofac;

import static io.vigil.registry.source.ofac.OfacSeedAssertions.party;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.source.ListParseException;
import io.vigil.registry.source.ParsedList;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Missing, empty, truncated, malformed and oddly encoded inputs: the error names the file and the line. */
class OfacCsvMalformedTests {

    private static final String CHOE = "43598,\"CHOE, Chol Min\",\"individual\",\"NPWMD\",-0- ,-0- ,-0- ,-0- ,-0- ,"
            + "-0- ,-0- ,\"DOB 03 Apr 1978; nationality Korea, North; Gender Male.\"";
    private static final String BANK = "306,\"BANCO NACIONAL DE CUBA\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
            + "-0- ,\"a.k.a. 'BNC'.\"";
    private static final String VESSEL = "4243,\"EBANO\",\"vessel\",\"CUBA\",-0- ,-0- ,\"General Cargo\",\"2595\","
            + "\"1865\",\"Panama\",-0- ,\"Vessel Registration Identification IMO 7406784.\"";

    private final OfacSdnCsvParser parser = new OfacSdnCsvParser();

    @Test
    void parse_missingDirectory_namesIt(@TempDir Path tmp) {
        // given
        Path dir = tmp.resolve("no-such-dir");
        // when / then
        assertThatThrownBy(() -> parser.parse(dir)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("no-such-dir: directory not found: ");
    }

    @Test
    void parse_fileInsteadOfDirectory_isRefused(@TempDir Path tmp) throws Exception {
        // given the path of sdn.csv itself
        Path file = write(tmp, "sdn.csv", crlf(CHOE));
        // when / then
        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("sdn.csv: not a directory: ");
    }

    @Test
    void parse_missingSdnCsv_namesTheRequiredFile(@TempDir Path tmp) throws Exception {
        // given a directory with add.csv and alt.csv but no sdn.csv
        write(tmp, "add.csv", crlf("43598,65028,-0- ,\"Beijing\",\"China\",-0- "));
        write(tmp, "alt.csv", crlf("43598,67592,\"aka\",\"CHOE, Chol-min\",-0- "));
        // when / then
        assertThatThrownBy(() -> parser.parse(tmp)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("sdn.csv: required file not found in " + tmp)
                .satisfies(e -> assertThat(((ListParseException) e).file()).isEqualTo("sdn.csv"));
    }

    @Test
    void parse_emptySdnCsv_isRefused(@TempDir Path tmp) throws Exception {
        // given a zero-byte sdn.csv (as OFAC's mirror held on 2024-05-04)
        write(tmp, "sdn.csv", new byte[0]);
        // when / then
        assertThatThrownBy(() -> parser.parse(tmp)).isInstanceOf(ListParseException.class)
                .hasMessage("sdn.csv: file is empty");
    }

    @Test
    void parse_sdnCsvWithOnlyEndOfFileByte_isEmpty(@TempDir Path tmp) throws Exception {
        // given sdn.csv holding only CRLF and OFAC's 0x1A
        write(tmp, "sdn.csv", new byte[] {'\r', '\n', 0x1A});
        // when / then
        assertThatThrownBy(() -> parser.parse(tmp)).hasMessage("sdn.csv: file is empty");
    }

    @Test
    void parse_emptyOptionalFilePresent_isRefused(@TempDir Path tmp) throws Exception {
        // given sdn.csv and an empty add.csv (a truncated download, not "no addresses")
        write(tmp, "sdn.csv", crlf(CHOE));
        write(tmp, "add.csv", new byte[0]);
        // when / then
        assertThatThrownBy(() -> parser.parse(tmp)).hasMessage("add.csv: file is empty");
    }

    @Test
    void parse_wrongFieldCount_namesFileAndLine(@TempDir Path tmp) throws Exception {
        // given line 3 has 7 fields
        write(tmp, "sdn.csv", crlf(BANK, VESSEL, "15036,\"ARTAVIL\",\"vessel\",\"IRAN\",-0- ,-0- ,-0- ", CHOE));
        // when / then
        assertThatThrownBy(() -> parser.parse(tmp)).isInstanceOf(ListParseException.class)
                .hasMessage("sdn.csv line 3: expected 12 fields, found 7")
                .satisfies(e -> assertThat(((ListParseException) e).location()).isEqualTo("line 3"));
    }

    @Test
    void parse_wrongFieldCountInAltCsv_namesAltCsvAndLine(@TempDir Path tmp) throws Exception {
        // given alt.csv line 2 lacks its alt_remarks column
        write(tmp, "sdn.csv", crlf(BANK, CHOE));
        write(tmp, "alt.csv", crlf("306,220,\"aka\",\"NATIONAL BANK OF CUBA\",-0- ",
                "43598,67592,\"aka\",\"CHOE, Chol-min\""));
        // when / then
        assertThatThrownBy(() -> parser.parse(tmp)).hasMessage("alt.csv line 2: expected 5 fields, found 4");
    }

    @Test
    void parse_nonNumericEntNum_namesFileAndLine(@TempDir Path tmp) throws Exception {
        // given line 2 starts with "X4243"
        write(tmp, "sdn.csv", crlf(BANK, "X" + VESSEL, CHOE));
        // when / then
        assertThatThrownBy(() -> parser.parse(tmp)).hasMessage("sdn.csv line 2: ent_num 'X4243' is not a number");
    }

    @Test
    void parse_endOfFileByteInTheMiddle_isShownInTheMessage(@TempDir Path tmp) throws Exception {
        // given two downloads concatenated: the first one's 0x1A now starts line 2
        byte[] first = crlf(BANK);
        byte[] second = crlf(CHOE);
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        write(tmp, "sdn.csv", both);
        // when / then
        assertThatThrownBy(() -> parser.parse(tmp))
                .hasMessage("sdn.csv line 2: ent_num '\\u001A43598' is not a number");
    }

    @Test
    void parse_duplicateEntNum_namesBothLines(@TempDir Path tmp) throws Exception {
        // given ent_num 306 on lines 1 and 3
        write(tmp, "sdn.csv", crlf(BANK, CHOE, BANK));
        // when / then
        assertThatThrownBy(() -> parser.parse(tmp))
                .hasMessage("sdn.csv line 3: duplicate ent_num 306 (first at line 1)");
    }

    @Test
    void parse_truncatedFileEndingInsideQuotes_isUnterminatedQuote(@TempDir Path tmp) throws Exception {
        // given the download stopped in the middle of the last row's remarks
        byte[] whole = crlf(BANK, VESSEL, CHOE);
        byte[] truncated = Arrays.copyOf(whole, whole.length - 30);
        write(tmp, "sdn.csv", truncated);
        // when / then
        assertThatThrownBy(() -> parser.parse(tmp))
                .hasMessage("sdn.csv line 3: unterminated quoted field 12 (the file is truncated or malformed)");
    }

    @Test
    void parse_truncatedFixtureCopy_namesTheLastLine(@TempDir Path tmp) throws Exception {
        // given the 10-row fixture cut off inside the remarks of its 10th row
        byte[] whole = Files.readAllBytes(OfacSdnCsvParserTests.FIXTURE.resolve("sdn.csv"));
        write(tmp, "sdn.csv", Arrays.copyOf(whole, whole.length - 100));
        // when / then
        assertThatThrownBy(() -> parser.parse(tmp)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("sdn.csv line 10: unterminated quoted field 12");
    }

    @Test
    void parse_textAfterClosingQuote_namesFileAndLine(@TempDir Path tmp) throws Exception {
        // given a name with a stray quote in the middle: "BANCO "NACIONAL" DE CUBA"
        write(tmp, "sdn.csv", crlf(CHOE, BANK.replace("\"BANCO NACIONAL DE CUBA\"", "\"BANCO \"NACIONAL\" DE CUBA\"")));
        // when / then
        assertThatThrownBy(() -> parser.parse(tmp))
                .hasMessage("sdn.csv line 2: unexpected character 'N' after the closing quote of field 2");
    }

    @Test
    void parse_windows1252Bytes_fallBackWithAWarning(@TempDir Path tmp) throws Exception {
        // given line 2 holds "JOSÉ" and an en dash as windows-1252 bytes 0xC9 and 0x96 (invalid UTF-8)
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((CHOE + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write("36,\"MART".getBytes(StandardCharsets.US_ASCII));
        out.write(0xCD);
        out.write("NEZ, Jos".getBytes(StandardCharsets.US_ASCII));
        out.write(0xC9);
        out.write(("\",\"individual\",\"SDNTK\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"POB Medell").getBytes(
                StandardCharsets.US_ASCII));
        out.write(0xED);
        out.write("n ".getBytes(StandardCharsets.US_ASCII));
        out.write(0x96);
        out.write(" Antioquia.\"\r\n".getBytes(StandardCharsets.US_ASCII));
        out.write(0x1A);
        write(tmp, "sdn.csv", out.toByteArray());
        // when
        ParsedList list = parser.parse(tmp);
        // then
        Party p = party(list, "ofac:36");
        assertThat(p.names()).extracting(PartyName::fullName).containsExactly("MARTÍNEZ, JosÉ");
        assertThat(p.names().get(0).familyName()).isEqualTo("MARTÍNEZ");
        assertThat(p.placesOfBirth()).containsExactly("Medellín – Antioquia");
        int offset = (CHOE + "\r\n36,\"MART").length();
        assertThat(list.warnings()).containsExactly("sdn.csv line 2: not valid UTF-8 (byte 0xCD at offset " + offset
                + "); the file was read as windows-1252");
    }

    @Test
    void parse_utf8WithBomAndLfLineEnds_readWithoutWarning(@TempDir Path tmp) throws Exception {
        // given a UTF-8 file with a BOM, LF line ends and no 0x1A
        String text = "\uFEFF" + CHOE + "\n" + "36,\"MARTÍNEZ, José\",\"individual\",\"SDNTK\",-0- ,-0- ,-0- ,-0- ,"
                + "-0- ,-0- ,-0- ,-0- \n";
        write(tmp, "sdn.csv", text.getBytes(StandardCharsets.UTF_8));
        // when
        ParsedList list = parser.parse(tmp);
        // then
        assertThat(list.warnings()).isEmpty();
        assertThat(list.parties()).extracting(Party::primaryName).containsExactly("CHOE, Chol Min", "MARTÍNEZ, José");
        assertThat(party(list, "ofac:36").remarks()).isEmpty();
    }

    @Test
    void parse_orphanAddressAndAliasRows_becomeWarnings(@TempDir Path tmp) throws Exception {
        // given add/alt rows for ent_num 99999, which sdn.csv does not have
        write(tmp, "sdn.csv", crlf(CHOE));
        write(tmp, "add.csv", crlf("43598,65028,-0- ,\"Beijing\",\"China\",-0- ", "99999,1,-0- ,-0- ,\"Iran\",-0- "));
        write(tmp, "alt.csv", crlf("99999,2,\"aka\",\"NOBODY\",-0- "));
        // when
        ParsedList list = parser.parse(tmp);
        // then
        assertThat(list.parties()).hasSize(1);
        assertThat(list.warnings()).containsExactly(
                "alt.csv line 1: ent_num 99999 is not in sdn.csv; row ignored",
                "add.csv line 2: ent_num 99999 is not in sdn.csv; row ignored");
    }

    @Test
    void parse_consSetMissingItsMainFile_namesConsPrim(@TempDir Path tmp) throws Exception {
        // given an SDN set handed to the consolidated parser
        write(tmp, "sdn.csv", crlf(CHOE));
        // when / then
        assertThatThrownBy(() -> new OfacConsCsvParser().parse(tmp))
                .hasMessageStartingWith("cons_prim.csv: required file not found in ");
    }

    private static byte[] crlf(String... lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append("\r\n");
        }
        byte[] text = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] withEof = Arrays.copyOf(text, text.length + 1);
        withEof[text.length] = 0x1A;
        return withEof;
    }

    private static Path write(Path dir, String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }
}
