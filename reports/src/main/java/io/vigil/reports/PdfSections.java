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
import io.vigil.reports.RunReport.ReportCounts;
import io.vigil.reports.RunReport.ReportInput;
import io.vigil.reports.RunReport.ReportMethod;
import io.vigil.reports.RunReport.ReportRun;
import io.vigil.reports.RunReport.ReportSnapshot;
import io.vigil.reports.RunReport.ReportSource;
import io.vigil.reports.RunReport.ReportSourceFile;
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
        Paragraph title = layout.paragraph(fonts.bold("Vigil screening report", PdfLayout.TITLE), PdfLayout.TITLE);
        title.setSpacingBefore(40f);
        title.setSpacingAfter(6f);
        doc.add(title);
        layout.text("What one night's screening read, which sanctions lists it screened against, what matched "
                + "and why. Every figure comes from the run's records; nothing here depends on when the report "
                + "was printed.");
        PdfPTable t = layout.keyValues();
        t.setSpacingBefore(14f);
        layout.keyValue(t, "Job", run.jobName());
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
        layout.add(t);

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
