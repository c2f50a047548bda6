package io.vigil.batch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/** Counts a run workbook's hits by status from its Hits sheet, to compare with hits.csv. */
final class WorkbookCounts {

    private WorkbookCounts() {
    }

    static void assertAgree(Path runDir, Map<String, Long> expected) throws Exception {
        try (Workbook wb = WorkbookFactory.create(runDir.resolve("report.xlsx").toFile(), null, true)) {
            Sheet hits = wb.getSheet("Hits");
            DataFormatter f = new DataFormatter();
            Row header = hits.getRow(0);
            int status = -1;
            for (int c = 0; c < header.getLastCellNum(); c++) {
                if (f.formatCellValue(header.getCell(c)).equalsIgnoreCase("Status")) {
                    status = c;
                }
            }
            assertThat(status).as("Hits sheet has a Status column").isNotNegative();
            Map<String, Long> counts = new TreeMap<>();
            for (int r = 1; r <= hits.getLastRowNum(); r++) {
                Row row = hits.getRow(r);
                if (row != null && row.getCell(status) != null) {
                    counts.merge(f.formatCellValue(row.getCell(status)), 1L, Long::sum);
                }
            }
            assertThat(counts).isEqualTo(expected);
        }
    }
}
