package io.vigil.registry.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes small test workbooks with POI, so fixtures in the official workbook layouts are built by the tests
 * rather than copied from the official files. A cell value that is a {@link Number} is written as a numeric cell
 * (an Excel date serial such as 20505), anything else as text; null leaves the cell empty.
 */
public final class Workbooks {

    private Workbooks() {
    }

    /** An ordered sheet name → rows map, for {@link #write}. */
    public static Map<String, List<List<Object>>> sheets() {
        return new LinkedHashMap<>();
    }

    /** Writes the sheets to {@code file} as .xlsx, or as .xls (BIFF8) when {@code xls}. */
    public static Path write(Path file, Map<String, List<List<Object>>> sheets, boolean xls) throws IOException {
        try (Workbook wb = xls ? new HSSFWorkbook() : new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            for (Map.Entry<String, List<List<Object>>> e : sheets.entrySet()) {
                Sheet sheet = wb.createSheet(e.getKey());
                int r = 0;
                for (List<Object> values : e.getValue()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        Object v = values.get(c);
                        if (v instanceof Number n) {
                            row.createCell(c).setCellValue(n.doubleValue());
                        } else if (v != null) {
                            row.createCell(c).setCellValue(v.toString());
                        }
                    }
                }
            }
            wb.write(out);
        }
        return file;
    }
}
