package io.vigil.reports;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes one table section: a sheet with a bold header row, frozen below the header, explicit column widths and an
 * autofilter over the rows written. When a sheet reaches its row limit (header included) the table continues on
 * {@code "<name> (2)"}, {@code "<name> (3)"}…, each with the same header, frozen pane and autofilter.
 *
 * <p>Every text value is written as a string cell, never as a formula; numbers as numeric cells.
 */
final class SheetWriter {

    /** Excel's limit on the characters of one cell. */
    static final int MAX_CELL_CHARS = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    /** One column: header title, width in characters, whether long text wraps. */
    record Column(String title, int widthChars, boolean wrap) {
    }

    /** What is done to each sheet of a table once its rows are written. */
    @FunctionalInterface
    interface SheetFinisher {
        void finish(SXSSFSheet sheet, int dataRows);
    }

    private final SXSSFWorkbook workbook;
    private final ExcelStyles styles;
    private final String name;
    private final List<Column> columns;
    private final int maxRowsPerSheet;
    private final SheetFinisher finisher;
    private SXSSFSheet sheet;
    private int sheetNumber;
    private int nextRow;
    private long dataRows;

    SheetWriter(SXSSFWorkbook workbook, ExcelStyles styles, String name, List<Column> columns, int maxRowsPerSheet) {
        this(workbook, styles, name, columns, maxRowsPerSheet, (sheet, dataRows) -> { });
    }

    /**
     * @param finisher called once per sheet of the table, after its last row, with the number of data rows on that
     *     sheet (rows 1 to {@code dataRows}): e.g. to add data validation and sheet protection
     */
    SheetWriter(SXSSFWorkbook workbook, ExcelStyles styles, String name, List<Column> columns, int maxRowsPerSheet,
            SheetFinisher finisher) {
        this.workbook = workbook;
        this.styles = styles;
        this.name = name;
        this.columns = List.copyOf(columns);
        this.maxRowsPerSheet = maxRowsPerSheet;
        this.finisher = finisher;
        startSheet();
    }

    /** Starts the next data row, on a new sheet when the current one is full. */
    Line row() {
        if (nextRow >= maxRowsPerSheet) {
            finishSheet();
            startSheet();
        }
        dataRows++;
        return new Line(sheet.createRow(nextRow++));
    }

    /** Data rows written so far, over all sheets of this table. */
    long dataRows() {
        return dataRows;
    }

    /** Sets the autofilter of the last sheet; call once, after the last row. */
    void finish() {
        finishSheet();
    }

    private void startSheet() {
        sheetNumber++;
        sheet = workbook.createSheet(sheetNumber == 1 ? name : String.format(Locale.ROOT, "%s (%d)", name,
                sheetNumber));
        Row header = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            sheet.setColumnWidth(c, Math.min(255, column.widthChars()) * 256);
            Cell cell = header.createCell(c);
            cell.setCellValue(column.title());
            cell.setCellStyle(styles.header);
        }
        sheet.createFreezePane(0, 1);
        // printed as an auditor files it: landscape A4, all columns on one page width, the header on every page
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
        nextRow = 1;
    }

    private void finishSheet() {
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, nextRow - 1), 0, columns.size() - 1));
        finisher.finish(sheet, nextRow - 1);
    }

    /** One row being written, left to right. */
    final class Line {
        private final Row row;
        private int column;

        private Line(Row row) {
            this.row = row;
        }

        /** A text cell; null or empty leaves the cell blank. The text is never interpreted as a formula. */
        Line text(String value) {
            int c = column++;
            if (value != null && !value.isEmpty()) {
                String limited = limit(value);
                Cell cell = row.createCell(c);
                cell.setCellValue(limited);
                cell.setCellStyle(styles.text(limited, columns.get(c).wrap()));
            }
            return this;
        }

        /**
         * A cell the analyst fills in: always created (blank when {@code value} is null or empty), unlocked, so it
         * stays editable when the sheet is protected. The value is literal text, never a formula.
         */
        Line editable(String value) {
            Cell cell = row.createCell(column++);
            if (value != null && !value.isEmpty()) {
                cell.setCellValue(limit(value));
            }
            cell.setCellStyle(styles.editable);
            return this;
        }

        /** A whole number. */
        Line number(long value) {
            Cell cell = row.createCell(column++);
            cell.setCellValue((double) value);
            cell.setCellStyle(styles.integer);
            return this;
        }

        /** A decimal number, e.g. a score. */
        Line decimal(double value) {
            Cell cell = row.createCell(column++);
            cell.setCellValue(value);
            cell.setCellStyle(styles.decimal);
            return this;
        }

        /** A URL: a hyperlink cell when it is an absolute http(s) URL, otherwise plain text. */
        Line link(String url) {
            if (!isWebUrl(url)) {
                return text(url);
            }
            Cell cell = row.createCell(column++);
            cell.setCellValue(limit(url));
            Hyperlink hyperlink = workbook.getCreationHelper().createHyperlink(HyperlinkType.URL);
            hyperlink.setAddress(url);
            cell.setHyperlink(hyperlink);
            cell.setCellStyle(styles.link);
            return this;
        }
    }

    static boolean isWebUrl(String url) {
        if (url == null || url.isEmpty() || url.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return uri.getHost() != null && scheme != null
                    && (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Cuts text longer than Excel accepts in one cell, saying so at the end of the cell. */
    static String limit(String value) {
        if (value.length() <= MAX_CELL_CHARS) {
            return value;
        }
        String marker = String.format(Locale.ROOT, " … [truncated: %d characters in total]", value.length());
        int end = MAX_CELL_CHARS - marker.length();
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + marker;
    }
}
