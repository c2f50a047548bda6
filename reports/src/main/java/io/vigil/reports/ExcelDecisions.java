package io.vigil.reports;

import io.vigil.registry.alert.DecisionAction;
import io.vigil.reports.RunReport.ReportAlert;
import io.vigil.reports.RunReport.ReportAlerts;
import io.vigil.reports.RunReport.ReportDecision;
import java.util.List;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The two alert-lifecycle sheets of the workbook: "Decisions", the work list an analyst fills in and
 * {@code vigil decisions import} reads back, and "Decisions cited", the decisions the night's statuses rest on.
 *
 * <p>The Decisions sheet's header row holds machine-readable column names ({@link #DECISION_HEADERS}); the import
 * finds its columns by these names, so their order may change but their spelling may not. Its data rows are one per
 * alert awaiting a decision; {@code decision}, {@code reason} and {@code reviewer} are unlocked cells, the
 * {@code decision} cells offer a dropdown of {@link DecisionAction#analystDecisions()} and refuse other values, and
 * the rest of the sheet is protected (without a password: the protection prevents accidental edits, it is not a
 * security control; the import checks every row whatever the workbook says). Filtering and resizing columns and
 * rows stay allowed on the protected sheet. Every cell is a string cell except {@code score} and {@code hits}.
 */
final class ExcelDecisions {

    /** The Decisions sheet's column names, in order: the contract with {@code vigil decisions import}. */
    static final List<String> DECISION_HEADERS = List.of("alert_id", "decision", "reason", "reviewer", "status",
            "run_id", "last_decision", "record_id", "field", "screened_value", "party_id", "matched_name", "score",
            "hit_decision", "hits", "first_seen", "note");

    /** The values the {@code decision} column accepts: {@code false-positive,true-match,escalate}. */
    static final List<String> DECISION_VALUES = DecisionAction.analystDecisions().stream()
            .map(DecisionAction::label).toList();

    /** Column index of {@code decision}. */
    static final int DECISION_COLUMN = 1;

    static final String NONE_TO_DECIDE = "No alert awaits a decision: every hit of this run is suppressed or "
            + "confirmed by an earlier decision.";

    private static final int[] DECISION_WIDTHS = {20, 16, 40, 16, 10, 8, 13, 16, 14, 30, 28, 28, 8, 11, 6, 11, 60};
    private static final boolean[] DECISION_WRAP = {false, false, true, false, false, false, false, true, true, true,
        true, true, false, false, false, false, true};

    static final List<SheetWriter.Column> CITED_COLUMNS = List.of(new SheetWriter.Column("Ref", 9, false),
            new SheetWriter.Column("Action", 15, false), new SheetWriter.Column("Reviewer", 18, true),
            new SheetWriter.Column("Decided at (UTC)", 24, false), new SheetWriter.Column("Reason", 60, true),
            new SheetWriter.Column("Run id", 9, false), new SheetWriter.Column("Approved by", 36, true));

    private ExcelDecisions() {
    }

    static List<SheetWriter.Column> decisionColumns() {
        List<SheetWriter.Column> columns = new java.util.ArrayList<>();
        for (int i = 0; i < DECISION_HEADERS.size(); i++) {
            columns.add(new SheetWriter.Column(DECISION_HEADERS.get(i), DECISION_WIDTHS[i], DECISION_WRAP[i]));
        }
        return columns;
    }

    /** The Decisions sheet(s): one row per alert awaiting a decision, in the order of {@code alerts.toDecide()}. */
    static void decisions(SXSSFWorkbook workbook, ExcelStyles styles, ReportAlerts alerts, int maxRowsPerSheet) {
        long[] written = {0};
        SheetWriter sheet = new SheetWriter(workbook, styles, "Decisions", decisionColumns(), maxRowsPerSheet,
                (s, dataRows) -> protect(s, written[0] > 0 ? dataRows : 0));
        alerts.toDecide().forEach((ReportAlert a) -> {
            written[0]++;
            sheet.row().text(a.alertId()).editable(null).editable(null).editable(null)
                    .text(a.status() == null ? null : a.status().label()).text(Long.toString(a.runId()))
                    .text(a.lastDecisionRef()).text(a.recordId()).text(a.field()).text(a.screenedValue())
                    .text(a.partyId()).text(a.matchedName()).decimal(a.score())
                    .text(a.decision() == null ? null : a.decision().label()).number(a.hits())
                    .text(a.firstSeen() == null ? null : a.firstSeen().toString()).text(a.note());
        });
        if (written[0] == 0) {
            sheet.row().text(NONE_TO_DECIDE);
        }
        sheet.finish();
    }

    /**
     * Dropdown on the {@code decision} cells of rows 1 to {@code dataRows}, then sheet protection: on, no password
     * (so no random salt: the file stays deterministic), autofilter, sorting and column and row formatting allowed.
     */
    private static void protect(SXSSFSheet sheet, int dataRows) {
        if (dataRows > 0) {
            DataValidationHelper helper = sheet.getDataValidationHelper();
            DataValidationConstraint list = helper.createExplicitListConstraint(
                    DECISION_VALUES.toArray(String[]::new));
            DataValidation validation = helper.createValidation(list,
                    new CellRangeAddressList(1, dataRows, DECISION_COLUMN, DECISION_COLUMN));
            // XSSF: "suppress" true writes showDropDown="0", i.e. the in-cell dropdown arrow is shown
            validation.setSuppressDropDownArrow(true);
            validation.setEmptyCellAllowed(true);
            validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
            validation.createErrorBox("Decision", "Choose " + String.join(", ", DECISION_VALUES)
                    + ", or leave the cell empty to decide later.");
            validation.setShowErrorBox(true);
            validation.createPromptBox("Decision", String.join(", ", DECISION_VALUES)
                    + "; then give the reason and your name.");
            validation.setShowPromptBox(true);
            sheet.addValidationData(validation);
        }
        sheet.enableLocking();
        sheet.lockAutoFilter(false);
        sheet.lockSort(false);
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
    }

    /** The Decisions cited sheet: every decision a hit's status rests on, in ref order. */
    static void cited(SXSSFWorkbook workbook, ExcelStyles styles, List<ReportDecision> decisions, int maxRows) {
        SheetWriter sheet = new SheetWriter(workbook, styles, "Decisions cited", CITED_COLUMNS, maxRows);
        for (ReportDecision d : decisions) {
            sheet.row().text(d.ref()).text(d.action() == null ? null : d.action().label()).text(d.reviewer())
                    .text(ExcelSummary.utc(d.decidedAt())).text(d.reason())
                    .text(d.runId() == 0 ? null : Long.toString(d.runId())).text(d.approvedBy());
        }
        if (decisions.isEmpty()) {
            sheet.row().text("No decision is cited: no hit of this run is suppressed, confirmed or re-raised by "
                    + "an earlier decision.");
        }
        sheet.finish();
    }
}
