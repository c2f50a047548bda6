package io.vigil.reports;

import static io.vigil.reports.PdfText.count;
import static io.vigil.reports.PdfText.instant;
import static io.vigil.reports.PdfText.orElse;
import static io.vigil.reports.PdfText.score;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import io.vigil.registry.alert.AlertStatus;
import io.vigil.reports.RunReport.ReportAlerts;
import io.vigil.reports.RunReport.ReportCounts;
import io.vigil.reports.RunReport.ReportInput;
import io.vigil.reports.RunReport.ReportMethod;
import io.vigil.reports.RunReport.ReportRun;
import io.vigil.reports.RunReport.ReportSnapshot;
import io.vigil.reports.RunReport.ReportSource;
import io.vigil.reports.RunReport.ReportSourceFile;
import io.vigil.reports.RunReport.ReportWorkload;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The title page, section 1 (run summary) and section 5 (method) of the PDF report. */
final class PdfSections {

    static final List<String> SECTIONS = List.of("Run summary", "Hits", "Designation citations",
            "Rejected records", "Method");

    static final String FINGERPRINT_NOTE =
            "SHA-256 of this run's manifest.json before this PDF was added; vigil verify checks it.";

    private final PdfLayout layout;
    private final PdfFonts fonts;
    private final Document doc;
    private final RunReport report;

    PdfSections(PdfLayout layout, Document doc, RunReport report) {
        this.layout = layout;
        this.fonts = layout.fonts();
        this.doc = doc;
        this.report = report;
    }

    void titlePage() {
        ReportRun run = report.run();
        Paragraph title = layout.paragraph(fonts.bold(run.reportTitle(), PdfLayout.TITLE), PdfLayout.TITLE);
        title.setSpacingBefore(40f);
        title.setSpacingAfter(6f);
        doc.add(title);
        layout.text("What one night's screening read, which sanctions lists it screened against, what matched "
                + "and why. Every figure comes from the run's records; nothing here depends on when the report "
                + "was printed.");
        PdfPTable t = layout.keyValues();
        t.setSpacingBefore(14f);
        layout.keyValue(t, "Job", run.jobName());
        if (!run.screening().isEmpty()) {
            layout.keyValue(t, "Screening", run.screening());
        }
        layout.keyValue(t, "Business date", run.businessDate().toString());
        layout.keyValue(t, "Run id", Long.toString(run.runId()));
        layout.keyValue(t, "Generated", instant(run.endedAt()) + " (the end of the run)");
        layout.keyValue(t, "Software version", "Vigil " + run.softwareVersion());
        Phrase fp = new Phrase();
        if (report.manifestFingerprint().isEmpty()) {
            fp.add(fonts.phrase("none: this report was written outside a run directory, so there is no "
                    + "manifest.json to check it against.", PdfLayout.BODY));
        } else {
            fp.add(fonts.phrase(report.manifestFingerprint() + "\n", PdfLayout.BODY));
            fp.add(fonts.muted(FINGERPRINT_NOTE, PdfLayout.SMALL));
        }
        layout.keyValue(t, "Manifest fingerprint", fp);
        layout.add(t);
        layout.heading("Contents");
        PdfPTable contents = PdfLayout.table(new float[] {0.3f, 8f});
        for (int i = 0; i < SECTIONS.size(); i++) {
            contents.addCell(PdfLayout.plain(fonts.phrase(Integer.toString(i + 1), PdfLayout.BODY)));
            contents.addCell(PdfLayout.plain(fonts.phrase(SECTIONS.get(i), PdfLayout.BODY)));
            if (i == 1 && report.alerts().tracked()) {
                for (PdfHitSections.Group g : PdfHitSections.Group.values()) {
                    contents.addCell(PdfLayout.plain(fonts.phrase("", PdfLayout.BODY)));
                    contents.addCell(PdfLayout.plain(fonts.muted(g.number + "  " + g.title, PdfLayout.BODY)));
                }
                contents.addCell(PdfLayout.plain(fonts.phrase("", PdfLayout.BODY)));
                contents.addCell(PdfLayout.plain(fonts.muted("2.5  " + PdfHitSections.DECISIONS_CITED,
                        PdfLayout.BODY)));
            }
        }
        layout.add(contents);
    }

    void summary() {
        ReportRun run = report.run();
        layout.section(1, SECTIONS.get(0));
        PdfPTable t = layout.keyValues();
        layout.keyValue(t, "Business date", run.businessDate().toString());
        layout.keyValue(t, "Run id", run.runId() + " (job instance " + run.jobInstanceId() + ", " + run.jobName()
                + ")");
        layout.keyValue(t, "Status", orElse(run.status(), "not recorded"));
        layout.keyValue(t, "Started", instant(run.startedAt()));
        layout.keyValue(t, "Ended", instant(run.endedAt()));
        layout.keyValue(t, "Software version", "Vigil " + run.softwareVersion());
        layout.keyValue(t, "Configuration fingerprint", run.configFingerprint() + "  (SHA-256 of the matching "
                + "policy and screening settings)");
        if (report.alerts().tracked()) {
            layout.keyValue(t, "Book", report.alerts().book());
        }
        layout.add(t);
        if (report.alerts().tracked()) {
            alerts();
        }

        layout.heading("Inputs");
        PdfPTable inputs = layout.grid(new float[] {5f, 5.2f, 1.2f}, "File", "SHA-256", "Records");
        for (ReportInput in : report.inputs()) {
            inputs.addCell(PdfLayout.cell(fonts.phrase(in.path(), PdfLayout.SMALL)));
            inputs.addCell(PdfLayout.cell(fonts.phrase(in.sha256(), PdfLayout.SMALL)));
            inputs.addCell(number(in.records()));
        }
        layout.add(inputs);

        snapshot(report.registry());
        counts(report.counts());
    }

    /**
     * The alert lifecycle of the night: the work queue, the decision log head (so a printed report pins the log),
     * four eyes, the hits by status with their check, and the chart of the book's last nights.
     */
    private void alerts() {
        ReportAlerts alerts = report.alerts();
        ReportCounts c = report.counts();
        layout.heading("Alerts of the book " + alerts.book());
        PdfPTable t = layout.keyValues();
        layout.keyValue(t, "Work queue", count(c.status(AlertStatus.NEW)) + " new, "
                + count(c.status(AlertStatus.RERAISED)) + " re-raised, " + count(c.status(AlertStatus.OPEN))
                + " open to decide; " + count(c.status(AlertStatus.CONFIRMED)) + " confirmed, "
                + count(c.status(AlertStatus.SUPPRESSED)) + " suppressed by an earlier decision");
        Phrase head = fonts.phrase(alerts.chainHead().describe() + "\n", PdfLayout.BODY);
        head.addAll(fonts.muted(CHAIN_NOTE, PdfLayout.SMALL));
        layout.keyValue(t, "Decision log head", head);
        layout.keyValue(t, "Four eyes", alerts.fourEyes() ? "on: a clearance takes effect only once a second, "
                + "different reviewer approves it" : "off: a clearance takes effect when it is recorded");
        layout.add(t);

        long sum = 0;
        PdfPTable s = layout.grid(new float[] {1.6f, 1f, 8f}, "Night status", "Hits", "Meaning");
        s.setKeepTogether(true);
        for (AlertStatus status : AlertStatus.values()) {
            countRow(s, PdfHitSections.label(status), c.status(status), STATUS_MEANING.get(status));
            sum += c.status(status);
        }
        layout.add(s);
        boolean adds = sum == c.hits();
        layout.text(byStatus(c) + (adds ? " = " : " ≠ ") + count(c.hits()) + " hits" + (adds ? "." : ". THESE "
                + "COUNTS DO NOT ADD UP: the run's statuses are inconsistent and must be investigated."));

        List<ReportWorkload> nights = alerts.workload();
        String heading = "Workload of the book over its last " + (nights.size() == 1 ? "night"
                : count(nights.size()) + " nights");
        if (nights.isEmpty()) {
            layout.heading(heading);
            layout.text("No night of this book is recorded yet.");
            return;
        }
        // the heading, a first-night note and the chart on one page: a table kept together
        PdfPTable block = PdfLayout.table(new float[] {1f});
        block.setKeepTogether(true);
        block.setSpacingBefore(10f);
        PdfPCell title = PdfLayout.plain(fonts.bold(heading, PdfLayout.H2));
        title.setPaddingLeft(0f);
        block.addCell(title);
        if (nights.size() == 1) {
            PdfPCell first = PdfLayout.plain(fonts.phrase("First night of this book: the chart has one bar, and "
                    + "will show the trend from the next night on.", PdfLayout.BODY));
            first.setPaddingLeft(0f);
            block.addCell(first);
        }
        PdfPCell chart = new PdfPCell(PdfWorkloadChart.image(layout.writer(), fonts, nights, layout.width()),
                false);
        chart.setBorder(com.lowagie.text.Rectangle.NO_BORDER);
        chart.setPadding(0f);
        block.addCell(chart);
        layout.add(block);
        ReportWorkload first = nights.get(0);
        ReportWorkload last = nights.get(nights.size() - 1);
        layout.text("From " + first.businessDate() + " (run " + first.runId() + ") to " + last.businessDate()
                + " (run " + last.runId() + "): bars count the hits an analyst had to work or had worked each "
                + "night (new, re-raised, open, confirmed); the line counts the hits suppressed by a decision, "
                + "on the right-hand axis. Open alerts growing night after night mean the queue is not being "
                + "worked.");
    }

    /** The decision log head's explanation, under it. */
    static final String CHAIN_NOTE = "The decision log as it stood when this run applied the decisions: "
            + "vigil decisions verify checks that the log still ends with this row and hash.";

    private static final Map<AlertStatus, String> STATUS_MEANING = Map.of(
            AlertStatus.NEW, "alerts never raised before this run (section 2.1)",
            AlertStatus.RERAISED, "cleared earlier, raised again: the customer or the listed entry changed since the "
                    + "clearance, or it expired (section 2.1)",
            AlertStatus.OPEN, "raised on an earlier night and not decided yet (section 2.2)",
            AlertStatus.CONFIRMED, "true matches, reported every night until the party leaves the list or the "
                    + "decision is revoked (section 2.3)",
            AlertStatus.SUPPRESSED, "cleared earlier as false positives, nothing relevant changed since: not alerts, "
                    + "each cites its decision (section 2.4)");

    /** "3 new + 1 re-raised + 1 open + 1 confirmed + 2 suppressed". */
    static String byStatus(ReportCounts c) {
        StringBuilder sb = new StringBuilder();
        for (AlertStatus status : AlertStatus.values()) {
            sb.append(sb.length() == 0 ? "" : " + ").append(count(c.status(status))).append(' ')
                    .append(PdfHitSections.label(status));
        }
        return sb.toString();
    }

    private void snapshot(ReportSnapshot snapshot) {
        layout.heading("Registry snapshot");
        layout.text("Snapshot " + snapshot.snapshotId() + ", created " + instant(snapshot.createdAt()) + ", "
                + count(snapshot.parties()) + " parties, from these list sources:");
        PdfPTable t = layout.grid(new float[] {1.5f, 2.8f, 1.1f, 0.8f, 5.8f}, "Authority", "List",
                "Publication date", "Entries", "Files (SHA-256)");
        for (ReportSource s : snapshot.sources()) {
            t.addCell(PdfLayout.cell(fonts.phrase(s.authority(), PdfLayout.SMALL)));
            t.addCell(PdfLayout.cell(fonts.phrase(s.listName() + "\nsource type " + s.sourceType(),
                    PdfLayout.SMALL)));
            t.addCell(PdfLayout.cell(fonts.phrase(s.publicationDate() == null ? "not given by the source"
                    : s.publicationDate().toString(), PdfLayout.SMALL)));
            t.addCell(number(s.entries()));
            StringBuilder files = new StringBuilder();
            for (ReportSourceFile f : s.files()) {
                if (files.length() > 0) {
                    files.append('\n');
                }
                files.append(f.name()).append(" (").append(count(f.sizeBytes())).append(" bytes)\nsha256:")
                        .append(f.sha256());
            }
            t.addCell(PdfLayout.cell(fonts.phrase(files.toString(), PdfLayout.SMALL)));
        }
        layout.add(t);
    }

    private void counts(ReportCounts c) {
        layout.heading("Counts");
        boolean adds = c.read() == c.screened() + c.rejected();
        layout.text(count(c.read()) + " records read = " + count(c.screened()) + " screened + "
                + count(c.rejected()) + " rejected" + (adds ? "." : ". THESE COUNTS DO NOT ADD UP: the run's "
                + "records are inconsistent and must be investigated."));
        PdfPTable t = layout.grid(new float[] {4f, 1.2f, 7f}, "Count", "Value", "Meaning");
        t.setKeepTogether(true);
        countRow(t, "Records read", c.read(), "rows of the input files, header excluded");
        countRow(t, "Records screened", c.screened(), "records checked against the registry");
        countRow(t, "Records rejected", c.rejected(), "records that could not be screened (section 4)");
        countRow(t, "Hits", c.hits(), "(record, field, listed party) matches at or above the review threshold");
        countRow(t, "Alerts", c.alerts(), "hits scoring " + score(report.method().alertThreshold())
                + " or more");
        countRow(t, "Reviews", c.reviews(), "hits scoring " + score(report.method().reviewThreshold()) + " up to "
                + score(report.method().alertThreshold()));
        layout.add(t);
        byKey("Hits by authority", "Authority", c.hitsByAuthority());
        byKey("Hits by program", "Program", c.hitsByProgram());
        layout.text("A hit counts once for each authority and once for each program among the designations it "
                + "cites, so these columns can add up to more than the number of hits; embargo hits cite no "
                + "designation and are counted in neither.");
    }

    private void countRow(PdfPTable t, String name, long value, String meaning) {
        t.addCell(PdfLayout.cell(fonts.phrase(name, PdfLayout.SMALL)));
        t.addCell(number(value));
        t.addCell(PdfLayout.cell(fonts.muted(meaning, PdfLayout.SMALL)));
    }

    private void byKey(String heading, String column, Map<String, Long> counts) {
        layout.heading(heading);
        if (counts.isEmpty()) {
            layout.text("None.");
            return;
        }
        PdfPTable t = layout.grid(new float[] {4f, 1.2f}, column, "Hits");
        t.setWidthPercentage(50f);
        t.setKeepTogether(true);
        for (Map.Entry<String, Long> e : new TreeMap<>(counts).entrySet()) {
            t.addCell(PdfLayout.cell(fonts.phrase(e.getKey(), PdfLayout.SMALL)));
            t.addCell(number(e.getValue()));
        }
        layout.add(t);
    }

    void method() {
        ReportMethod m = report.method();
        layout.section(5, SECTIONS.get(4));
        PdfPTable t = layout.keyValues();
        layout.keyValue(t, "Algorithm", m.algorithmVersion());
        layout.keyValue(t, "Alert threshold", score(m.alertThreshold()) + " (a hit scoring this or more is an "
                + "alert)");
        layout.keyValue(t, "Review threshold", score(m.reviewThreshold()) + " (a hit scoring this or more, but "
                + "less than " + score(m.alertThreshold()) + ", is listed for review)");
        layout.keyValue(t, "Policy", m.policy());
        layout.add(t);
        layout.heading("What the score means");
        layout.text("The score, from 0 to 100, says how closely a screened value resembles a name or alias on a "
                + "sanctions list. Both are normalised (script, case, punctuation) and split into words. Each "
                + "screened word is paired with a listed word, in any order, and counts by how alike the two are "
                + "(1.00 the same, 0.95 the same romanisation such as Choi and Choe, less for spelling variants) "
                + "and by how rare the word is among listed names. The name score is 100 x (0.6 x the share of "
                + "the screened words matched + 0.4 x the share of the listed words matched); date of birth, "
                + "country, party type and legal form, when both sides have them, then raise or lower it. The "
                + "line under each hit in section 2 shows these steps.");
        layout.text("100 means the names agree after normalisation. The score is not a probability that the "
                + "counterparty is the listed party, and a hit is not a finding: a person must compare the "
                + "record's other details (date of birth, nationality, address, identifiers) with the "
                + "designation cited before acting on it.");
        layout.text("Hits scoring " + score(m.alertThreshold()) + " or more are alerts; hits scoring "
                + score(m.reviewThreshold()) + " or more are listed for review; lower scores are not reported. A "
                + "listed party whose name is written very differently in the input, or only in an identifier "
                + "the run did not screen, can therefore be missed. An embargo hit (kind EMBARGO, score 100) "
                + "means that the record names an embargoed country, not that any person is listed.");
        layout.heading("Embargoed countries");
        if (m.embargoedCountries().isEmpty()) {
            layout.text("No country was screened as embargoed.");
            return;
        }
        PdfPTable e = layout.grid(new float[] {1f, 10f}, "Country", "Reason");
        for (Map.Entry<String, String> c : new TreeMap<>(m.embargoedCountries()).entrySet()) {
            e.addCell(PdfLayout.cell(fonts.phrase(c.getKey(), PdfLayout.SMALL)));
            e.addCell(PdfLayout.cell(fonts.phrase(c.getValue(), PdfLayout.SMALL)));
        }
        layout.add(e);
    }

    private PdfPCell number(long n) {
        PdfPCell c = PdfLayout.cell(fonts.phrase(count(n), PdfLayout.SMALL));
        c.setHorizontalAlignment(com.lowagie.text.Element.ALIGN_RIGHT);
        return c;
    }
}
