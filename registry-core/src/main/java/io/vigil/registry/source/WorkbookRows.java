package io.vigil.registry.source;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;

/**
 * Reads the cells of a list workbook as text, sheet by sheet and row by row, for the workbook list parsers
 * ({@code jp-mof}, {@code uk-ofsi-xlsx}). This is the only class of registry-core that touches Apache POI, and
 * it only reads: report rendering lives in the {@code reports} module.
 *
 * <p>Formats are told by their first bytes, never by the file name: {@code PK\3\4} is Office Open XML
 * ({@code .xlsx}), {@code D0 CF 11 E0} is the OLE2 binary format ({@code .xls}, BIFF8). An {@code .xlsx} is
 * streamed: each sheet's XML goes through {@link SecureXml} (DTDs refused), shared strings through POI's read-only
 * table without phonetic (furigana) runs, and POI's zip guard refuses zip bombs. An {@code .xls} is read through
 * POI's HSSF model (the format has no streaming reader that gives cell values; MOF files are a few MB).
 *
 * <p>Cells are given as text: strings as written; numbers as written without a trailing {@code .0}
 * ({@code 20505}, a date serial, stays {@code "20505"}); booleans as {@code TRUE}/{@code FALSE}; formulas as
 * their cached value; empty cells as null. A cell's column is its index in the row array (A = 0).
 */
public final class WorkbookRows {

    /** What a parser does with the rows of a workbook. */
    public interface Visitor {
        /**
         * A new sheet starts.
         *
         * @param index 0-based position of the sheet in the workbook
         * @param name the sheet's name
         * @return false to skip the sheet's rows
         */
        boolean sheet(int index, String name) throws ListParseException;

        /**
         * One row that has at least one non-empty cell.
         *
         * @param rowNumber the 1-based row number shown by spreadsheet programs
         * @param cells the cell texts by column (null where empty); trailing empty cells may be absent
         */
        void row(int rowNumber, String[] cells) throws ListParseException;
    }

    /** The first bytes of an Office Open XML (zip) file. */
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    /** The first bytes of an OLE2 compound document (.xls). */
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
        (byte) 0xE1};

    private static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private WorkbookRows() {
    }

    /** The workbook formats this class reads. */
    public enum Format {
        XLSX, XLS
    }

    /**
     * The format of {@code file} from its first bytes.
     *
     * @throws ListParseException naming the file when it is neither an .xlsx nor an .xls workbook
     */
    public static Format format(Path file) throws ListParseException {
        String name = String.valueOf(file.getFileName());
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        } catch (IOException e) {
            throw new ListParseException(name, null, "cannot read file: " + e.getMessage(), e);
        }
        if (head.length >= 4 && Arrays.equals(Arrays.copyOf(head, 4), ZIP)) {
            return Format.XLSX;
        }
        if (Arrays.equals(head, OLE2)) {
            return Format.XLS;
        }
        throw new ListParseException(name, null,
                "not a workbook: expected an Excel .xlsx (zip) or .xls (OLE2) file, found other content");
    }

    /** Reads every sheet of {@code file} into {@code visitor}. */
    public static void read(Path file, Visitor visitor) throws ListParseException {
        SourceFiles.requireNonEmptyFile(file);
        if (format(file) == Format.XLSX) {
            readXlsx(file, visitor);
        } else {
            readXls(file, visitor);
        }
    }

    // ---- .xlsx ----------------------------------------------------------------------------------------------

    private static void readXlsx(Path file, Visitor visitor) throws ListParseException {
        String name = String.valueOf(file.getFileName());
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            int index = 0;
            while (sheets.hasNext()) {
                try (InputStream in = sheets.next()) {
                    String sheetName = sheets.getSheetName();
                    if (visitor.sheet(index, sheetName)) {
                        readSheetXml(name, sheetName, in, strings, visitor);
                    }
                }
                index++;
            }
        } catch (ListParseException e) {
            throw e;
        } catch (OpenXML4JException | org.apache.poi.UnsupportedFileFormatException e) {
            throw new ListParseException(name, null, "not a readable .xlsx workbook: " + message(e), e);
        } catch (IOException | org.xml.sax.SAXException | org.apache.poi.ooxml.POIXMLException
                | org.apache.poi.openxml4j.exceptions.InvalidOperationException | IllegalArgumentException
                | IllegalStateException | IndexOutOfBoundsException e) {
            throw new ListParseException(name, null, "cannot read the workbook (damaged or truncated?): "
                    + message(e), e);
        }
    }

    private static void readSheetXml(String file, String sheet, InputStream in, ReadOnlySharedStringsTable strings,
            Visitor visitor) throws ListParseException {
        int[] position = new int[] {0, 0};
        try {
            XMLStreamReader r = SecureXml.reader(in);
            try {
                List<String> cells = new ArrayList<>();
                int rowNumber = 0;
                int nextRow = 1;
                while (r.hasNext()) {
                    int event = r.next();
                    if (event != XMLStreamConstants.START_ELEMENT || !MAIN_NS.equals(r.getNamespaceURI())) {
                        continue;
                    }
                    if (r.getLocalName().equals("row")) {
                        String rAttr = r.getAttributeValue(null, "r");
                        rowNumber = rAttr == null ? nextRow : Integer.parseInt(rAttr.strip());
                        nextRow = rowNumber + 1;
                        position[0] = rowNumber;
                        cells.clear();
                        readRow(r, cells, strings, position);
                        if (cells.stream().anyMatch(c -> c != null)) {
                            visitor.row(rowNumber, cells.toArray(String[]::new));
                        }
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new ListParseException(file, "sheet '" + sheet + "'" + (position[0] > 0 ? " row " + position[0]
                    : ""), "malformed sheet XML (damaged or truncated?): " + message(e), e);
        } catch (NumberFormatException e) {
            throw new ListParseException(file, "sheet '" + sheet + "' row " + position[0],
                    "malformed cell reference or value: " + e.getMessage(), e);
        }
    }

    /** Reads the {@code <c>} children of one {@code <row>} into {@code cells}, up to the row's end tag. */
    private static void readRow(XMLStreamReader r, List<String> cells, ReadOnlySharedStringsTable strings,
            int[] position) throws XMLStreamException {
        int nextColumn = 0;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("row")) {
                return;
            }
            if (event != XMLStreamConstants.START_ELEMENT || !r.getLocalName().equals("c")) {
                continue;
            }
            String ref = r.getAttributeValue(null, "r");
            int column = ref == null ? nextColumn : column(ref);
            nextColumn = column + 1;
            position[1] = column;
            String type = r.getAttributeValue(null, "t");
            String value = null;
            StringBuilder inline = null;
            while (r.hasNext()) {
                int e = r.next();
                if (e == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("c")) {
                    break;
                }
                if (e == XMLStreamConstants.START_ELEMENT) {
                    String local = r.getLocalName();
                    if (local.equals("v")) {
                        value = r.getElementText();
                    } else if (local.equals("is")) {
                        inline = new StringBuilder();
                    } else if (local.equals("t") && inline != null) {
                        inline.append(r.getElementText());
                    } else if (local.equals("rPh")) {
                        skip(r);
                    }
                }
            }
            String text;
            if ("s".equals(type)) {
                text = value == null ? null : strings.getItemAt(Integer.parseInt(value.strip())).getString();
            } else if ("inlineStr".equals(type)) {
                text = inline == null ? null : inline.toString();
            } else if ("b".equals(type)) {
                text = value == null ? null : "1".equals(value.strip()) ? "TRUE" : "FALSE";
            } else if ("str".equals(type) || "e".equals(type)) {
                text = value;
            } else {
                text = value == null ? null : number(value.strip());
            }
            while (cells.size() <= column) {
                cells.add(null);
            }
            cells.set(column, text == null || text.isEmpty() ? null : text);
        }
    }

    private static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** The 0-based column of a cell reference: {@code A1} → 0, {@code AJ17} → 35. */
    static int column(String ref) {
        int col = 0;
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            col = col * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            i++;
        }
        if (i == 0) {
            throw new NumberFormatException("cell reference '" + ref + "' has no column");
        }
        return col - 1;
    }

    /** A number as written, without a trailing zero fraction: {@code 20505.0} → {@code 20505}. */
    static String number(String raw) {
        try {
            BigDecimal d = new BigDecimal(raw);
            BigDecimal stripped = d.stripTrailingZeros();
            return stripped.scale() <= 0 ? stripped.toBigInteger().toString() : stripped.toPlainString();
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    // ---- .xls -----------------------------------------------------------------------------------------------

    private static void readXls(Path file, Visitor visitor) throws ListParseException {
        String name = String.valueOf(file.getFileName());
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true);
                HSSFWorkbook wb = new HSSFWorkbook(fs.getRoot(), true)) {
            for (int s = 0; s < wb.getNumberOfSheets(); s++) {
                Sheet sheet = wb.getSheetAt(s);
                if (!visitor.sheet(s, sheet.getSheetName())) {
                    continue;
                }
                for (Row row : sheet) {
                    int last = Math.max(row.getLastCellNum(), 0);
                    String[] cells = new String[last];
                    boolean any = false;
                    for (Cell cell : row) {
                        int c = cell.getColumnIndex();
                        if (c >= cells.length) {
                            cells = Arrays.copyOf(cells, c + 1);
                        }
                        cells[c] = text(cell);
                        any |= cells[c] != null;
                    }
                    if (any) {
                        visitor.row(row.getRowNum() + 1, cells);
                    }
                }
            }
        } catch (ListParseException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ListParseException(name, null, "cannot read the .xls workbook (damaged or truncated?): "
                    + message(e), e);
        }
    }

    private static String text(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType()
                : cell.getCellType();
        String t = switch (type) {
            case STRING -> cell.getRichStringCellValue().getString();
            case NUMERIC -> number(BigDecimal.valueOf(cell.getNumericCellValue()).toPlainString());
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            default -> null;
        };
        return t == null || t.isEmpty() ? null : t;
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip();
    }
}
