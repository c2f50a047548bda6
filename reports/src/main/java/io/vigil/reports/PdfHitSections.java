package io.vigil.reports;

import static io.vigil.reports.PdfText.count;
import static io.vigil.reports.PdfText.orElse;
import static io.vigil.reports.PdfText.score;

import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfOutline;
import io.vigil.registry.alert.AlertStatus;
import io.vigil.reports.RunReport.ReportCitation;
import io.vigil.reports.RunReport.ReportCounts;
import io.vigil.reports.RunReport.ReportDecision;
import io.vigil.reports.RunReport.ReportHit;
import io.vigil.reports.RunReport.ReportReject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Sections 2 (hits), 3 (designation citations) and 4 (rejected records) of the PDF report.
 *
 * <p>With alert tracking, section 2 lists the hits by night status, the analysts' work first ({@link Group}): 2.1
 * new and re-raised, 2.2 open, 2.3 confirmed, 2.4 suppressed, each hit with its alert, status and note and the
 * decision it rests on; then 2.5 the decisions cited. The hit limit applies to each of 2.1 to 2.4 (the highest
 * scoring of each), so a night of thousands of suppressed hits never pushes a new alert out of the PDF. Without
 * alert tracking the hits are one list, by score, as before.
 */
final class PdfHitSections {

    /** Rows added to the document at a time, so a long table is not held whole in memory. */
    private static final int FLUSH_ROWS = 100;

    private static final float[] HIT_COLUMNS = {1.1f, 0.9f, 2.3f, 2.3f, 0.6f, 0.7f, 2.6f, 0.8f};
    private static final String[] HIT_HEADERS = {"Record", "Field", "Screened value", "Matched name",
        "Score", "Decision", "Listed party", "Citations"};

    /**
     * The hit groups of a report with alert tracking, in the order the PDF lists them: the analysts' work first.
     * Each is section 2.n; {@code statuses} are the night statuses it lists.
     */
    enum Group {
        RAISED("2.1", "New and re-raised alerts", EnumSet.of(AlertStatus.NEW, AlertStatus.RERAISED),
                "Alerts raised for the first time tonight, and cleared alerts raised again because the customer "
                        + "or the listed entry changed since the clearance, or the clearance expired: the line "
                        + "under each re-raised alert says what changed.",
                "No new or re-raised alert tonight."),
        OPEN("2.2", "Open alerts carried over", EnumSet.of(AlertStatus.OPEN),
                "Alerts raised on an earlier night and not decided yet (or escalated, or a clearance waiting for "
                        + "its second reviewer); each says since when it is open.",
                "No alert is carried over open."),
        CONFIRMED("2.3", "Confirmed matches", EnumSet.of(AlertStatus.CONFIRMED),
                "True matches, reported every night until the party leaves the list or the decision is revoked; "
                        + "each cites the decision that confirmed it.",
                "No hit is a confirmed match."),
        SUPPRESSED("2.4", "Suppressed by decision", EnumSet.of(AlertStatus.SUPPRESSED),
                "Hits cleared earlier as false positives, with neither the customer nor the listed entry changed "
                        + "since: they are not alerts. Each cites the decision that clears it: reference, "
                        + "reviewer, date and reason.",
                "No hit is suppressed by a decision.");

        final String number;
        final String title;
        final Set<AlertStatus> statuses;
        final String intro;
        final String none;

        Group(String number, String title, Set<AlertStatus> statuses, String intro, String none) {
            this.number = number;
            this.title = title;
            this.statuses = statuses;
            this.intro = intro;
            this.none = none;
        }

        /** The group of a status; a hit without a status (not expected when tracked) is listed with the new. */
        static Group of(AlertStatus status) {
            for (Group g : values()) {
                if (g.statuses.contains(status)) {
                    return g;
                }
            }
            return RAISED;
        }
    }

    /** Section 2.5 of a report with alert tracking. */
    static final String DECISIONS_CITED = "Decisions cited";

    private final PdfLayout layout;
    private final PdfFonts fonts;
    private final RunReport report;
    private final int maxHits;
    /** Without alert tracking: the top hits of the run. With it: empty. */
    private final TopHits top;
    /** With alert tracking: the top hits of each group. Without it: empty. */
    private final Map<Group, TopHits> groups = new EnumMap<>(Group.class);
    private final Map<String, ReportDecision> decisions = new HashMap<>();

    PdfHitSections(PdfLayout layout, RunReport report, int maxHits) {
        this.layout = layout;
        this.fonts = layout.fonts();
        this.report = report;
        this.maxHits = maxHits;
        if (report.alerts().tracked()) {
            // one pass over the hits, each to its group's collector
            Map<Group, TopHits.Collector> collectors = new EnumMap<>(Group.class);
            for (Group g : Group.values()) {
                collectors.put(g, new TopHits.Collector(maxHits));
            }
            report.hits().forEach(h -> collectors.get(Group.of(h.status())).add(h));
            collectors.forEach((g, c) -> groups.put(g, c.result()));
            this.top = TopHits.of(RunReport.Rows.of(List.of()), 0);
            report.alerts().decisions().forEach(d -> decisions.put(d.ref(), d));
        } else {
            this.top = TopHits.of(report.hits(), maxHits);
        }
    }

    /** Hits in the run (all, listed or not). */
    private long total() {
        return report.alerts().tracked() ? groups.values().stream().mapToLong(TopHits::total).sum() : top.total();
    }

    /** Whether some hits are left out of the PDF. */
    private boolean truncated() {
        return report.alerts().tracked() ? groups.values().stream().anyMatch(TopHits::truncated) : top.truncated();
    }

    /** Every hit the PDF lists. */
    private List<TopHits.Ranked> listed() {
        if (!report.alerts().tracked()) {
            return top.listed();
        }
        List<TopHits.Ranked> all = new ArrayList<>();
        groups.values().forEach(t -> all.addAll(t.listed()));
        return all;
    }

    void hits() {
        PdfOutline outline = layout.section(2, PdfSections.SECTIONS.get(1));
        if (report.alerts().tracked()) {
            trackedHits(outline);
            return;
        }
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
        hitTable(top.listed());
    }

    /** Section 2 with alert tracking: 2.1 to 2.4 by status, the analysts' work first, then 2.5 decisions cited. */
    private void trackedHits(PdfOutline outline) {
        ReportCounts c = report.counts();
        String review = score(report.method().reviewThreshold());
        if (total() == 0) {
            layout.text("No hits. None of the " + count(c.screened()) + " records screened matched a listed party "
                    + "at or above the review threshold (" + review + ").");
        } else {
            layout.text(count(c.hits()) + " hits: " + count(c.alerts()) + " alerts (score "
                    + score(report.method().alertThreshold()) + " or more) and " + count(c.reviews())
                    + " for review (score " + review + " or more). By night status: " + PdfSections.byStatus(c)
                    + ". The analysts' work comes first: new and re-raised alerts (2.1), open alerts carried over "
                    + "(2.2), confirmed matches (2.3), then the hits suppressed by a decision (2.4). Within each, "
                    + "by score, highest first; equal scores in input order. [n] refers to the designation "
                    + "citations of section 3; the lines under each hit give its alert and status and explain its "
                    + "score. Screened values are printed as they were in the input.");
        }
        for (Group g : Group.values()) {
            TopHits t = groups.get(g);
            layout.subsection(outline, g.number, g.title);
            if (t.total() == 0) {
                layout.text(g.none);
                continue;
            }
            layout.text(g.intro);
            if (t.truncated()) {
                layout.text(groupCutoffSentence(t.total(), t.listed().size()));
            }
            hitTable(t.listed());
        }
        layout.subsection(outline, "2.5", DECISIONS_CITED);
        decisionsCited();
    }

    /** "This section has 5,000 hits; the 100 highest-scoring are listed here. The workbook …". */
    static String groupCutoffSentence(long total, int listed) {
        return "This section has " + count(total) + " hits; the " + count(listed) + " highest-scoring are listed "
                + "here. The workbook report.xlsx holds all " + count(total) + " (sheet Hits, column Status).";
    }

    private void hitTable(List<TopHits.Ranked> hits) {
        PdfPTable outer = PdfLayout.table(new float[] {1f});
        outer.setHeaderRows(1);
        outer.setComplete(false);
        outer.addCell(wrap(hitHeader()));
        int rows = 0;
        for (TopHits.Ranked ranked : hits) {
            outer.addCell(wrap(hitRow(ranked.hit())));
            if (++rows % FLUSH_ROWS == 0) {
                layout.add(outer);
            }
        }
        outer.setComplete(true);
        layout.add(outer);
    }

    private void decisionsCited() {
        List<ReportDecision> cited = report.alerts().decisions();
        if (cited.isEmpty()) {
            layout.text("No decision is cited: no hit of this run is suppressed, confirmed or re-raised by an "
                    + "earlier decision.");
            return;
        }
        layout.text("Every decision a hit's status rests on, from the decision log (head: "
                + report.alerts().chainHead().describe() + "). Times in UTC.");
        PdfPTable t = layout.grid(new float[] {0.6f, 1.1f, 1.2f, 1.7f, 4.6f, 0.6f, 2.2f}, "Ref", "Action",
                "Reviewer", "Decided at", "Reason", "Run", "Approved by");
        t.setComplete(false);
        int rows = 0;
        for (ReportDecision d : cited) {
            t.addCell(PdfLayout.cell(fonts.bold(d.ref(), PdfLayout.SMALL)));
            t.addCell(PdfLayout.cell(fonts.phrase(d.action() == null ? "" : d.action().label(), PdfLayout.SMALL)));
            t.addCell(PdfLayout.cell(fonts.phrase(d.reviewer(), PdfLayout.SMALL)));
            t.addCell(PdfLayout.cell(fonts.phrase(PdfText.instant(d.decidedAt()), PdfLayout.SMALL)));
            t.addCell(PdfLayout.cell(fonts.phrase(orElse(d.reason(), "no reason given"), PdfLayout.SMALL)));
            t.addCell(PdfLayout.cell(fonts.phrase(d.runId() == 0 ? "" : Long.toString(d.runId()),
                    PdfLayout.SMALL)));
            t.addCell(PdfLayout.cell(fonts.phrase(orElse(d.approvedBy(), ""), PdfLayout.SMALL)));
            if (++rows % FLUSH_ROWS == 0) {
                layout.add(t);
            }
        }
        t.setComplete(true);
        layout.add(t);
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
        if (report.alerts().tracked()) {
            PdfPCell status = PdfLayout.cell(statusLine(h));
            status.setColspan(HIT_COLUMNS.length);
            t.addCell(status);
        }
        PdfPCell why = PdfLayout.cell(fonts.muted("Why: " + orElse(h.reasons(), "no explanation recorded"), s));
        why.setColspan(HIT_COLUMNS.length);
        t.addCell(why);
        return t;
    }

    /**
     * "Alert A-… · re-raised: cleared by D-2, but since then: …", and under it the decision the status rests on:
     * "Decision D-3: false-positive by a.kovacs, 2026-11-18 10:30:00 UTC: “reason” (seen in run 40; approved by …)".
     */
    private Phrase statusLine(ReportHit h) {
        float s = PdfLayout.SMALL;
        String label = h.status() == null ? "status not recorded" : label(h.status());
        Phrase p = fonts.bold("Alert " + orElse(h.alertId(), "(no id)") + " · " + label, s);
        String note = h.statusNote();
        if (!note.isBlank() && (h.status() == null || !note.equals(h.status().label()))) {
            p.addAll(fonts.phrase(": " + note, s));
        }
        if (!h.decisionRef().isEmpty()) {
            ReportDecision d = decisions.get(h.decisionRef());
            p.addAll(fonts.phrase("\n", s));
            p.addAll(d == null ? fonts.muted("Decision " + h.decisionRef() + " (not among the decisions this "
                    + "report cites)", s) : cite(d));
        }
        return p;
    }

    /** "Decision D-3: false-positive by a.kovacs, 2026-11-18 10:30:00 UTC: “…” (seen in run 40; approved by …)". */
    private Phrase cite(ReportDecision d) {
        float s = PdfLayout.SMALL;
        Phrase p = fonts.bold("Decision " + d.ref(), s);
        StringBuilder rest = new StringBuilder(": ").append(d.action() == null ? "" : d.action().label())
                .append(" by ").append(d.reviewer()).append(", ").append(PdfText.instant(d.decidedAt()))
                .append(": \u201c").append(orElse(d.reason(), "no reason given")).append('\u201d');
        List<String> more = new ArrayList<>();
        if (d.runId() != 0) {
            more.add("seen in run " + d.runId());
        }
        if (!orElse(d.approvedBy(), "").isEmpty()) {
            more.add("approved by " + d.approvedBy());
        }
        if (!more.isEmpty()) {
            rest.append(" (").append(String.join("; ", more)).append(')');
        }
        p.addAll(fonts.phrase(rest.toString(), s));
        return p;
    }

    /** "new", "re-raised", "open", "confirmed", "suppressed". */
    static String label(AlertStatus status) {
        return status == AlertStatus.RERAISED ? "re-raised" : status.label();
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
            layout.text("No designation is cited: " + (total() == 0 ? "the run has no hits."
                    : "the run's hits cite no designation (embargo hits cite none)."));
            return;
        }
        if (truncated()) {
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
        if (!truncated()) {
            return report.citations();
        }
        SortedSet<Integer> cited = new TreeSet<>();
        listed().forEach(r -> cited.addAll(r.hit().citations()));
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
            if (total[0]++ < maxHits) {
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
