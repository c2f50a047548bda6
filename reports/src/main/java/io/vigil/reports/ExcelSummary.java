package io.vigil.reports;

import io.vigil.registry.alert.AlertStatus;
import io.vigil.reports.RunReport.ReportAlerts;
import io.vigil.reports.RunReport.ReportCounts;
import io.vigil.reports.RunReport.ReportInput;
import io.vigil.reports.RunReport.ReportMethod;
import io.vigil.reports.RunReport.ReportRun;
import io.vigil.reports.RunReport.ReportSnapshot;
import io.vigil.reports.RunReport.ReportSource;
import io.vigil.reports.RunReport.ReportSourceFile;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** The two key/value sheets of the Excel report: "Summary" and "Method". */
final class ExcelSummary {

    static final List<SheetWriter.Column> SUMMARY_COLUMNS = List.of(new SheetWriter.Column("Section", 18, false),
            new SheetWriter.Column("Item", 36, true), new SheetWriter.Column("Value", 34, true),
            new SheetWriter.Column("Detail", 60, true), new SheetWriter.Column("SHA-256", 68, false));

    static final List<SheetWriter.Column> METHOD_COLUMNS = List.of(new SheetWriter.Column("Item", 28, true),
            new SheetWriter.Column("Value", 90, true), new SheetWriter.Column("Detail", 60, true));

    private ExcelSummary() {
    }

    static void summary(SXSSFWorkbook workbook, ExcelStyles styles, RunReport report, int maxRows) {
        SheetWriter sheet = new SheetWriter(workbook, styles, "Summary", SUMMARY_COLUMNS, maxRows);
        ReportRun run = report.run();
        text(sheet, "Run", "Business date", run.businessDate().toString());
        number(sheet, "Run", "Run id (job execution id)", run.runId());
        number(sheet, "Run", "Job execution id", run.runId());
        number(sheet, "Run", "Job instance id", run.jobInstanceId());
        text(sheet, "Run", "Job", run.jobName());
        if (!run.screening().isEmpty()) {
            text(sheet, "Run", "Screening", run.screening());
        }
        text(sheet, "Run", "Started (UTC)", utc(run.startedAt()));
        text(sheet, "Run", "Ended (UTC)", utc(run.endedAt()));
        text(sheet, "Run", "Software version", run.softwareVersion());
        sheet.row().text("Run").text("Configuration fingerprint").text(null)
                .text("SHA-256 of the matching policy and screening settings").text(run.configFingerprint());
        text(sheet, "Run", "Status", run.status());
        if (!report.manifestFingerprint().isEmpty()) {
            sheet.row().text("Run").text("Manifest fingerprint").text(null).text("SHA-256 of the run's manifest.json")
                    .text(report.manifestFingerprint());
        }
        for (ReportInput input : report.inputs()) {
            sheet.row().text("Input file").text(input.path()).number(input.records()).text("records")
                    .text(input.sha256());
        }
        ReportSnapshot registry = report.registry();
        number(sheet, "Registry", "Snapshot id", registry.snapshotId());
        text(sheet, "Registry", "Snapshot created (UTC)", utc(registry.createdAt()));
        number(sheet, "Registry", "Parties", registry.parties());
        for (ReportSource source : registry.sources()) {
            String published = source.publicationDate() == null ? "no publication date given by the source"
                    : "published " + source.publicationDate();
            sheet.row().text("List source").text(source.authority()).number(source.entries())
                    .text(String.format(Locale.ROOT, "%s; %s; %d entries; source type %s", source.listName(),
                            published, source.entries(), source.sourceType()))
                    .text(null);
            for (ReportSourceFile file : source.files()) {
                sheet.row().text("Source file").text(file.name()).number(file.sizeBytes())
                        .text(String.format(Locale.ROOT, "bytes; %s, %s", source.authority(), source.listName()))
                        .text(file.sha256());
            }
        }
        counts(sheet, report.counts(), report.alerts().tracked());
        alerts(sheet, report);
        sheet.finish();
    }

    private static void counts(SheetWriter sheet, ReportCounts counts, boolean tracked) {
        number(sheet, "Counts", "Records read", counts.read());
        number(sheet, "Counts", "Records screened", counts.screened());
        number(sheet, "Counts", "Records rejected", counts.rejected());
        boolean holds = counts.read() == counts.screened() + counts.rejected();
        sheet.row().text("Counts").text("Check: read = screened + rejected").text(holds ? "holds" : "DOES NOT HOLD")
                .text(String.format(Locale.ROOT, "%d %s %d + %d", counts.read(), holds ? "=" : "≠",
                        counts.screened(), counts.rejected()))
                .text(null);
        number(sheet, "Hits", "Hits total", counts.hits());
        number(sheet, "Hits", "Alerts", counts.alerts());
        number(sheet, "Hits", "Reviews", counts.reviews());
        if (tracked) {
            StringBuilder sum = new StringBuilder();
            long total = 0;
            for (AlertStatus status : AlertStatus.values()) {
                number(sheet, "Hits by status", status.label(), counts.status(status));
                total += counts.status(status);
                sum.append(sum.length() == 0 ? "" : " + ").append(counts.status(status));
            }
            boolean adds = total == counts.hits();
            sheet.row().text("Hits by status").text(STATUS_CHECK).text(adds ? "holds" : "DOES NOT HOLD")
                    .text(sum + (adds ? " = " : " ≠ ") + counts.hits()).text(null);
        }
        for (Map.Entry<String, Long> e : new TreeMap<>(counts.hitsByAuthority()).entrySet()) {
            number(sheet, "Hits by authority", e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Long> e : new TreeMap<>(counts.hitsByProgram()).entrySet()) {
            number(sheet, "Hits by program", e.getKey(), e.getValue());
        }
    }

    /** The Summary item of the status check. */
    static final String STATUS_CHECK = "Check: new + reraised + open + confirmed + suppressed = hits";

    private static void alerts(SheetWriter sheet, RunReport report) {
        ReportAlerts alerts = report.alerts();
        if (!alerts.tracked()) {
            sheet.row().text("Alert lifecycle").text("Alert tracking").text("off")
                    .text("the run named no book: its hits carry no alert id, status or decision").text(null);
            return;
        }
        text(sheet, "Alert lifecycle", "Book", alerts.book());
        sheet.row().text("Alert lifecycle").text("Decision log head").text(alerts.chainHead().describe())
                .text("the decision log as it stood when the run applied the decisions; vigil decisions verify "
                        + "checks the chain")
                .text(alerts.chainHead().hash());
        sheet.row().text("Alert lifecycle").text("Four eyes").text(alerts.fourEyes() ? "on" : "off")
                .text(alerts.fourEyes() ? "a clearance takes effect only once a second, different reviewer "
                        + "approves it" : "a clearance takes effect when recorded").text(null);
        sheet.row().text("Alert lifecycle").text("Decisions cited").number(alerts.decisions().size())
                .text("listed on the sheet Decisions cited").text(null);
    }

    static void method(SXSSFWorkbook workbook, ExcelStyles styles, ReportMethod method, int maxRows) {
        SheetWriter sheet = new SheetWriter(workbook, styles, "Method", METHOD_COLUMNS, maxRows);
        sheet.row().text("Algorithm version").text(method.algorithmVersion()).text(null);
        sheet.row().text("Alert threshold").decimal(method.alertThreshold()).text("score at or above: alert");
        sheet.row().text("Review threshold").decimal(method.reviewThreshold())
                .text("score at or above, below the alert threshold: review");
        sheet.row().text("What the score means").text(meaning(method)).text(null);
        sheet.row().text("Policy").text(method.policy()).text(null);
        for (Map.Entry<String, String> e : new TreeMap<>(method.embargoedCountries()).entrySet()) {
            sheet.row().text("Embargoed country").text(e.getKey()).text(e.getValue());
        }
        sheet.finish();
    }

    /** The plain-words paragraph on the score. */
    static String meaning(ReportMethod method) {
        String alert = plain(method.alertThreshold());
        String review = plain(method.reviewThreshold());
        return "The score (0 to 100) says how similar the screened value is to a name or alias on a sanctions list: "
                + "the names are compared word by word after normalising case and accents, allowing for "
                + "romanisation variants; 100 means the same name. The name score is then adjusted where both the "
                + "record and the list entry carry the attribute: date of birth, country and party type (person, "
                + "organisation, vessel) raise it when they agree and lower it when they disagree; a different "
                + "legal form or a weak alias lowers it. A score of " + alert + " or more is an alert; a score of "
                + review + " or more but below " + alert + " is listed for review; a score below " + review
                + " is not reported. Names found inside free text are reported only as alerts. An embargoed "
                + "country or a listed BIC is a rule, not a similarity, and is scored 100. The score ranks how "
                + "closely a record resembles a listed name; it is not a probability and not a finding that the "
                + "record is the listed party: every hit needs a person's review.";
    }

    /** 85.0 as "85", 72.5 as "72.5", independent of locale. */
    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String utc(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static void text(SheetWriter sheet, String section, String item, String value) {
        sheet.row().text(section).text(item).text(value).text(null).text(null);
    }

    private static void number(SheetWriter sheet, String section, String item, long value) {
        sheet.row().text(section).text(item).number(value).text(null).text(null);
    }
}
