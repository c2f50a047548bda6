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
import java.util.Map;
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
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTDataValidation;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTSheetProtection;
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
            Cell reasons = hit.getCell(16);
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
                    .isEqualTo("A1:Q9");
            assertThat(((XSSFSheet) wb.getSheet("Rejects")).getCTWorksheet().getAutoFilter().getRef())
                    .isEqualTo("A1:C3");
            assertThat(wb.getSheet("Hits").getColumnWidth(16)).isEqualTo(80 * 256);
            assertThat(wb.getSheet("Hits").getRow(1).getCell(16).getCellStyle().getWrapText()).isTrue();
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
                    .isEqualTo("A1:Q2");
            assertThat(wb.getSheetIndex("Hits (3)")).isLessThan(wb.getSheetIndex("Citations"));
        }
        // and exactly full sheets leave no empty extra sheet
        try (XSSFWorkbook wb = open(write(SampleReports.many(6), new ExcelReportWriter(4)))) {
            assertThat(wb.getSheet("Hits (2)").getLastRowNum()).isEqualTo(3);
            assertThat(wb.getSheet("Hits (3)")).isNull();
        }
    }

    @Test
    void write_tracked_decisionsSheetHasTheImportHeaderAndOneRowPerAlertToDecide() throws IOException {
        // given the tracked sample: 5 alerts await a decision (3 new, 1 re-raised, 1 open)
        try (XSSFWorkbook wb = open(write(SampleReports.tracked()))) {
            Sheet decisions = wb.getSheet("Decisions");

            // then the header row holds exactly the import's column names, in order
            List<String> header = new ArrayList<>();
            decisions.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactly("alert_id", "decision", "reason", "reviewer", "status", "run_id",
                    "last_decision", "record_id", "field", "screened_value", "party_id", "matched_name", "score",
                    "hit_decision", "hits", "first_seen", "note");
            // and one row per alert, in alert-id order
            assertThat(decisions.getLastRowNum()).isEqualTo(5);
            List<String> ids = new ArrayList<>();
            for (int r = 1; r <= 5; r++) {
                ids.add(decisions.getRow(r).getCell(0).getStringCellValue());
            }
            assertThat(ids).containsExactly(SampleReports.alertId("C-0003"), SampleReports.alertId("C-0005"),
                    SampleReports.alertId("C-0007"), SampleReports.alertId("C-0013"), SampleReports.alertId("C-0014"));
            Map<String, Cell> reraised = byHeader(decisions, rowWhere(decisions, 0, SampleReports.alertId("C-0005")));
            assertThat(reraised.get("decision").getStringCellValue()).isEmpty();
            assertThat(reraised.get("status").getStringCellValue()).isEqualTo("reraised");
            assertThat(reraised.get("run_id").getCellType()).isEqualTo(CellType.STRING);
            assertThat(reraised.get("run_id").getStringCellValue()).isEqualTo("42");
            assertThat(reraised.get("last_decision").getStringCellValue()).isEqualTo("D-2");
            assertThat(reraised.get("record_id").getStringCellValue()).isEqualTo("C-0005");
            assertThat(reraised.get("screened_value").getStringCellValue()).isEqualTo("최철민");
            assertThat(reraised.get("party_id").getStringCellValue()).isEqualTo("ofac:43598");
            assertThat(reraised.get("score").getNumericCellValue()).isEqualTo(100.0);
            assertThat(reraised.get("hit_decision").getStringCellValue()).isEqualTo("alert");
            assertThat(reraised.get("hits").getNumericCellValue()).isEqualTo(1);
            assertThat(reraised.get("first_seen").getStringCellValue()).isEqualTo("2026-11-20");
            assertThat(reraised.get("note").getStringCellValue()).contains("gained the alias 최철민");
            Map<String, Cell> open = byHeader(decisions, rowWhere(decisions, 7, "C-0007"));
            assertThat(open.get("status").getStringCellValue()).isEqualTo("open");
            assertThat(open.get("first_seen").getStringCellValue()).isEqualTo("2026-11-17");
            assertThat(open.get("note").getStringCellValue()).isEqualTo("open since 2026-11-17");
            // every cell is a string cell except score and hits; the cells to fill in are blank, formatted as text
            for (int r = 1; r <= 5; r++) {
                for (Cell c : decisions.getRow(r)) {
                    String column = header.get(c.getColumnIndex());
                    CellType expected = switch (column) {
                        case "score", "hits" -> CellType.NUMERIC;
                        case "decision", "reason", "reviewer" -> CellType.BLANK;
                        default -> CellType.STRING;
                    };
                    assertThat(c.getCellType()).as(column + " of row " + r).isEqualTo(expected);
                    if (expected == CellType.BLANK) {
                        assertThat(c.getCellStyle().getDataFormatString()).isEqualTo("@");
                    }
                }
            }
        }
    }

    @Test
    void write_tracked_decisionColumnOffersTheDropdownAndRefusesOtherValues() throws IOException {
        // given the tracked sample (5 alerts to decide: rows 2 to 6)
        try (XSSFWorkbook wb = open(write(SampleReports.tracked()))) {
            XSSFSheet decisions = wb.getSheet("Decisions");

            // when its data validations are read
            List<XSSFDataValidation> validations = decisions.getDataValidations();

            // then one list validation covers exactly the decision cells, B2:B6, offering the three decisions
            assertThat(validations).hasSize(1);
            XSSFDataValidation v = validations.get(0);
            assertThat(v.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.LIST);
            assertThat(v.getValidationConstraint().getExplicitListValues())
                    .containsExactly("false-positive", "true-match", "escalate");
            assertThat(v.getRegions().getCellRangeAddresses()).extracting(CellRangeAddress::formatAsString)
                    .containsExactly("B2:B6");
            // and any other value is refused with an error alert; the in-cell dropdown arrow is shown
            assertThat(v.getShowErrorBox()).isTrue();
            assertThat(v.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
            assertThat(v.getErrorBoxText()).contains("false-positive, true-match, escalate");
            assertThat(v.getEmptyCellAllowed()).isTrue();
            CTDataValidation ct = decisions.getCTWorksheet().getDataValidations().getDataValidationArray(0);
            assertThat(ct.getShowDropDown()).as("showDropDown=1 would hide the arrow").isFalse();
            assertThat(ct.getFormula1()).isEqualTo("\"false-positive,true-match,escalate\"");
        }
    }

    @Test
    void write_tracked_onlyDecisionReasonAndReviewerAreEditableOnTheProtectedSheet() throws IOException {
        // given the tracked sample
        try (XSSFWorkbook wb = open(write(SampleReports.tracked()))) {
            XSSFSheet decisions = wb.getSheet("Decisions");

            // then the sheet is protected, without a password, with filtering, sorting and resizing allowed
            assertThat(decisions.isSheetLocked()).isTrue();
            assertThat(decisions.isAutoFilterLocked()).isFalse();
            assertThat(decisions.isSortLocked()).isFalse();
            assertThat(decisions.isFormatColumnsLocked()).isFalse();
            assertThat(decisions.isFormatRowsLocked()).isFalse();
            assertThat(decisions.isFormatCellsLocked()).isTrue();
            assertThat(decisions.isInsertRowsLocked()).isTrue();
            assertThat(decisions.isDeleteRowsLocked()).isTrue();
            CTSheetProtection protection = decisions.getCTWorksheet().getSheetProtection();
            assertThat(protection.isSetPassword()).isFalse();
            assertThat(protection.isSetHashValue()).isFalse();
            assertThat(protection.isSetSaltValue()).isFalse();
            // and in every data row exactly decision, reason and reviewer are unlocked cells (created even empty)
            for (int r = 1; r <= decisions.getLastRowNum(); r++) {
                Row row = decisions.getRow(r);
                for (int c = 0; c < ExcelDecisions.DECISION_HEADERS.size(); c++) {
                    Cell cell = row.getCell(c);
                    boolean editable = c >= 1 && c <= 3;
                    if (editable) {
                        assertThat(cell).as("row %d column %d", r, c).isNotNull();
                    }
                    boolean locked = cell == null || cell.getCellStyle().getLocked();
                    assertThat(locked).as("row %d column %d locked", r, c).isEqualTo(!editable);
                }
            }
            assertThat(decisions.getRow(0).getCell(1).getCellStyle().getLocked()).isTrue();
            // no other sheet is protected
            assertThat(wb.getSheet("Hits").isSheetLocked()).isFalse();
            assertThat(wb.getSheet("Summary").isSheetLocked()).isFalse();
        }
    }

    @Test
    void write_trackedNothingToDecide_keepsTheHeaderAndSaysSo() throws IOException {
        // given a tracked run whose hits are all decided
        try (XSSFWorkbook wb = open(write(SampleReports.trackedNothingToDecide()))) {
            XSSFSheet decisions = wb.getSheet("Decisions");

            // then the header stays, one sentence row follows, and there is nothing to fill in
            assertThat(decisions.getRow(0).getCell(0).getStringCellValue()).isEqualTo("alert_id");
            assertThat(decisions.getRow(1).getCell(0).getStringCellValue()).isEqualTo(ExcelDecisions.NONE_TO_DECIDE);
            assertThat(decisions.getRow(1).getCell(1)).isNull();
            assertThat(decisions.getLastRowNum()).isEqualTo(1);
            assertThat(decisions.getDataValidations()).isEmpty();
            assertThat(decisions.isSheetLocked()).isTrue();
            assertThat(text(wb.getSheet("Summary"), "Four eyes")).isEqualTo("off");
        }
    }

    @Test
    void write_tracked_hitsCarryAlertIdStatusDecisionRefAndNote() throws IOException {
        // given the tracked sample
        try (XSSFWorkbook wb = open(write(SampleReports.tracked()))) {
            Sheet hits = wb.getSheet("Hits");

            // then the four lifecycle columns follow the citations, before the reasons
            assertThat(List.of(hits.getRow(0).getCell(12).getStringCellValue(),
                    hits.getRow(0).getCell(13).getStringCellValue(), hits.getRow(0).getCell(14).getStringCellValue(),
                    hits.getRow(0).getCell(15).getStringCellValue(), hits.getRow(0).getCell(16).getStringCellValue()))
                    .containsExactly("Alert id", "Status", "Decision ref", "Status note", "Reasons");
            Row suppressed = rowWhere(hits, 1, "C-0009");
            assertThat(suppressed.getCell(12).getStringCellValue()).isEqualTo(SampleReports.alertId("C-0009"));
            assertThat(suppressed.getCell(13).getStringCellValue()).isEqualTo("suppressed");
            assertThat(suppressed.getCell(14).getStringCellValue()).isEqualTo("D-3");
            assertThat(suppressed.getCell(15).getStringCellValue()).startsWith("cleared as a false positive by D-3");
            Row fresh = rowWhere(hits, 1, "C-0003");
            assertThat(fresh.getCell(13).getStringCellValue()).isEqualTo("new");
            assertThat(fresh.getCell(14)).isNull();
            assertThat(rowWhere(hits, 1, "C-0011").getCell(13).getStringCellValue()).isEqualTo("confirmed");
            // and the statuses counted on the sheet agree with the Summary's counts
            Map<String, Integer> counted = new java.util.TreeMap<>();
            for (int r = 1; r <= hits.getLastRowNum(); r++) {
                counted.merge(hits.getRow(r).getCell(13).getStringCellValue(), 1, Integer::sum);
            }
            assertThat(counted).containsExactlyInAnyOrderEntriesOf(Map.of("new", 3, "reraised", 1, "open", 1,
                    "confirmed", 1, "suppressed", 2));
        }
        // without alert tracking the columns are there, blank
        try (XSSFWorkbook wb = open(write(SampleReports.sample()))) {
            Row hit = rowWhere(wb.getSheet("Hits"), 1, "C-0003");
            assertThat(hit.getCell(12)).isNull();
            assertThat(hit.getCell(13)).isNull();
            assertThat(wb.getSheet("Decisions")).isNull();
            assertThat(wb.getSheet("Decisions cited")).isNull();
            assertThat(text(wb.getSheet("Summary"), "Alert tracking")).isEqualTo("off");
        }
    }

    @Test
    void write_tracked_summaryCountsHitsByStatusAndPinsTheDecisionLog() throws IOException {
        // given the tracked sample: 8 hits = 3 new + 1 re-raised + 1 open + 1 confirmed + 2 suppressed
        try (XSSFWorkbook wb = open(write(SampleReports.tracked()))) {
            Sheet summary = wb.getSheet("Summary");

            // then each status has its numeric count, and the check holds
            assertThat(number(summary, "Hits by status", "new")).isEqualTo(3);
            assertThat(number(summary, "Hits by status", "reraised")).isEqualTo(1);
            assertThat(number(summary, "Hits by status", "open")).isEqualTo(1);
            assertThat(number(summary, "Hits by status", "confirmed")).isEqualTo(1);
            assertThat(number(summary, "Hits by status", "suppressed")).isEqualTo(2);
            Row check = rowWhere(summary, 1, ExcelSummary.STATUS_CHECK);
            assertThat(check.getCell(2).getStringCellValue()).isEqualTo("holds");
            assertThat(check.getCell(3).getStringCellValue()).isEqualTo("3 + 1 + 1 + 1 + 2 = 8");
            // and the book, the decision log head and four eyes
            assertThat(text(summary, "Book")).isEqualTo("counterparties");
            assertThat(text(summary, "Decision log head")).isEqualTo(SampleReports.HEAD.describe())
                    .isEqualTo("5 decisions, head D-5 sha256:" + SampleReports.HEAD.hash());
            assertThat(rowWhere(summary, 1, "Decision log head").getCell(4).getStringCellValue())
                    .isEqualTo(SampleReports.HEAD.hash());
            assertThat(text(summary, "Four eyes")).isEqualTo("on");
            assertThat(number(summary, "Decisions cited")).isEqualTo(4);
        }
    }

    @Test
    void write_tracked_citesEachDecisionOnItsOwnSheet() throws IOException {
        // given the tracked sample, whose statuses rest on D-2 … D-5
        try (XSSFWorkbook wb = open(write(SampleReports.tracked()))) {
            // then the sheets come in order, the work list right after the summary
            List<String> names = new ArrayList<>();
            wb.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).containsExactly("Summary", "Decisions", "Hits", "Citations", "Decisions cited",
                    "Rejects", "Method");
            Sheet cited = wb.getSheet("Decisions cited");
            List<String> header = new ArrayList<>();
            cited.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactly("Ref", "Action", "Reviewer", "Decided at (UTC)", "Reason", "Run id",
                    "Approved by");
            assertThat(cited.getLastRowNum()).isEqualTo(4);
            Row d3 = rowWhere(cited, 0, "D-3");
            assertThat(d3.getCell(1).getStringCellValue()).isEqualTo("false-positive");
            assertThat(d3.getCell(2).getStringCellValue()).isEqualTo("a.kovacs");
            assertThat(d3.getCell(3).getStringCellValue()).isEqualTo("2026-11-18T10:30:00Z");
            assertThat(d3.getCell(4).getStringCellValue())
                    .isEqualTo("date of birth 1985, the listed CHOE Chol Min was born 1971");
            assertThat(d3.getCell(5).getStringCellValue()).isEqualTo("40");
            assertThat(d3.getCell(6).getStringCellValue()).isEqualTo("m.lee 2026-11-18T14:00:00Z");
            assertThat(rowWhere(cited, 0, "D-4").getCell(1).getStringCellValue()).isEqualTo("true-match");
            assertThat(rowWhere(cited, 0, "D-4").getCell(6)).isNull();
        }
    }

    @Test
    void write_trackedTwice_isByteIdenticalWithSaltFreeProtection() throws IOException {
        // given the tracked report written twice
        byte[] first = write(SampleReports.tracked());
        byte[] second = write(SampleReports.tracked());

        // then the bytes are identical: the protection carries no random salt or hash
        assertThat(second).isEqualTo(first);
        String decisionsXml = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(first))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String xml = e.getName().startsWith("xl/worksheets/sheet") ? new String(zip.readAllBytes(),
                        StandardCharsets.UTF_8) : "";
                if (xml.contains("<sheetProtection")) { // the Decisions sheet, the only protected one
                    decisionsXml = xml;
                }
            }
        }
        assertThat(decisionsXml).contains("<sheetProtection", "<dataValidation ")
                .doesNotContain("saltValue", "hashValue", "password=");
        // and a different decision log head gives a different file
        RunReport t = SampleReports.tracked();
        RunReport.ReportAlerts a = t.alerts();
        RunReport other = new RunReport(t.run(), t.inputs(), t.registry(), t.counts(), t.method(), t.citations(),
                t.hits(), t.rejects(), t.manifestFingerprint(), new RunReport.ReportAlerts(a.book(),
                        new io.vigil.registry.alert.DecisionChain.Head(6, "f".repeat(64)), a.toDecide(),
                        a.decisions(), a.workload(), a.fourEyes()));
        assertThat(write(other)).isNotEqualTo(first);
    }

    /** The cells of {@code row} by the header names of row 0. */
    private static Map<String, Cell> byHeader(Sheet sheet, Row row) {
        Map<String, Cell> cells = new java.util.LinkedHashMap<>();
        for (Cell h : sheet.getRow(0)) {
            Cell c = row.getCell(h.getColumnIndex());
            if (c != null) {
                cells.put(h.getStringCellValue(), c);
            }
        }
        return cells;
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
            assertThat(s.filter()).as(s.name()).isEqualTo("A1:Q100001");
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
