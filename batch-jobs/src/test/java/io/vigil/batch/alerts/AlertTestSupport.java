package io.vigil.batch.alerts;

import io.vigil.batch.TestDatabase;
import io.vigil.batch.VigilRunner;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/** What the alert lifecycle tests share: reading run outputs, filling the Decisions sheet, querying the database. */
final class AlertTestSupport {

    private AlertTestSupport() {
    }

    static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    /** The run directory a command's output names ("Outputs: DIR" or "outputs: DIR (…)"). */
    static Path outputs(VigilRunner.Result r) {
        Matcher m = Pattern.compile("(?m)[Oo]utputs: (\\S+)").matcher(r.out());
        if (!m.find()) {
            throw new AssertionError("no outputs directory in: " + r);
        }
        return Path.of(m.group(1));
    }

    /** The Decisions sheet's rows as column name → text. */
    static List<Map<String, String>> decisionRows(Path workbook) throws Exception {
        try (Workbook wb = WorkbookFactory.create(workbook.toFile(), null, true)) {
            Sheet sheet = wb.getSheet("Decisions");
            DataFormatter f = new DataFormatter();
            Row header = sheet.getRow(0);
            List<Map<String, String>> out = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> m = new HashMap<>();
                for (int c = 0; c < header.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    m.put(f.formatCellValue(header.getCell(c)), cell == null ? "" : f.formatCellValue(cell));
                }
                if (!m.getOrDefault("alert_id", "").isEmpty()) {
                    out.add(m);
                }
            }
            return out;
        }
    }

    /**
     * Fills the Decisions sheet as an analyst would (decision, reason, reviewer of each row {@code fill} answers
     * for; null leaves the row undecided) and saves it to {@code target}.
     */
    static Path fillDecisions(Path workbook, Path target, Function<Map<String, String>, String[]> fill)
            throws Exception {
        try (Workbook wb = WorkbookFactory.create(Files.newInputStream(workbook))) {
            Sheet sheet = wb.getSheet("Decisions");
            DataFormatter f = new DataFormatter();
            Row header = sheet.getRow(0);
            Map<String, Integer> col = new HashMap<>();
            for (int c = 0; c < header.getLastCellNum(); c++) {
                col.put(f.formatCellValue(header.getCell(c)), c);
            }
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> m = new HashMap<>();
                col.forEach((n, c) -> m.put(n, row.getCell(c) == null ? "" : f.formatCellValue(row.getCell(c))));
                if (m.getOrDefault("alert_id", "").isEmpty()) {
                    continue;
                }
                String[] answer = fill.apply(m);
                if (answer == null) {
                    continue;
                }
                set(row, col.get("decision"), answer[0]);
                set(row, col.get("reason"), answer[1]);
                set(row, col.get("reviewer"), answer[2]);
            }
            try (OutputStream out = Files.newOutputStream(target)) {
                wb.write(out);
            }
        }
        return target;
    }

    private static void set(Row row, int column, String value) {
        Cell cell = row.getCell(column);
        if (cell == null) {
            cell = row.createCell(column, CellType.STRING);
        }
        cell.setCellValue(value);
    }

    /** Runs a query on the data directory's database (on H2, no Vigil command may be running). */
    static List<Map<String, Object>> query(Path dataDir, String sql) throws SQLException {
        try (Connection c = TestDatabase.connect(dataDir);
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<Map<String, Object>> out = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> m = new HashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    m.put(rs.getMetaData().getColumnLabel(i).toUpperCase(java.util.Locale.ROOT), rs.getObject(i));
                }
                out.add(m);
            }
            return out;
        }
    }

    static int update(Path dataDir, String sql) throws SQLException {
        try (Connection c = TestDatabase.connect(dataDir);
                Statement st = c.createStatement()) {
            return st.executeUpdate(sql);
        }
    }

    /** Party id → content hash of a snapshot, and party id → link group. */
    static Map<String, String> contentHashes(Path dataDir, long snapshot) throws SQLException {
        Map<String, String> out = new HashMap<>();
        for (Map<String, Object> r : query(dataDir, "SELECT PARTY_ID, CONTENT_HASH FROM REGISTRY_SNAPSHOT_PARTY WHERE "
                + "SNAPSHOT_ID = " + snapshot)) {
            out.put((String) r.get("PARTY_ID"), (String) r.get("CONTENT_HASH"));
        }
        return out;
    }

    /** Imports one sdn.csv alone (so both editions are compared like for like: no alias or address files). */
    static void importSdn(io.vigil.batch.VigilRunner vigil, Path sdnCsv, Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.copy(sdnCsv, dir.resolve("sdn.csv"));
        io.vigil.batch.VigilRunner.Result r = vigil.run("import-lists", "--source", "ofac-sdn-csv=" + dir);
        org.assertj.core.api.Assertions.assertThat(r.exitCode()).as(r.toString()).isZero();
    }

    static Path sharedLists() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/lists");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static Path only(Path dir, String name) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().equals(name)).findFirst().orElseThrow();
        }
    }
}
