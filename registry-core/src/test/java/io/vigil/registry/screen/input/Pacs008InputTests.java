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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Pacs008InputTests {

    @TempDir
    Path tmp;

    private static List<InputItem> read(Path file) throws Exception {
        return readAll(InputFiles.open(file, InputKind.TRANSACTIONS));
    }

    @Test
    void detect_pacs008File_byContent() {
        // given the fixture (extension .xml is not what decides)
        // when / then
        assertThat(InputFiles.detect(fixture("pacs008-001-08.xml"), InputKind.TRANSACTIONS))
                .isEqualTo(InputFormat.PACS_008);
    }

    @Test
    void read_pacs008_yieldsEveryPartyAgentCountryBicAndRemittance() throws Exception {
        // given a pacs.008.001.08 with three transactions
        Path file = fixture("pacs008-001-08.xml");

        // when
        List<InputItem> items = read(file);

        // then
        assertThat(items).hasSize(3);
        InputRecord tx1 = record(items.get(0));
        assertThat(tx1.line()).isEqualTo(22);
        assertThat(tx1.recordId()).isEqualTo("DEUT20250114-TX0001");
        assertThat(describe(tx1)).containsExactly(
                "IntrmyAgt1|JPMORGAN CHASE BANK, N.A.|NAME|ORGANIZATION|null|US",
                "IntrmyAgt1.BIC|CHASUS33XXX|BIC|null|null|null",
                "IntrmyAgt1.Ctry|US|COUNTRY|null|null|null",
                "InitgPty|ACME Industrietechnik GmbH|NAME|null|null|null",
                "Dbtr|ACME Industrietechnik GmbH|NAME|ORGANIZATION|null|DE",
                "Dbtr.Ctry|DE|COUNTRY|null|null|null",
                "DbtrAgt|DEUTSCHE BANK AG|NAME|ORGANIZATION|null|DE",
                "DbtrAgt.BIC|DEUTDEFFXXX|BIC|null|null|null",
                "DbtrAgt.Ctry|DE|COUNTRY|null|null|null",
                "CdtrAgt|BANK OF CHINA BEIJING BRANCH|NAME|ORGANIZATION|null|CN",
                "CdtrAgt.BIC|BKCHCNBJ110|BIC|null|null|null",
                "CdtrAgt.Ctry|CN|COUNTRY|null|null|null",
                "Cdtr|CHOE CHOL MIN|NAME|INDIVIDUAL|1978-04-03|CN",
                "Cdtr.Ctry|CN|COUNTRY|null|null|null",
                "Cdtr.CtryOfRes|CN|COUNTRY|null|null|null",
                "InstgAgt.BIC|DEUTDEFFXXX|BIC|null|null|null",
                "InstdAgt.BIC|CHASUS33XXX|BIC|null|null|null",
                "RmtInf.Ustrd|Order 7781 machine tool spare parts|FREE_TEXT|null|null|null");

        InputRecord tx2 = record(items.get(1));
        assertThat(tx2.line()).isEqualTo(117);
        assertThat(tx2.recordId()).isEqualTo("DEUT20250114-TX0002");
        assertThat(describe(tx2)).containsExactly(
                "Dbtr|Hans Müller|NAME|null|null|DE",
                "Dbtr.Ctry|DE|COUNTRY|null|null|null",
                "DbtrAgt.BIC|DEUTDEFFXXX|BIC|null|null|null",
                "CdtrAgt.BIC|BNPAFRPPXXX|BIC|null|null|null",
                "Cdtr|Dupont Fournitures SARL|NAME|null|null|FR",
                "Cdtr.Ctry|FR|COUNTRY|null|null|null",
                "UltmtCdtr|Dupont Holding SA|NAME|null|null|null",
                "InstgAgt.BIC|DEUTDEFFXXX|BIC|null|null|null",
                "InstdAgt.BIC|CHASUS33XXX|BIC|null|null|null",
                "RmtInf.Ustrd|Facture 2025-117|FREE_TEXT|null|null|null",
                "RmtInf.Ustrd|Client 88213|FREE_TEXT|null|null|null");

        InputRecord tx3 = record(items.get(2));
        assertThat(tx3.line()).isEqualTo(157);
        assertThat(tx3.recordId()).isEqualTo("INV-4411");
        assertThat(describe(tx3)).containsExactly(
                "UltmtDbtr|Rhein Logistik KG|NAME|null|null|null",
                "Dbtr|ACME Industrietechnik GmbH|NAME|null|null|DE",
                "Dbtr.Ctry|DE|COUNTRY|null|null|null",
                "DbtrAgt.BIC|DEUTDEFFXXX|BIC|null|null|null",
                "CdtrAgt.BIC|HSBCHKHHHKH|BIC|null|null|null",
                "CdtrAgt.Ctry|HK|COUNTRY|null|null|null",
                "Cdtr|Golden Harbour Trading Ltd|NAME|null|null|HK",
                "Cdtr.Ctry|HK|COUNTRY|null|null|null",
                "InstgAgt.BIC|DEUTDEFFXXX|BIC|null|null|null",
                "InstdAgt.BIC|CHASUS33XXX|BIC|null|null|null",
                "RmtInf.Ustrd|Invoice 4411 for CH'OE UN JONG|FREE_TEXT|null|null|null");
    }

    @Test
    void read_olderVersionWithGroupInitiatingParty_screensItWithEachTransaction() throws Exception {
        // given a pacs.008.001.02-style message: BIC not BICFI, InitgPty in GrpHdr, a prefix, no TxId or
        // EndToEndId in the second transaction, a bad country in the third, an escaped ampersand
        Path file = Files.writeString(tmp.resolve("old.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <p:Document xmlns:p="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.02">
                <p:FIToFICstmrCdtTrf>
                <p:GrpHdr><p:MsgId>M1</p:MsgId><p:InitgPty><p:Nm>Korea Ocean Shipping &amp; Trading</p:Nm>
                <p:PstlAdr><p:Ctry>KP</p:Ctry></p:PstlAdr></p:InitgPty></p:GrpHdr>
                <p:CdtTrfTxInf><p:PmtId><p:EndToEndId>E-1</p:EndToEndId><p:TxId>T-1</p:TxId></p:PmtId>
                <p:CdtrAgt><p:FinInstnId><p:BIC>SKFTKPPY</p:BIC></p:FinInstnId></p:CdtrAgt>
                <p:Cdtr><p:Nm>Sokchon Foreign Trade Bank</p:Nm><p:Id><p:OrgId><p:BICOrBEI>SKFTKPPY</p:BICOrBEI></p:OrgId></p:Id></p:Cdtr>
                </p:CdtTrfTxInf>
                <p:CdtTrfTxInf><p:PmtId><p:InstrId>I-2</p:InstrId></p:PmtId></p:CdtTrfTxInf>
                <p:CdtTrfTxInf><p:PmtId><p:TxId>T-3</p:TxId></p:PmtId>
                <p:Dbtr><p:Nm>X</p:Nm><p:PstlAdr><p:Ctry>ZZ</p:Ctry></p:PstlAdr></p:Dbtr></p:CdtTrfTxInf>
                </p:FIToFICstmrCdtTrf>
                </p:Document>
                """, StandardCharsets.UTF_8);

        // when
        List<InputItem> items = read(file);

        // then
        assertThat(items).hasSize(3);
        assertThat(record(items.get(0)).recordId()).isEqualTo("T-1");
        assertThat(record(items.get(0)).line()).isEqualTo(6);
        assertThat(describe(record(items.get(0)))).containsExactly(
                "CdtrAgt.BIC|SKFTKPPY|BIC|null|null|null",
                "Cdtr|Sokchon Foreign Trade Bank|NAME|ORGANIZATION|null|null",
                "Cdtr.BIC|SKFTKPPY|BIC|null|null|null",
                "InitgPty|Korea Ocean Shipping & Trading|NAME|null|null|KP",
                "InitgPty.Ctry|KP|COUNTRY|null|null|null");
        assertThat(rejected(items.get(1))).isEqualTo(new RejectedRecord(10, "", "no TxId or EndToEndId"));
        assertThat(rejected(items.get(2)))
                .isEqualTo(new RejectedRecord(11, "T-3", "Dbtr.Ctry 'ZZ' is not a known ISO 3166 alpha-2 code"));
    }

    @Test
    void skip_pacs008_resumesAtTheThirdTransaction() throws Exception {
        // given the three-transaction fixture
        try (InputReader reader = InputFiles.open(fixture("pacs008-001-08.xml"), InputKind.TRANSACTIONS)) {
            // when
            reader.skip(2);

            // then
            assertThat(record(reader.next()).recordId()).isEqualTo("INV-4411");
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void open_doctype_failsNamingFileLineAndReason() {
        // given a pacs.008 with an external entity
        Path file = fixture("pacs008-doctype.xml");

        // when / then
        assertThatThrownBy(() -> read(file))
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith(file + ": malformed XML at line ")
                .hasMessageContaining("DOCTYPE declarations are not allowed");
    }

    @Test
    void read_truncated_failsNamingFileLineAndReason() throws Exception {
        // given the fixture cut off inside the first transaction (52 lines)
        Path file = fixture("pacs008-truncated.xml");

        // when / then
        try (InputReader reader = InputFiles.open(file, InputKind.TRANSACTIONS)) {
            assertThatThrownBy(reader::next)
                    .isInstanceOf(InputFileException.class)
                    .hasMessageStartingWith(file + ": malformed XML at line 52: ")
                    .hasMessageEndingWith("(the file is truncated)");
        }
    }

    @Test
    void read_mismatchedTags_failsNamingTheLine() throws Exception {
        // given a transaction whose Nm is closed by the wrong tag on line 4
        Path file = Files.writeString(tmp.resolve("bad.xml"), """
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"><FIToFICstmrCdtTrf>
                <CdtTrfTxInf><PmtId><TxId>T-1</TxId></PmtId>
                <Cdtr>
                <Nm>CHOE CHOL MIN</Name></Cdtr></CdtTrfTxInf></FIToFICstmrCdtTrf></Document>
                """, StandardCharsets.UTF_8);

        // when / then
        assertThatThrownBy(() -> read(file))
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith(file + ": malformed XML at line 4: ");
    }

    @Test
    void detect_otherXml_failsAsNotPacs008() throws Exception {
        // given an XML file that is not a credit transfer
        Path file = Files.writeString(tmp.resolve("camt.xml"),
                "<?xml version=\"1.0\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"/>\n",
                StandardCharsets.UTF_8);

        // when / then
        assertThatThrownBy(() -> InputFiles.open(file, InputKind.TRANSACTIONS))
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith(file + ": is XML but not an ISO 20022 pacs.008 credit transfer");
    }

    @Test
    void detect_pacs009MentioningPacs008NearItsStart_isRefusedNamingItsNamespace() throws Exception {
        // given a pacs.009 (bank-to-bank transfer) whose comment and header mention pacs.008 and FIToFICstmrCdtTrf
        Path file = Files.writeString(tmp.resolve("pacs009.xml"), """
                <?xml version="1.0"?>
                <!-- converted from urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08 FIToFICstmrCdtTrf -->
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.009.001.08"><FICdtTrf>
                <CdtTrfTxInf><PmtId><TxId>T-1</TxId></PmtId></CdtTrfTxInf></FICdtTrf></Document>
                """, StandardCharsets.UTF_8);

        // when / then
        assertThatThrownBy(() -> InputFiles.open(file, InputKind.TRANSACTIONS))
                .isInstanceOf(InputFileException.class)
                .hasMessage(file + ": is XML but not an ISO 20022 pacs.008 credit transfer: its element Document "
                        + "(namespace urn:iso:std:iso:20022:tech:xsd:pacs.009.001.08) is not in a "
                        + "urn:iso:std:iso:20022:tech:xsd:pacs.008.* namespace");
    }

    @Test
    void detect_pacs008WithoutItsNamespace_isRefused() throws Exception {
        // given the right element names but no namespace
        Path file = Files.writeString(tmp.resolve("plain.xml"),
                "<Document><FIToFICstmrCdtTrf/></Document>\n", StandardCharsets.UTF_8);

        // when / then
        assertThatThrownBy(() -> InputFiles.detect(file, InputKind.TRANSACTIONS))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("its root element is element Document (no namespace)");
    }

    @Test
    void detect_pacs008UnderABusinessApplicationHeaderEnvelope_isPacs008() throws Exception {
        // given an envelope holding the head.001 header and the pacs.008 document
        Path file = Files.writeString(tmp.resolve("bah.xml"), """
                <BizMsg xmlns="urn:example:envelope">
                <AppHdr xmlns="urn:iso:std:iso:20022:tech:xsd:head.001.001.02"><MsgDefIdr>pacs.008.001.08</MsgDefIdr></AppHdr>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"><FIToFICstmrCdtTrf>
                <CdtTrfTxInf><PmtId><TxId>T-1</TxId></PmtId><Cdtr><Nm>CHOE CHOL MIN</Nm></Cdtr></CdtTrfTxInf>
                </FIToFICstmrCdtTrf></Document></BizMsg>
                """, StandardCharsets.UTF_8);

        // when
        List<InputItem> items = read(file);

        // then
        assertThat(InputFiles.detect(file, InputKind.TRANSACTIONS)).isEqualTo(InputFormat.PACS_008);
        assertThat(record(items.get(0)).recordId()).isEqualTo("T-1");
    }

    @Test
    void read_repeatedTxIdAndOverlongName_areRejected() throws Exception {
        // given T-1 twice and a creditor name of 1,001 characters
        Path file = Files.writeString(tmp.resolve("dup.xml"), """
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"><FIToFICstmrCdtTrf>
                <CdtTrfTxInf><PmtId><TxId>T-1</TxId></PmtId><Cdtr><Nm>A</Nm></Cdtr></CdtTrfTxInf>
                <CdtTrfTxInf><PmtId><TxId>T-1</TxId></PmtId><Cdtr><Nm>B</Nm></Cdtr></CdtTrfTxInf>
                <CdtTrfTxInf><PmtId><TxId>T-2</TxId></PmtId><Cdtr><Nm>%s</Nm></Cdtr></CdtTrfTxInf>
                </FIToFICstmrCdtTrf></Document>
                """.formatted("N".repeat(1001)), StandardCharsets.UTF_8);

        // when
        List<InputItem> items = read(file);

        // then
        assertThat(items).hasSize(3);
        assertThat(rejected(items.get(1))).isEqualTo(new RejectedRecord(3, "T-1",
                "id 'T-1' repeats the id of the record on line 2"));
        assertThat(rejected(items.get(2))).isEqualTo(new RejectedRecord(4, "T-2",
                "Cdtr is longer than 1000 characters (1001)"));
    }
}
