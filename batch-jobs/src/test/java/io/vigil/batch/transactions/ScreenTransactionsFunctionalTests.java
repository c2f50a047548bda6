package io.vigil.batch.transactions;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.batch.VigilRunner;
import io.vigil.batch.VigilRunner.Result;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives {@code vigil screen transactions} on the bundled demo payments and on an ISO 20022 pacs.008 file. */
class ScreenTransactionsFunctionalTests {

    @TempDir
    Path tmp;

    VigilRunner vigil;

    @BeforeEach
    void setUp() throws Exception {
        vigil = VigilRunner.withDemoRegistry(tmp, "  registry:\n    sources: []\n");
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    private Path runDir(String date) throws Exception {
        try (Stream<Path> s = Files.list(tmp.resolve("data/runs").resolve(date))) {
            return s.findFirst().orElseThrow();
        }
    }

    @Test
    void screen_demoPayments_partiesRemittanceAndEmbargoedCountry() throws Exception {
        Path input = tmp.resolve("transactions.csv");
        try (InputStream in = getClass().getResourceAsStream("/demo/inputs/transactions.csv")) {
            Files.copy(in, input);
        }
        Result r = vigil.run("screen", "transactions", "--input", input.toString(), "--business-date", "2026-11-20");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("10 read = 9 screened + 1 rejected");
        List<CSVRecord> hits = csv(runDir("2026-11-20").resolve("hits.csv"));
        assertThat(hits).extracting(h -> h.get("record_id") + " " + h.get("field") + " " + h.get("party_id") + " "
                + h.get("decision")).contains("TX-50002 beneficiary_name ofac:43598 alert",
                        "TX-50007 remittance_info ofac:43616 alert", "TX-50009 originator_country  alert");
        assertThat(hits).filteredOn(h -> h.get("field").equals("originator_country")).first()
                .satisfies(h -> assertThat(h.get("citations")).contains("embargoed").contains("Iran"));
        assertThat(hits).noneMatch(h -> h.get("record_id").equals("TX-50001"));
        List<CSVRecord> rejects = csv(runDir("2026-11-20").resolve("rejects.csv"));
        assertThat(rejects).extracting(x -> x.get("line") + " " + x.get("reason")).containsExactly(
                "11 id is empty");
    }

    @Test
    void screen_pacs008_everyPartyAndTheRemittance() throws Exception {
        Path input = tmp.resolve("payments.xml");
        Files.writeString(input, """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08">
                  <FIToFICstmrCdtTrf>
                    <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2026-11-20T09:00:00</CreDtTm><NbOfTxs>2</NbOfTxs>
                      <SttlmInf><SttlmMtd>INDA</SttlmMtd></SttlmInf></GrpHdr>
                    <CdtTrfTxInf>
                      <PmtId><InstrId>I1</InstrId><EndToEndId>E2E-1</EndToEndId><TxId>TX-1</TxId></PmtId>
                      <IntrBkSttlmAmt Ccy="USD">98000.00</IntrBkSttlmAmt>
                      <ChrgBr>SHAR</ChrgBr>
                      <Dbtr><Nm>Golden Lotus Trading LLC</Nm><PstlAdr><Ctry>SG</Ctry></PstlAdr></Dbtr>
                      <DbtrAgt><FinInstnId><BICFI>DBSSSGSG</BICFI></FinInstnId></DbtrAgt>
                      <CdtrAgt><FinInstnId><BICFI>BKCHCNBJ</BICFI></FinInstnId></CdtrAgt>
                      <Cdtr><Nm>CH'OE Ch'ol-min</Nm><PstlAdr><TwnNm>Beijing</TwnNm><Ctry>CN</Ctry></PstlAdr></Cdtr>
                      <RmtInf><Ustrd>Machine parts, order 118</Ustrd></RmtInf>
                    </CdtTrfTxInf>
                    <CdtTrfTxInf>
                      <PmtId><EndToEndId>E2E-2</EndToEndId></PmtId>
                      <IntrBkSttlmAmt Ccy="EUR">1200.00</IntrBkSttlmAmt>
                      <ChrgBr>SHAR</ChrgBr>
                      <Dbtr><Nm>Hans-Peter Mueller</Nm><PstlAdr><Ctry>DE</Ctry></PstlAdr></Dbtr>
                      <DbtrAgt><FinInstnId><BICFI>DEUTDEFF</BICFI></FinInstnId></DbtrAgt>
                      <CdtrAgt><FinInstnId><BICFI>ESSESESS</BICFI></FinInstnId></CdtrAgt>
                      <Cdtr><Nm>Nordic Timber AB</Nm><PstlAdr><Ctry>SE</Ctry></PstlAdr></Cdtr>
                      <RmtInf><Ustrd>Invoice 2026-1187, goods for CHOE UN JONG</Ustrd></RmtInf>
                    </CdtTrfTxInf>
                  </FIToFICstmrCdtTrf>
                </Document>
                """, StandardCharsets.UTF_8);
        Result r = vigil.run("screen", "transactions", "--input", input.toString(), "--business-date", "2026-11-20");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("2 read = 2 screened + 0 rejected");
        List<CSVRecord> hits = csv(runDir("2026-11-20").resolve("hits.csv"));
        assertThat(hits).extracting(h -> h.get("record_id") + " " + h.get("field") + " " + h.get("party_id"))
                .contains("TX-1 Cdtr ofac:43598", "E2E-2 RmtInf.Ustrd ofac:43616");
    }
}
