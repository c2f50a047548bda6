package io.vigil.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class ExcelReportWriterTests {

    private static final Logger LOG = LoggerFactory.getLogger(ExcelReportWriterTests.class);

    @Test
    void write_sample_citesBothAuthoritiesForJonIlHo() throws IOException {
        // given the sample run, whose JON Il Ho hit cites an EU and an OFAC designation
        try (XSSFWorkbook wb = open(write(SampleReports.sample()))) {
            // when the hit row of C-0007 and its citations are read back
            Row hit = rowWhere(wb.getSheet("Hits"), 1, "C-0007");
            Sheet citations = wb.getSheet("Citations");

            // then the hit refers to [3] [4], and those are the EU Council and US Treasury OFAC designations
            assertThat(hit.getCell(11).getStringCellValue()).isEqualTo("[3] [4]");
            assertThat(hit.getCell(9).getStringCellValue()).isEqualTo("notice:us-2022-12-01-wpk-officials/jon-il-ho");
            assertThat(citations.getRow(3).getCell(0).getNumericCellValue()).isEqualTo(3);
            assertThat(citations.getRow(3).getCell(2).getStringCellValue()).isEqualTo("EU Council");
            assertThat(citations.getRow(3).getCell(5).getStringCellValue())
                    .isEqualTo("Council Regulation (EU) 2017/1509");
            assertThat(citations.getRow(4).getCell(0).getNumericCellValue()).isEqualTo(4);
            assertThat(citations.getRow(4).getCell(2).getStringCellValue()).isEqualTo("US Treasury OFAC");
            assertThat(citations.getRow(4).getCell(5).getStringCellValue()).isEqualTo("E.O. 13687");
            assertThat(rowWhere(wb.getSheet("Hits"), 1, "C-0003").getCell(11).getStringCellValue())
                    .isEqualTo("[1] [2]");
        }
    }

    @Test
    void write_sample_programsAndListingDatesAsText() throws IOException {
        // given the sample run
        try (XSSFWorkbook wb = open(write(SampleReports.sample()))) {
            Sheet citations = wb.getSheet("Citations");

            // when the program and listing-date columns are read
            List<String> programs = new ArrayList<>();
            List<Cell> dates = new ArrayList<>();
            for (int r = 1; r <= citations.getLastRowNum(); r++) {
                programs.add(citations.getRow(r).getCell(4).getStringCellValue());
                dates.add(citations.getRow(r).getCell(6));
            }

            // then NPWMD, DPRK and DPRK2 appear, and dates are YYYY-MM-DD text (blank when not recorded)
            assertThat(programs).containsExactly("NPWMD", "NPWMD", "DPRK", "DPRK2");
            assertThat(dates.get(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(dates.get(0).getStringCellValue()).isEqualTo("2023-06-15");
            assertThat(dates.get(2)).isNull();
            assertThat(dates.get(3).getCellType()).isEqualTo(CellType.STRING);
            assertThat(dates.get(3).getStringCellValue()).isEqualTo("2022-12-01");
            assertThat(citations.getRow(1).getCell(10).getStringCellValue())
                    .isEqualTo("sdn.csv sha256:" + "a".repeat(64));
        }
    }

    @Test
    void write_sample_summaryHoldsRunCountsAndSources() throws IOException {
        // given the sample run: 20 read, 18 screened, 2 rejected, 8 hits (6 alerts, 2 reviews)
        try (XSSFWorkbook wb = open(write(SampleReports.sample()))) {
            Sheet summary = wb.getSheet("Summary");

            // then the counts are numeric cells with those values, and the check holds
            assertThat(number(summary, "Records read")).isEqualTo(20);
            assertThat(number(summary, "Records screened")).isEqualTo(18);
            assertThat(number(summary, "Records rejected")).isEqualTo(2);
            assertThat(number(summary, "Hits total")).isEqualTo(8);
            assertThat(number(summary, "Alerts")).isEqualTo(6);
            assertThat(number(summary, "Reviews")).isEqualTo(2);
            Row check = rowWhere(summary, 1, "Check: read = screened + rejected");
            assertThat(check.getCell(2).getStringCellValue()).isEqualTo("holds");
            assertThat(check.getCell(3).getStringCellValue()).isEqualTo("20 = 18 + 2");
            // and hits by authority and program, one row each, sorted
            assertThat(rowWhere(summary, 0, "Hits by authority").getCell(1).getStringCellValue())
                    .isEqualTo("EU Council");
            assertThat(number(summary, "Hits by authority", "EU Council")).isEqualTo(1);
            assertThat(number(summary, "Hits by authority", "US Treasury OFAC")).isEqualTo(7);
            assertThat(number(summary, "Hits by program", "NPWMD")).isEqualTo(6);
            assertThat(number(summary, "Hits by program", "DPRK")).isEqualTo(1);
            assertThat(number(summary, "Hits by program", "DPRK2")).isEqualTo(1);
            // and the run, in UTC ISO-8601 whatever the JVM time zone
            assertThat(text(summary, "Business date")).isEqualTo("2026-11-20");
            assertThat(text(summary, "Started (UTC)")).isEqualTo("2026-11-21T01:00:00Z");
            assertThat(text(summary, "Ended (UTC)")).isEqualTo("2026-11-21T01:02:03Z");
            assertThat(number(summary, "Job instance id")).isEqualTo(17);
            assertThat(text(summary, "Status")).isEqualTo("COMPLETED");
            assertThat(rowWhere(summary, 1, "Configuration fingerprint").getCell(4).getStringCellValue())
                    .isEqualTo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
            // and each input and source file with its SHA-256
            Row input = rowWhere(summary, 1, "/data/in/counterparties.csv");
            assertThat(input.getCell(2).getNumericCellValue()).isEqualTo(20);
            assertThat(input.getCell(4).getStringCellValue()).isEqualTo("1".repeat(64));
            assertThat(rowWhere(summary, 1, "alt.csv").getCell(4).getStringCellValue()).isEqualTo("b".repeat(64));
            Row un = rowWhere(summary, 1, "UN Security Council");
            assertThat(un.getCell(2).getNumericCellValue()).isEqualTo(1003);
            assertThat(un.getCell(3).getStringCellValue()).contains("no publication date given by the source");
            assertThat(rowWhere(summary, 1, "US Treasury OFAC").getCell(3).getStringCellValue())
                    .contains("published 2026-11-18");
        }
    }

    @Test
    void write_sample_ofacCitationUrlIsHyperlink() throws IOException {
        // given the sample run, whose citation [1] has an OFAC URL and [2] none
        try (XSSFWorkbook wb = open(write(SampleReports.sample()))) {
            Sheet citations = wb.getSheet("Citations");

            // when the URL cells are read
            Cell ofac = citations.getRow(1).getCell(8);

            // then [1] is a real hyperlink to that URL, and [2] has no cell
            String url = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=43598";
            assertThat(ofac.getStringCellValue()).isEqualTo(url);
            assertThat(ofac.getHyperlink()).isNotNull();
            assertThat(ofac.getHyperlink().getAddress()).isEqualTo(url);
            assertThat(citations.getRow(2).getCell(8)).isNull();
        }
    }

    @Test
    void write_formulaInjection_staysLiteralString() throws IOException {
        // given the sample run, whose C-0009 screened value is =HYPERLINK(...)
        try (XSSFWorkbook wb = open(write(SampleReports.sample()))) {
            // when the cell is read
            XSSFCell cell = (XSSFCell) rowWhere(wb.getSheet("Hits"), 1, "C-0009").getCell(3);

            // then it is a quote-prefixed string cell with the exact text, and no cell anywhere is a formula
            assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
            assertThat(cell.getStringCellValue()).isEqualTo(SampleReports.INJECTION);
            assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(rowWhere(wb.getSheet("Hits"), 1, "C-0003").getCell(3).getCellStyle().getQuotePrefixed())
                    .isFalse();
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell c : row) {
                        assertThat(c.getCellType()).as("%s!%s", sheet.getSheetName(), c.getAddress())
                                .isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
            assertThat(wb.getSheet("Hits").getHyperlinkList()).isEmpty();
        }
    }

    @Test
    void write_hostileValues_giveAValidWorkbookOfLiteralText() throws IOException {
        // given a screened value with control characters and a lone surrogate, and reasons of 40,000 characters
        try (XSSFWorkbook wb = open(write(SampleReports.hostile()))) {
            Row hit = wb.getSheet("Hits").getRow(1);

            // then the workbook opens; characters XML cannot hold are replaced, the rest is kept as text
            String value = hit.getCell(3).getStringCellValue();
            assertThat(value).isEqualTo("Ivan?? Petrov? @cmd|' /C calc'!A0 Иван");
            // and the reasons are cut to Excel's cell limit, saying so, quote-prefixed because they start with -
            Cell reasons = hit.getCell(12);
            assertThat(reasons.getStringCellValue()).hasSize(SheetWriter.MAX_CELL_CHARS)
                    .startsWith("-xxx").endsWith(" … [truncated: 40001 characters in total]");
            assertThat(reasons.getCellStyle().getQuotePrefixed()).isTrue();
            Row reject = wb.getSheet("Rejects").getRow(1);
            assertThat(reject.getCell(1).getStringCellValue()).isEqualTo("+1");
            assertThat(reject.getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(reject.getCell(2).getStringCellValue()).isEqualTo("@SUM(1+1)");
            assertThat(reject.getCell(2).getCellType()).isEqualTo(CellType.STRING);
        }
    }

    @Test
    void write_sample_keepsEveryScriptAndNumericColumns() throws IOException {
        // given the sample run with Hangul, Cyrillic, Arabic and Chinese screened values
        try (XSSFWorkbook wb = open(write(SampleReports.sample()))) {
            Sheet hits = wb.getSheet("Hits");

            // then each value is read back exactly, and line and score are numbers
            assertThat(rowWhere(hits, 1, "C-0005").getCell(3).getStringCellValue()).isEqualTo("최철민");
            assertThat(rowWhere(hits, 1, "C-0011").getCell(3).getStringCellValue()).isEqualTo("Чхве Чхоль Мин");
            assertThat(rowWhere(hits, 1, "C-0012").getCell(3).getStringCellValue()).isEqualTo("علي خامنئي");
            assertThat(rowWhere(hits, 1, "C-0013").getCell(3).getStringCellValue()).isEqualTo("崔哲民");
            Row first = hits.getRow(1);
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(3);
            assertThat(first.getCell(6).getNumericCellValue()).isEqualTo(99.7);
            assertThat(first.getCell(5).getStringCellValue()).isEqualTo("alert");
            assertThat(first.getCell(10).getStringCellValue())
                    .isEqualTo("notice:us-2023-06-15-second-academy/choe-chol-min");
            assertThat(hits.getLastRowNum()).isEqualTo(8);
            Row embargo = rowWhere(hits, 1, "C-0014");
            assertThat(embargo.getCell(4).getStringCellValue()).isEqualTo("EMBARGO");
            assertThat(embargo.getCell(9)).isNull();
            Sheet rejects = wb.getSheet("Rejects");
            assertThat(rejects.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(4);
            assertThat(rejects.getRow(2).getCell(2).getStringCellValue())
                    .isEqualTo("line 8: 3 fields, the header has 6");
        }
    }

    @Test
    void write_noHits_saysSoInPlainSentences() throws IOException {
        // given a run with no hits and no rejects (20 records screened)
        try (XSSFWorkbook wb = open(write(SampleReports.noHits()))) {
            // then the Hits and Rejects sheets exist with their header and one sentence each
            Sheet hits = wb.getSheet("Hits");
            assertThat(hits.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Screened value");
            assertThat(hits.getRow(1).getCell(0).getStringCellValue()).isEqualTo("No hits: none of the 20 records "
                    + "screened matched a listed party at or above the review threshold (score 72).");
            assertThat(hits.getLastRowNum()).isEqualTo(1);
            assertThat(wb.getSheet("Rejects").getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("No records were rejected.");
            assertThat(number(wb.getSheet("Summary"), "Hits total")).isZero();
        }
    }

    @Test
    void write_everySheet_hasFrozenBoldHeaderAutofilterAndWidths() throws IOException {
        // given the sample run
        try (XSSFWorkbook wb = open(write(SampleReports.sample()))) {
            // then the sheets come in order, each frozen below its bold header, filtered over its table
            List<String> names = new ArrayList<>();
            for (Sheet sheet : wb) {
                names.add(sheet.getSheetName());
                PaneInformation pane = sheet.getPaneInformation();
                assertThat(pane).as(sheet.getSheetName()).isNotNull();
                assertThat(pane.isFreezePane()).isTrue();
                assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 1);
                assertThat(pane.getVerticalSplitPosition()).isZero();
                XSSFSheet xssf = (XSSFSheet) sheet;
                assertThat(xssf.getCTWorksheet().isSetAutoFilter()).as(sheet.getSheetName()).isTrue();
                Row header = sheet.getRow(0);
                assertThat(wb.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
                assertThat(sheet.getColumnWidth(0)).isGreaterThan(8 * 256 - 1);
                // and it prints landscape, one page wide, the header repeated on every page
                assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
                assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
                assertThat(sheet.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("1:1"));
            }
            assertThat(names).containsExactly("Summary", "Hits", "Citations", "Rejects", "Method");
            assertThat(((XSSFSheet) wb.getSheet("Hits")).getCTWorksheet().getAutoFilter().getRef())
                    .isEqualTo("A1:M9");
            assertThat(((XSSFSheet) wb.getSheet("Rejects")).getCTWorksheet().getAutoFilter().getRef())
                    .isEqualTo("A1:C3");
            assertThat(wb.getSheet("Hits").getColumnWidth(12)).isEqualTo(80 * 256);
            assertThat(wb.getSheet("Hits").getRow(1).getCell(12).getCellStyle().getWrapText()).isTrue();
        }
    }

    @Test
    void write_method_explainsScoreThresholdsAndEmbargo() throws IOException {
        // given the sample run (alert 85, review 72, embargo on IR and KP)
        try (XSSFWorkbook wb = open(write(SampleReports.sample()))) {
            Sheet method = wb.getSheet("Method");

            // then thresholds are numbers, the meaning names them, the countries come sorted with reasons
            assertThat(rowWhere(method, 0, "Algorithm version").getCell(1).getStringCellValue())
                    .isEqualTo("vigil-match 1.0");
            assertThat(rowWhere(method, 0, "Alert threshold").getCell(1).getNumericCellValue()).isEqualTo(85);
            assertThat(rowWhere(method, 0, "Review threshold").getCell(1).getNumericCellValue()).isEqualTo(72);
            assertThat(rowWhere(method, 0, "What the score means").getCell(1).getStringCellValue())
                    .contains("0 to 100", "date of birth", "country", "85 or more is an alert",
                            "72 or more but below 85 is listed for review", "below 72 is not reported");
            assertThat(rowWhere(method, 0, "Policy").getCell(1).getStringCellValue()).startsWith("vigil-match 1.0;");
            Row ir = rowWhere(method, 1, "IR");
            assertThat(ir.getRowNum()).isLessThan(rowWhere(method, 1, "KP").getRowNum());
            assertThat(ir.getCell(2).getStringCellValue()).isEqualTo("Iran (comprehensive sanctions)");
        }
    }

    @Test
    void write_sameReportTwice_isByteIdenticalWithRunDates() throws IOException {
        // given the same report written twice by two writers
        byte[] first = write(SampleReports.sample());
        byte[] second = write(SampleReports.sample());

        // then the bytes are identical
        assertThat(second).isEqualTo(first);
        // and every date in the file is the run's end, not the clock
        String core = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(first))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                // zip (DOS) times have a 2-second resolution: 01:02:03 is stored as 01:02:02
                assertThat(e.getTimeLocal()).as(e.getName()).isEqualTo(LocalDateTime.of(2026, 11, 21, 1, 2, 2));
                if (e.getName().equals("docProps/core.xml")) {
                    core = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(core).contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-11-21T01:02:03Z",
                "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2026-11-21T01:02:03Z", "Vigil 0.1.0-SNAPSHOT",
                "Vigil screening report — run 42");
    }

    @Test
    void write_rowsBeyondSheetLimit_continueOnNumberedSheets() throws IOException {
        // given 7 hits and 4 rows per sheet (header + 3)
        try (XSSFWorkbook wb = open(write(SampleReports.many(7), new ExcelReportWriter(4)))) {
            // then the hits fill Hits, Hits (2) and Hits (3), each with header, frozen pane and filter
            assertThat(wb.getSheet("Hits").getLastRowNum()).isEqualTo(3);
            assertThat(wb.getSheet("Hits (2)").getLastRowNum()).isEqualTo(3);
            assertThat(wb.getSheet("Hits (3)").getLastRowNum()).isEqualTo(1);
            assertThat(wb.getSheet("Hits (2)").getRow(0).getCell(0).getStringCellValue()).isEqualTo("Line");
            assertThat(wb.getSheet("Hits (2)").getRow(1).getCell(1).getStringCellValue()).isEqualTo("R-3");
            assertThat(wb.getSheet("Hits (3)").getRow(1).getCell(1).getStringCellValue()).isEqualTo("R-6");
            assertThat(wb.getSheet("Hits (3)").getPaneInformation().isFreezePane()).isTrue();
            assertThat(((XSSFSheet) wb.getSheet("Hits (3)")).getCTWorksheet().getAutoFilter().getRef())
                    .isEqualTo("A1:M2");
            assertThat(wb.getSheetIndex("Hits (3)")).isLessThan(wb.getSheetIndex("Citations"));
        }
        // and exactly full sheets leave no empty extra sheet
        try (XSSFWorkbook wb = open(write(SampleReports.many(6), new ExcelReportWriter(4)))) {
            assertThat(wb.getSheet("Hits (2)").getLastRowNum()).isEqualTo(3);
            assertThat(wb.getSheet("Hits (3)")).isNull();
        }
    }

    @Test
    void constructor_rowLimitOutOfRange_refused() {
        // when the row limit leaves no data row, or exceeds Excel's, then it is refused
        assertThatThrownBy(() -> new ExcelReportWriter(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxRowsPerSheet must be 2 to 1048576 (header included), was 1");
        assertThatThrownBy(() -> new ExcelReportWriter(1_048_577)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void write_300kHits_splitsIntoThreeSheetsStreaming(@TempDir Path dir) throws Exception {
        // given 300,000 hits and 100,001 rows per sheet (header + 100,000)
        Path file = dir.resolve("many.xlsx");
        resetPeaks();
        long start = System.nanoTime();
        try (OutputStream out = Files.newOutputStream(file)) {
            new ExcelReportWriter(100_001).write(SampleReports.many(300_000), out);
        }
        LOG.info(String.format(Locale.ROOT, "300000 hits: %d ms, %d bytes, peak heap %d MB",
                (System.nanoTime() - start) / 1_000_000, Files.size(file), peakHeap() / (1024 * 1024)));

        // when the sheets are read back with the streaming reader
        List<SheetStats> sheets = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) new XSSFReader(pkg).getSheetsData();
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    sheets.add(SheetStats.read(it.getSheetName(), in));
                }
            }
        }

        // then Hits, Hits (2), Hits (3) each hold a header and 100,000 hits, and nothing is a formula
        assertThat(sheets).extracting(SheetStats::name)
                .containsExactly("Summary", "Hits", "Hits (2)", "Hits (3)", "Citations", "Rejects", "Method");
        for (SheetStats s : sheets.subList(1, 4)) {
            assertThat(s.rows()).as(s.name()).isEqualTo(100_001);
            assertThat(s.firstCell()).as(s.name()).isEqualTo("Line");
            assertThat(Double.parseDouble(s.ySplit())).as(s.name()).isEqualTo(1);
            assertThat(s.filter()).as(s.name()).isEqualTo("A1:M100001");
            assertThat(s.formulas()).as(s.name()).isZero();
        }
        assertThat(sheets.get(3).lastRecordId()).isEqualTo("R-299999");
    }

    /** Per-sheet facts read with StAX, without loading the sheet. */
    record SheetStats(String name, long rows, String firstCell, String ySplit, String filter, long formulas,
            String lastRecordId) {

        static SheetStats read(String name, InputStream in) throws XMLStreamException {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            long rows = 0;
            long formulas = 0;
            String firstCell = null;
            String ySplit = null;
            String filter = null;
            String lastB = null;
            String cellRef = null;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "row" -> rows++;
                    case "f" -> formulas++;
                    case "pane" -> ySplit = xml.getAttributeValue(null, "ySplit");
                    case "autoFilter" -> filter = xml.getAttributeValue(null, "ref");
                    case "c" -> cellRef = xml.getAttributeValue(null, "r");
                    case "t" -> {
                        String t = xml.getElementText();
                        if (firstCell == null) {
                            firstCell = t;
                        }
                        if (cellRef != null && cellRef.startsWith("B")) {
                            lastB = t;
                        }
                    }
                    default -> {
                    }
                }
            }
            return new SheetStats(name, rows, firstCell, ySplit, filter, formulas, lastB);
        }
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static byte[] write(RunReport report) throws IOException {
        return write(report, new ExcelReportWriter());
    }

    private static byte[] write(RunReport report, ExcelReportWriter writer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(report, out);
        return out.toByteArray();
    }

    private static XSSFWorkbook open(byte[] xlsx) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    /** The first row whose cell {@code column} is the string {@code value}. */
    private static Row rowWhere(Sheet sheet, int column, String value) {
        for (Row row : sheet) {
            Cell cell = row.getCell(column);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(value)) {
                return row;
            }
        }
        throw new AssertionError("no row with " + value + " in column " + column + " of " + sheet.getSheetName());
    }

    /** The numeric value cell of the Summary item {@code item}. */
    private static double number(Sheet summary, String item) {
        Cell cell = rowWhere(summary, 1, item).getCell(2);
        assertThat(cell.getCellType()).as(item).isEqualTo(CellType.NUMERIC);
        return cell.getNumericCellValue();
    }

    /** The numeric value cell of the Summary row {@code section} / {@code item}. */
    private static double number(Sheet summary, String section, String item) {
        for (Row row : summary) {
            Cell s = row.getCell(0);
            Cell i = row.getCell(1);
            if (s != null && i != null && s.getStringCellValue().equals(section)
                    && i.getStringCellValue().equals(item)) {
                assertThat(row.getCell(2).getCellType()).as(item).isEqualTo(CellType.NUMERIC);
                return row.getCell(2).getNumericCellValue();
            }
        }
        throw new AssertionError("no Summary row " + section + " / " + item);
    }

    private static String text(Sheet summary, String item) {
        Cell cell = rowWhere(summary, 1, item).getCell(2);
        assertThat(cell.getCellType()).as(item).isEqualTo(CellType.STRING);
        return cell.getStringCellValue();
    }
}
