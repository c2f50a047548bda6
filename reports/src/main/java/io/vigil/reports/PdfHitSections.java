package io.vigil.reports;

import static io.vigil.reports.PdfText.count;
import static io.vigil.reports.PdfText.orElse;
import static io.vigil.reports.PdfText.score;

import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import io.vigil.reports.RunReport.ReportCitation;
import io.vigil.reports.RunReport.ReportHit;
import io.vigil.reports.RunReport.ReportReject;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Sections 2 (hits), 3 (designation citations) and 4 (rejected records) of the PDF report. */
final class PdfHitSections {

    /** Rows added to the document at a time, so a long table is not held whole in memory. */
    private static final int FLUSH_ROWS = 100;

    private static final float[] HIT_COLUMNS = {1.1f, 0.9f, 2.3f, 2.3f, 0.6f, 0.7f, 2.6f, 0.8f};
    private static final String[] HIT_HEADERS = {"Record", "Field", "Screened value", "Matched name",
        "Score", "Decision", "Listed party", "Citations"};

    private final PdfLayout layout;
    private final PdfFonts fonts;
    private final RunReport report;
    private final TopHits top;
    private final int maxRejects;

    PdfHitSections(PdfLayout layout, RunReport report, TopHits top, int maxRejects) {
        this.layout = layout;
        this.fonts = layout.fonts();
        this.report = report;
        this.top = top;
        this.maxRejects = maxRejects;
    }

    void hits() {
        layout.section(2, PdfSections.SECTIONS.get(1));
        String review = score(report.method().reviewThreshold());
        if (top.total() == 0) {
            layout.text("No hits. None of the " + count(report.counts().screened()) + " records screened matched "
                    + "a listed party at or above the review threshold (" + review + ").");
            return;
        }
        if (top.truncated()) {
            layout.text(cutoffSentence(top.total(), top.listed().size()));
        }
        layout.text(count(report.counts().hits()) + " hits: " + count(report.counts().alerts()) + " alerts (score "
                + score(report.method().alertThreshold()) + " or more) and " + count(report.counts().reviews())
                + " for review (score " + review + " or more). Listed by score, highest first; equal scores in "
                + "input order. [n] refers to the designation citations of section 3; the line under each hit "
                + "explains its score. Screened values are printed as they were in the input.");
        PdfPTable outer = PdfLayout.table(new float[] {1f});
        outer.setHeaderRows(1);
        outer.setComplete(false);
        outer.addCell(wrap(hitHeader()));
        int rows = 0;
        for (TopHits.Ranked ranked : top.listed()) {
            outer.addCell(wrap(hitRow(ranked.hit())));
            if (++rows % FLUSH_ROWS == 0) {
                layout.add(outer);
            }
        }
        outer.setComplete(true);
        layout.add(outer);
    }

    /** "This run has 5,000 hits; the 100 highest-scoring are listed here. The workbook …". */
    static String cutoffSentence(long total, int listed) {
        return "This run has " + count(total) + " hits; the " + count(listed) + " highest-scoring are listed "
                + "here. The workbook report.xlsx holds all " + count(total) + ".";
    }

    private PdfPTable hitHeader() {
        PdfPTable t = PdfLayout.table(HIT_COLUMNS);
        for (String h : HIT_HEADERS) {
            t.addCell(layout.headerCell(h));
        }
        return t;
    }

    /** One hit: its cells, and under them, across the whole width, the reasons. Never split across pages. */
    private PdfPTable hitRow(ReportHit h) {
        PdfPTable t = PdfLayout.table(HIT_COLUMNS);
        float s = PdfLayout.SMALL;
        t.addCell(PdfLayout.cell(two(orElse(h.recordId(), "(no id)"), "line " + h.line())));
        t.addCell(PdfLayout.cell(fonts.phrase(h.field(), s)));
        t.addCell(PdfLayout.cell(fonts.phrase(h.screenedValue(), s)));
        boolean embargo = h.matchedName() == null || h.matchedName().isEmpty();
        t.addCell(PdfLayout.cell(embargo ? two(h.kind(), "no listed name")
                : two(h.matchedName(), h.nameQuality())));
        PdfPCell sc = PdfLayout.cell(fonts.phrase(score(h.score()), s));
        sc.setHorizontalAlignment(Element.ALIGN_RIGHT);
        t.addCell(sc);
        t.addCell(PdfLayout.cell(fonts.phrase(h.decision().label(), s)));
        String party = orElse(h.partyId(), "none (embargo)");
        t.addCell(PdfLayout.cell(h.linkedIds().isEmpty() ? fonts.phrase(party, s)
                : two(party, "same party: " + String.join(", ", h.linkedIds()))));
        t.addCell(PdfLayout.cell(fonts.phrase(h.citations().isEmpty() ? "none"
                : h.citations().stream().map(n -> "[" + n + "]").collect(Collectors.joining(" ")), s)));
        PdfPCell why = PdfLayout.cell(fonts.muted("Why: " + orElse(h.reasons(), "no explanation recorded"), s));
        why.setColspan(HIT_COLUMNS.length);
        t.addCell(why);
        return t;
    }

    private Phrase two(String first, String second) {
        Phrase p = fonts.phrase(first + "\n", PdfLayout.SMALL);
        p.addAll(fonts.muted(orElse(second, ""), PdfLayout.SMALL));
        return p;
    }

    private static PdfPCell wrap(PdfPTable inner) {
        PdfPCell c = new PdfPCell(inner);
        c.setBorder(Rectangle.NO_BORDER);
        c.setPadding(0f);
        c.setPaddingBottom(2f);
        return c;
    }

    void citations() {
        layout.section(3, PdfSections.SECTIONS.get(2));
        List<ReportCitation> shown = shownCitations();
        if (report.citations().isEmpty()) {
            layout.text("No designation is cited: " + (top.total() == 0 ? "the run has no hits."
                    : "the run's hits cite no designation (embargo hits cite none)."));
            return;
        }
        if (top.truncated()) {
            layout.text("The listed hits cite " + count(shown.size()) + " of the run's "
                    + count(report.citations().size()) + " designations; only those are described here. The "
                    + "workbook report.xlsx describes all " + count(report.citations().size()) + ".");
        } else {
            layout.text("Each designation cited by a hit, with where it comes from: the authority and list, the "
                    + "legal basis, and the imported source file with its SHA-256, so that the listing can be "
                    + "traced back to the exact file screened against.");
        }
        for (ReportCitation c : shown) {
            PdfPTable t = PdfLayout.table(new float[] {1.3f, 8f});
            t.setKeepTogether(true);
            t.setSpacingAfter(6f);
            PdfPCell head = layout.headerCell("[" + c.number() + "]  " + c.authority() + " · " + c.program()
                    + " · " + c.partyId());
            head.setColspan(2);
            t.addCell(head);
            row(t, "Authority", c.authority());
            row(t, "List", c.listName());
            row(t, "Program", c.program());
            row(t, "Legal basis", orElse(c.legalBasis(), "not in the registry"));
            row(t, "Listing date", c.listedOn() == null ? "not in the registry" : c.listedOn().toString());
            row(t, "Source reference", orElse(c.sourceReference(), "not in the registry"));
            row(t, "URL", orElse(c.url(), "not in the registry"));
            row(t, "Source type", c.sourceType());
            row(t, "Source file", c.sourceFiles());
            row(t, "Listed party", c.partyId());
            layout.add(t);
        }
    }

    private List<ReportCitation> shownCitations() {
        if (!top.truncated()) {
            return report.citations();
        }
        SortedSet<Integer> cited = new TreeSet<>();
        top.listed().forEach(r -> cited.addAll(r.hit().citations()));
        List<ReportCitation> shown = new ArrayList<>();
        for (ReportCitation c : report.citations()) {
            if (cited.contains(c.number())) {
                shown.add(c);
            }
        }
        return shown;
    }

    private void row(PdfPTable t, String key, String value) {
        t.addCell(PdfLayout.cell(fonts.muted(key, PdfLayout.SMALL)));
        t.addCell(PdfLayout.cell(fonts.phrase(orElse(value, ""), PdfLayout.SMALL)));
    }

    void rejects() {
        layout.section(4, PdfSections.SECTIONS.get(3));
        List<ReportReject> first = new ArrayList<>();
        long[] total = {0};
        report.rejects().forEach(r -> {
            if (total[0]++ < maxRejects) {
                first.add(r);
            }
        });
        if (total[0] == 0) {
            layout.text("No records were rejected.");
            return;
        }
        if (first.size() < total[0]) {
            layout.text("This run has " + count(total[0]) + " rejected records; the first " + count(first.size())
                    + " are listed here. The workbook report.xlsx holds all " + count(total[0]) + ".");
        }
        layout.text("Rejected records were not screened. Each must be corrected at the source and screened "
                + "again.");
        PdfPTable t = layout.grid(new float[] {0.8f, 1.5f, 9f}, "Line", "Record id", "Reason");
        t.setComplete(false);
        int rows = 0;
        for (ReportReject r : first) {
            PdfPCell line = PdfLayout.cell(fonts.phrase(Long.toString(r.line()), PdfLayout.SMALL));
            line.setHorizontalAlignment(Element.ALIGN_RIGHT);
            t.addCell(line);
            t.addCell(PdfLayout.cell(fonts.phrase(orElse(r.recordId(), "(no id)"), PdfLayout.SMALL)));
            t.addCell(PdfLayout.cell(fonts.phrase(r.reason(), PdfLayout.SMALL)));
            if (++rows % FLUSH_ROWS == 0) {
                layout.add(t);
            }
        }
        t.setComplete(true);
        layout.add(t);
    }
}
