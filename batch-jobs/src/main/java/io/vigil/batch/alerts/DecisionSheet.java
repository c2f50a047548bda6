package io.vigil.batch.alerts;

import io.vigil.registry.alert.DecisionAction;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads the decisions an analyst filled in: the Decisions sheet of a run's {@code report.xlsx}, or a CSV with the
 * same columns. The header row names the columns; {@code alert_id}, {@code decision}, {@code reason} and
 * {@code reviewer} are required, {@code run_id} and {@code last_decision} are used when present (the workbook has
 * them: the run the alert was seen in, and its latest decision when the workbook was written, for the conflict
 * check). Rows with an empty decision are not decided yet and are skipped.
 */
public final class DecisionSheet {

    /** The sheet of report.xlsx that holds the decisions. */
    public static final String SHEET = "Decisions";
    static final List<String> REQUIRED = List.of("alert_id", "decision", "reason", "reviewer");

    private DecisionSheet() {
    }

    /** The file could not be read as a decisions file at all. */
    public static final class Unreadable extends RuntimeException {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The decision requests of a file, each named by its row (line) number; unknown decisions stay null. */
    public static List<AlertDecisions.Request> read(Path file, List<String> problems) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".xlsx") || name.endsWith(".xls") || isZip(file)) {
                return readWorkbook(file, problems);
            }
            return readCsv(file, problems);
        } catch (IOException | RuntimeException e) {
            if (e instanceof Unreadable u) {
                throw u;
            }
            throw new Unreadable(file + ": cannot be read as a decisions workbook or CSV: " + e.getMessage(), e);
        }
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(2);
            return magic.length == 2 && magic[0] == 'P' && magic[1] == 'K';
        }
    }

    private static List<AlertDecisions.Request> readWorkbook(Path file, List<String> problems) throws IOException {
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            List<AlertDecisions.Request> out = new ArrayList<>();
            boolean found = false;
            // the sheet continues on "Decisions (2)", "Decisions (3)"… past Excel's row limit
            for (Sheet sheet : wb) {
                if (sheet.getSheetName().equals(SHEET) || sheet.getSheetName().startsWith(SHEET + " (")) {
                    found = true;
                    out.addAll(readSheet(file, sheet, problems));
                }
            }
            if (!found) {
                throw new Unreadable(file + ": the workbook has no '" + SHEET + "' sheet", null);
            }
            return out;
        }
    }

    private static List<AlertDecisions.Request> readSheet(Path file, Sheet sheet, List<String> problems) {
        DataFormatter format = new DataFormatter(Locale.ROOT);
        Row header = sheet.getRow(sheet.getFirstRowNum());
        if (header == null) {
            throw new Unreadable(file + ": the '" + SHEET + "' sheet is empty", null);
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < header.getLastCellNum(); c++) {
            Cell cell = header.getCell(c);
            names.add(cell == null ? "" : format.formatCellValue(cell).strip().toLowerCase(Locale.ROOT));
        }
        Map<String, Integer> columns = columns(names, file);
        List<AlertDecisions.Request> out = new ArrayList<>();
        for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            Map<String, String> values = new HashMap<>();
            columns.forEach((n, c) -> {
                Cell cell = row.getCell(c);
                values.put(n, cell == null ? "" : format.formatCellValue(cell).strip());
            });
            request(sheet.getSheetName() + " row " + (r + 1), values, problems).ifPresent(out::add);
        }
        return out;
    }

    private static List<AlertDecisions.Request> readCsv(Path file, List<String> problems) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                        .setIgnoreSurroundingSpaces(true).get().parse(reader)) {
            List<String> names = csv.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "").strip()
                    .toLowerCase(Locale.ROOT)).toList();
            Map<String, Integer> columns = columns(names, file);
            List<AlertDecisions.Request> out = new ArrayList<>();
            for (CSVRecord rec : csv) {
                Map<String, String> values = new HashMap<>();
                columns.forEach((n, c) -> values.put(n, c < rec.size() ? rec.get(c).strip() : ""));
                request("line " + rec.getParser().getCurrentLineNumber(), values, problems).ifPresent(out::add);
            }
            return out;
        }
    }

    private static Map<String, Integer> columns(List<String> names, Path file) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            columns.putIfAbsent(names.get(i), i);
        }
        List<String> missing = REQUIRED.stream().filter(n -> !columns.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw new Unreadable(file + ": the header row lacks the column(s) " + String.join(", ", missing)
                    + " (needed: " + String.join(", ", REQUIRED) + ")", null);
        }
        columns.keySet().retainAll(List.of("alert_id", "decision", "reason", "reviewer", "run_id", "last_decision"));
        return columns;
    }

    private static java.util.Optional<AlertDecisions.Request> request(String where, Map<String, String> v,
            List<String> problems) {
        String decision = v.getOrDefault("decision", "");
        String alertId = v.getOrDefault("alert_id", "");
        if (decision.isEmpty()) {
            return java.util.Optional.empty(); // not decided yet
        }
        DecisionAction action = DecisionAction.fromLabel(decision.toLowerCase(Locale.ROOT))
                .filter(DecisionAction.analystDecisions()::contains).orElse(null);
        if (action == null) {
            problems.add(where + ": decision '" + decision + "' is not allowed (false-positive, true-match or "
                    + "escalate)");
            return java.util.Optional.empty();
        }
        long runId = 0;
        String run = v.getOrDefault("run_id", "");
        if (!run.isEmpty()) {
            try {
                runId = Long.parseLong(run);
            } catch (NumberFormatException e) {
                problems.add(where + ": run_id '" + run + "' is not a run id");
                return java.util.Optional.empty();
            }
        }
        String expected = v.containsKey("last_decision") ? v.get("last_decision") : null;
        return java.util.Optional.of(new AlertDecisions.Request(where, alertId, action, v.get("reason"),
                v.get("reviewer"), false, runId, expected));
    }
}
