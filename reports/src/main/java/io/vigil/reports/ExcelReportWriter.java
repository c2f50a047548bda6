package io.vigil.reports;

import io.vigil.reports.RunReport.ReportCitation;
import io.vigil.reports.RunReport.ReportHit;
import io.vigil.reports.RunReport.ReportReject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the Excel (.xlsx) audit report of one screening run, streaming (POI SXSSF), so a million hits write in
 * bounded memory.
 *
 * <p>Sheets, in order:
 * <ol>
 *   <li>{@code Summary}: the run (business date, run id, job execution/instance ids, job, start and end in UTC
 *       ISO-8601, software version, configuration fingerprint, status), each input file with SHA-256 and record
 *       count, the registry snapshot and each list source with its files and SHA-256, the counts with the check
 *       read = screened + rejected, hits by decision, by status (with the check that they add up to the hits),
 *       authority and program; with alert tracking, the book, four eyes on or off, the decision log head.</li>
 *   <li>{@code Decisions} (only when the run tracked alerts, i.e. named a book): one row per alert awaiting a
 *       decision, with machine-readable column names, a dropdown on {@code decision}, and only {@code decision},
 *       {@code reason} and {@code reviewer} editable on the protected sheet: see {@link ExcelDecisions}.</li>
 *   <li>{@code Hits}, continued on {@code Hits (2)}, {@code Hits (3)}… when a sheet is full: line, record id, field,
 *       screened value, kind, decision, score, matched name, name quality, party id, linked ids, citations
 *       ({@code "[3] [4]"}), alert id, status, decision ref, status note (blank without alert tracking), reasons.
 *       Without hits, one sentence row says so.</li>
 *   <li>{@code Citations}: number, party id, authority, list, program, legal basis, listing date (YYYY-MM-DD),
 *       source reference, URL (a hyperlink), source type, source file and SHA-256.</li>
 *   <li>{@code Decisions cited} (only with alert tracking): ref, action, reviewer, decided at (UTC), reason, run id,
 *       approved by, of every decision a hit's status rests on.</li>
 *   <li>{@code Rejects} (split like Hits): line, record id, reason.</li>
 *   <li>{@code Method}: algorithm version, thresholds, what the score means, the policy, the embargoed
 *       countries.</li>
 * </ol>
 * Every sheet has a bold header row, frozen, and an autofilter. Input and list values are string cells, never
 * formulas; a value starting with {@code = + - @} stays literal text (quote-prefixed). Numbers (lines, scores,
 * counts) are numeric cells. A missing value (no legal basis, no listing date) is a blank cell.
 *
 * <p>Determinism: writing equal reports gives byte-identical files. The document dates (core properties created and
 * modified) and every zip entry time are the run's end, never the clock.
 *
 * <p>Example: {@code new ExcelReportWriter().write(report, out)} for a run with 20 records read, 2 rejected and
 * 8 hits → a workbook with sheets Summary, Hits (8 rows), Citations, Rejects (2 rows), Method. Thread-safe: holds
 * only its options.
 */
public final class ExcelReportWriter {

    /** Excel's row limit per sheet, header included. */
    public static final int EXCEL_MAX_ROWS = 1_048_576;
    /**
     * Rows SXSSF keeps in memory per sheet before flushing them to its temporary file. The temporary files are
     * not compressed (gzipping them made the workbook of a 200,000-hit run several seconds slower), so they take
     * about 227 MB of temporary disk per 300,000 hits while the workbook is written.
     */
    private static final int ROW_WINDOW = 100;

    private static final List<SheetWriter.Column> HIT_COLUMNS = List.of(new SheetWriter.Column("Line", 9, false),
            new SheetWriter.Column("Record id", 16, true), new SheetWriter.Column("Field", 16, true),
            new SheetWriter.Column("Screened value", 32, true), new SheetWriter.Column("Kind", 11, false),
            new SheetWriter.Column("Decision", 10, false), new SheetWriter.Column("Score", 8, false),
            new SheetWriter.Column("Matched name", 28, true), new SheetWriter.Column("Name quality", 16, true),
            new SheetWriter.Column("Party id", 32, true), new SheetWriter.Column("Linked ids", 32, true),
            new SheetWriter.Column("Citations", 12, true), new SheetWriter.Column("Alert id", 20, false),
            new SheetWriter.Column("Status", 11, false), new SheetWriter.Column("Decision ref", 12, false),
            new SheetWriter.Column("Status note", 48, true), new SheetWriter.Column("Reasons", 80, true));
    private static final List<SheetWriter.Column> CITATION_COLUMNS = List.of(
            new SheetWriter.Column("Number", 8, false), new SheetWriter.Column("Party id", 36, true),
            new SheetWriter.Column("Authority", 20, true), new SheetWriter.Column("List", 36, true),
            new SheetWriter.Column("Program", 12, true), new SheetWriter.Column("Legal basis", 28, true),
            new SheetWriter.Column("Listing date", 12, false), new SheetWriter.Column("Source reference", 26, true),
            new SheetWriter.Column("URL", 44, true), new SheetWriter.Column("Source type", 14, true),
            new SheetWriter.Column("Source file and SHA-256", 60, true));
    private static final List<SheetWriter.Column> REJECT_COLUMNS = List.of(new SheetWriter.Column("Line", 9, false),
            new SheetWriter.Column("Record id", 16, true), new SheetWriter.Column("Reason", 90, true));

    private final int maxRowsPerSheet;

    /** A writer using Excel's full sheet size, {@value #EXCEL_MAX_ROWS} rows including the header. */
    public ExcelReportWriter() {
        this(EXCEL_MAX_ROWS);
    }

    /**
     * @param maxRowsPerSheet rows per Hits or Rejects sheet including the header row, 2 to
     *     {@value #EXCEL_MAX_ROWS}; the table continues on a new sheet beyond it (smaller values are for tests)
     */
    public ExcelReportWriter(int maxRowsPerSheet) {
        if (maxRowsPerSheet < 2 || maxRowsPerSheet > EXCEL_MAX_ROWS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "maxRowsPerSheet must be 2 to %d (header included), was %d", EXCEL_MAX_ROWS, maxRowsPerSheet));
        }
        this.maxRowsPerSheet = maxRowsPerSheet;
    }

    /**
     * Writes the report as .xlsx to {@code out}, which is flushed and left open. Uses temporary files (deleted
     * before returning) so memory stays bounded whatever the number of hits.
     */
    public void write(RunReport report, OutputStream out) throws IOException {
        try (Session session = begin()) {
            report.hits().forEach(session::hit);
            session.finish(report, out);
        }
    }

    /**
     * Starts a workbook whose hits are given one by one, before the rest of the report is known: a caller reading
     * the hits from a database writes them as they come, then {@link Session#finish} writes every other sheet and
     * puts the sheets in their order (Summary, Decisions, Hits, Citations, Decisions cited, Rejects, Method). The
     * file is the same as {@link #write} gives for the same report and hits.
     */
    public Session begin() throws IOException {
        return new Session();
    }

    /** A workbook being written: {@link #hit} for each hit in file order, then {@link #finish} once. */
    public final class Session implements AutoCloseable {
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(null, ROW_WINDOW, false, false) {
            /** Stored, not compressed: the file is compressed once, by the deterministic copy that follows. */
            @Override
            protected org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream createArchiveOutputStream(
                    OutputStream out) {
                org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream zip = super
                        .createArchiveOutputStream(out);
                zip.setLevel(java.util.zip.Deflater.NO_COMPRESSION);
                return zip;
            }

            @Override
            protected org.apache.poi.xssf.streaming.SheetDataWriter createSheetDataWriter() throws IOException {
                return new FastSheetDataWriter();
            }
        };
        private final ExcelStyles styles = new ExcelStyles(workbook);
        private final SheetWriter hits = new SheetWriter(workbook, styles, "Hits", HIT_COLUMNS, maxRowsPerSheet);

        private Session() {
        }

        /** One hit, in file order. */
        public void hit(ReportHit h) {
            hits.row().number(h.line()).text(h.recordId()).text(h.field()).text(h.screenedValue()).text(h.kind())
                    .text(h.decision().label()).decimal(h.score()).text(h.matchedName()).text(h.nameQuality())
                    .text(h.partyId()).text(String.join(", ", h.linkedIds())).text(citationRefs(h.citations()))
                    .text(h.alertId()).text(h.status() == null ? null : h.status().label()).text(h.decisionRef())
                    .text(h.statusNote()).text(h.reasons());
        }

        /** Writes every other sheet from the report (its hits are not read again) and the file to {@code out}. */
        public void finish(RunReport report, OutputStream out) throws IOException {
            if (hits.dataRows() == 0) {
                hits.row().text(String.format(Locale.ROOT, "No hits: none of the %d records screened matched a "
                        + "listed party at or above the review threshold (score %s).", report.counts().screened(),
                        ExcelSummary.plain(report.method().reviewThreshold())));
            }
            hits.finish();
            int hitSheets = workbook.getNumberOfSheets();
            properties(workbook, report);
            ExcelSummary.summary(workbook, styles, report, EXCEL_MAX_ROWS);
            boolean tracked = report.alerts().tracked();
            int beforeDecisions = workbook.getNumberOfSheets();
            if (tracked) {
                ExcelDecisions.decisions(workbook, styles, report.alerts(), maxRowsPerSheet);
            }
            int afterDecisions = workbook.getNumberOfSheets();
            citations(workbook, styles, report.citations());
            if (tracked) {
                ExcelDecisions.cited(workbook, styles, report.alerts().decisions(), EXCEL_MAX_ROWS);
            }
            rejects(workbook, styles, report);
            ExcelSummary.method(workbook, styles, report.method(), EXCEL_MAX_ROWS);
            // the sheets in reading order: Summary, Decisions…, Hits…, then the rest as created
            List<String> order = new java.util.ArrayList<>();
            order.add(workbook.getSheetName(hitSheets));
            for (int i = beforeDecisions; i < afterDecisions; i++) {
                order.add(workbook.getSheetName(i));
            }
            for (int i = 0; i < hitSheets; i++) {
                order.add(workbook.getSheetName(i));
            }
            for (int i = afterDecisions; i < workbook.getNumberOfSheets(); i++) {
                order.add(workbook.getSheetName(i));
            }
            for (int i = 0; i < order.size(); i++) {
                workbook.setSheetOrder(order.get(i), i);
            }
            workbook.setActiveSheet(0);
            workbook.setSelectedTab(0);
            Path tmp = Files.createTempFile("vigil-report-", ".xlsx");
            try {
                try (OutputStream file = Files.newOutputStream(tmp)) {
                    workbook.write(file);
                }
                DeterministicZip.copy(tmp, out, LocalDateTime.ofInstant(report.run().endedAt(), ZoneOffset.UTC));
            } finally {
                Files.deleteIfExists(tmp);
            }
        }

        @Override
        public void close() throws IOException {
            workbook.dispose();
            workbook.close();
        }
    }

    private static void properties(SXSSFWorkbook workbook, RunReport report) {
        POIXMLProperties.CoreProperties core = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
        Date ended = Date.from(report.run().endedAt());
        core.setCreated(Optional.of(ended));
        core.setModified(Optional.of(ended));
        core.setCreator("Vigil " + report.run().softwareVersion());
        core.setTitle(report.run().reportTitle() + " — run " + report.run().runId());
    }

    private void citations(SXSSFWorkbook workbook, ExcelStyles styles, List<ReportCitation> citations) {
        SheetWriter sheet = new SheetWriter(workbook, styles, "Citations", CITATION_COLUMNS, EXCEL_MAX_ROWS);
        for (ReportCitation c : citations) {
            sheet.row().number(c.number()).text(c.partyId()).text(c.authority()).text(c.listName())
                    .text(c.program()).text(c.legalBasis()).text(c.listedOn() == null ? null : c.listedOn().toString())
                    .text(c.sourceReference()).link(c.url()).text(c.sourceType()).text(c.sourceFiles());
        }
        if (citations.isEmpty()) {
            sheet.row().text("No designations are cited: the run has no hits on a listed party.");
        }
        sheet.finish();
    }

    private void rejects(SXSSFWorkbook workbook, ExcelStyles styles, RunReport report) {
        SheetWriter sheet = new SheetWriter(workbook, styles, "Rejects", REJECT_COLUMNS, maxRowsPerSheet);
        report.rejects().forEach((ReportReject r) -> sheet.row().number(r.line()).text(r.recordId())
                .text(r.reason()));
        if (sheet.dataRows() == 0) {
            sheet.row().text("No records were rejected.");
        }
        sheet.finish();
    }

    /** [1, 2] as "[1] [2]". */
    static String citationRefs(List<Integer> numbers) {
        return numbers.stream().map(n -> "[" + n + "]").collect(Collectors.joining(" "));
    }
}
