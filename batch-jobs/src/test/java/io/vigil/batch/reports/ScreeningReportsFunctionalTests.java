package io.vigil.batch.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.batch.VigilRunner;
import io.vigil.batch.VigilRunner.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Screens a small counterparty file and reads the audit reports back as an auditor's tools would: the workbook
 * with POI, the PDF with PDFBox's text extraction. Then regenerates them and checks them with {@code verify}.
 */
class ScreeningReportsFunctionalTests {

    @TempDir
    Path tmp;

    VigilRunner vigil;

    @BeforeEach
    void setUp() throws Exception {
        vigil = VigilRunner.withDemoRegistry(tmp, "  registry:\n    sources: []\n");
    }

    private record Run(long id, Path dir) {
    }

    private Run screen(String date, String rows) throws Exception {
        Path input = tmp.resolve("counterparties-" + date + ".csv");
        Files.writeString(input, "id,name,type,date_of_birth,country,address\n" + rows, StandardCharsets.UTF_8);
        Result r = vigil.run("screen", "counterparties", "--input", input.toString(), "--business-date", date);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Matcher m = Pattern.compile("execution (\\d+):.*\\nOutputs: (\\S+)").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        return new Run(Long.parseLong(m.group(1)), Path.of(m.group(2)));
    }

    private Run sampleRun() throws Exception {
        return screen("2026-11-20", """
                C001,Choi Cheol-min,person,1978,CN,"Beijing, China"
                C002,Kim Min-jun,person,1990,KR,Seoul
                C003,=Choi Cheol-min,person,1978,CN,formula-looking name
                C004,최철민,person,1978-04-03,KP,
                C005,Jon Il-ho,person,,KP,Pyongyang
                C006,,person,,,no name
                """);
    }

    /** Rows of a sheet as formatted text, keyed by the value of the first text column named {@code key}. */
    private static Map<String, Map<String, Cell>> rowsBy(Sheet sheet, String key) {
        Row header = sheet.getRow(0);
        List<String> names = new ArrayList<>();
        header.forEach(c -> names.add(c.getStringCellValue()));
        Map<String, Map<String, Cell>> out = new HashMap<>();
        for (int i = 1; i <= sheet.getLastRowNum(); i++) {
            Row row = sheet.getRow(i);
            Map<String, Cell> cells = new HashMap<>();
            for (int c = 0; c < names.size(); c++) {
                if (row.getCell(c) != null) {
                    cells.put(names.get(c), row.getCell(c));
                }
            }
            Cell k = cells.get(key);
            if (k != null) {
                out.put(new DataFormatter(java.util.Locale.ROOT).formatCellValue(k), cells);
            }
        }
        return out;
    }

    private static String text(Map<String, Cell> row, String column) {
        Cell c = row.get(column);
        return c == null ? "" : new DataFormatter(java.util.Locale.ROOT).formatCellValue(c);
    }

    private static List<Integer> citationNumbers(String cell) {
        List<Integer> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\[(\\d+)]").matcher(cell);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    private static String pdfText(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void workbook_citesEachAuthority_keepsInputAsText_andCounts() throws Exception {
        // given
        Run run = sampleRun();

        // when
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(run.dir().resolve("report.xlsx")))) {
            Map<String, Map<String, Cell>> hits = rowsBy(wb.getSheet("Hits"), "Record id");
            Map<String, Map<String, Cell>> citations = rowsBy(wb.getSheet("Citations"), "Number");

            // then: CHOE Chol Min cites OFAC, NPWMD, E.O. 13382, with the listing date the notice gives and the source
            assertThat(hits).containsKeys("C001", "C003", "C004", "C005").doesNotContainKeys("C002", "C006");
            List<Map<String, Cell>> choe = citationNumbers(text(hits.get("C001"), "Citations")).stream()
                    .map(n -> citations.get(Integer.toString(n))).toList();
            assertThat(choe).extracting(c -> text(c, "Authority")).containsOnly("US Treasury OFAC");
            assertThat(choe).extracting(c -> text(c, "Program")).containsOnly("NPWMD");
            assertThat(choe).extracting(c -> text(c, "Legal basis")).containsOnly("E.O. 13382");
            assertThat(choe).extracting(c -> text(c, "Listing date")).contains("2023-06-15");
            assertThat(choe).extracting(c -> text(c, "Source reference")).contains("43598");
            assertThat(choe).allSatisfy(c -> assertThat(text(c, "Source file and SHA-256")).contains("sha256:"));
            assertThat(text(hits.get("C001"), "Party id")).isEqualTo("ofac:43598");

            // JON Il Ho: the EU listed him before OFAC did; both designations are cited
            List<Map<String, Cell>> jon = citationNumbers(text(hits.get("C005"), "Citations")).stream()
                    .map(n -> citations.get(Integer.toString(n))).toList();
            assertThat(jon).extracting(c -> text(c, "Authority")).contains("EU Council", "US Treasury OFAC");
            assertThat(jon).extracting(c -> text(c, "Listing date")).contains("2022-12-01");

            // input stays text: the formula-looking name and the Hangul name
            Cell injected = hits.get("C003").get("Screened value");
            assertThat(injected.getCellType()).isEqualTo(CellType.STRING);
            assertThat(injected.getStringCellValue()).isEqualTo("=Choi Cheol-min");
            assertThat(text(hits.get("C004"), "Screened value")).isEqualTo("최철민");
            wb.forEach(sheet -> sheet.forEach(row -> row.forEach(cell ->
                    assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress())
                            .isNotEqualTo(CellType.FORMULA))));

            // counts
            Map<String, Map<String, Cell>> summary = rowsBy(wb.getSheet("Summary"), "Item");
            assertThat(text(summary.get("Records read"), "Value")).isEqualTo("6");
            assertThat(text(summary.get("Records screened"), "Value")).isEqualTo("5");
            assertThat(text(summary.get("Records rejected"), "Value")).isEqualTo("1");
            Map<String, Map<String, Cell>> rejects = rowsBy(wb.getSheet("Rejects"), "Record id");
            assertThat(text(rejects.get("C006"), "Line")).isEqualTo("7");
        }
    }

    @Test
    void pdf_citesAuthoritiesAndDates_rendersHangul_andCarriesTheManifestFingerprint() throws Exception {
        // given
        Run run = sampleRun();

        // when
        String pdf = pdfText(run.dir().resolve("report.pdf"));
        String manifest = Files.readString(run.dir().resolve("manifest.json"));

        // then
        assertThat(pdf).contains("US Treasury OFAC", "EU Council", "NPWMD", "E.O. 13382", "2023-06-15", "2022-12-01",
                "ofac:43598", "최철민", "=Choi Cheol-min", "6 records read = 5 screened + 1 rejected");
        Matcher fp = Pattern.compile("\"pdf_manifest_fingerprint\" : \"([0-9a-f]{64})\"").matcher(manifest);
        assertThat(fp.find()).as(manifest).isTrue();
        assertThat(pdf.replaceAll("\\s", "")).contains(fp.group(1));
        assertThat(pdf).containsPattern("page 1 of \\d+");
    }

    @Test
    void report_regeneratesByteIdenticalFiles_andVerifyCatchesAOneByteChange() throws Exception {
        // given
        Run run = sampleRun();
        Path regen = tmp.resolve("regenerated");

        // when
        Result report = vigil.run("report", "--run", Long.toString(run.id()), "--out", regen.toString());

        // then: every file is byte-identical to what the run wrote
        assertThat(report.exitCode()).as(report.toString()).isZero();
        for (String f : List.of("hits.csv", "rejects.csv", "report.xlsx", "report.pdf", "manifest.json")) {
            assertThat(Files.mismatch(run.dir().resolve(f), regen.resolve(f))).as(f).isEqualTo(-1L);
        }
        Result intact = vigil.run("verify", run.dir().toString());
        assertThat(intact.exitCode()).as(intact.toString()).isZero();
        assertThat(intact.out()).contains("OK      report.pdf").contains("Verified");

        // and one changed byte, an added file and a removed file are each named, with exit code 3
        byte[] xlsx = Files.readAllBytes(regen.resolve("report.xlsx"));
        xlsx[xlsx.length / 2] ^= 1;
        Files.write(regen.resolve("report.xlsx"), xlsx);
        Files.writeString(regen.resolve("notes.txt"), "added later");
        Files.delete(regen.resolve("rejects.csv"));
        Result tampered = vigil.run("verify", regen.toString());
        assertThat(tampered.exitCode()).isEqualTo(3);
        assertThat(tampered.out()).contains("CHANGED report.xlsx").contains("ADDED   notes.txt")
                .contains("REMOVED rejects.csv").contains("OK      hits.csv");
    }

    @Test
    void noHits_reportsSaySoPlainly() throws Exception {
        // given
        Run run = screen("2026-11-21", "C002,Kim Min-jun,person,1990,KR,Seoul\n");

        // when
        String pdf = pdfText(run.dir().resolve("report.pdf"));

        // then
        assertThat(pdf).contains("No hits. None of the 1 records screened matched");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(run.dir().resolve("report.xlsx")))) {
            assertThat(wb.getSheet("Hits").getRow(1).getCell(0).getStringCellValue()).startsWith("No hits");
        }
    }
}
