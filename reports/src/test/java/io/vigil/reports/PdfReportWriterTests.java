package io.vigil.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.reports.RunReport.ReportHit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfReportWriterTests {

    private static final String RUN_HEADER = "run 42 · business date 2026-11-20";

    @Test
    void write_sample_citesAuthoritiesProgramsLegalBasisAndListingDate() throws IOException {
        // given the sample run, whose hits cite OFAC (NPWMD, DPRK2) and EU Council (DPRK) designations
        // when
        String text = text(pdf(SampleReports.sample(), 500));

        // then
        assertThat(text).contains("US Treasury OFAC", "EU Council", "NPWMD", "DPRK2", "E.O. 13382",
                "Council Regulation (EU) 2017/1509", "2023-06-15", "2022-12-01",
                "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=43598",
                "sdn.csv sha256:" + "a".repeat(64), "[1] US Treasury OFAC · NPWMD · ofac:43598",
                "[3] EU Council · DPRK · notice:eu-2022-dprk/jon-il-ho");
        // the EU designation has no listing date in the registry, and says so
        assertThat(section(text, "[3] EU Council", "[4]")).contains("Listing date not in the registry");
    }

    @Test
    void write_sample_printsCountsThatAddUp() throws IOException {
        // given / when
        String text = text(pdf(SampleReports.sample(), 500));

        // then
        assertThat(text).contains("20 records read = 18 screened + 2 rejected.", "Records read 20",
                "Records screened 18", "Records rejected 2", "Hits 8", "Alerts 6", "Reviews 2",
                "8 hits: 6 alerts (score 85 or more) and 2 for review (score 72 or more)",
                "EU Council 1", "US Treasury OFAC 7", "NPWMD 6", "DPRK2 1");
        // section 4 lists both rejects
        assertThat(text).contains("4 C-0004 name is empty", "8 (no id) line 8: 3 fields, the header has 6");
    }

    @Test
    void write_sample_extractsNamesInEveryScriptAsWritten() throws IOException {
        // given hits on a Hangul, a Cyrillic, a Chinese name and a formula-injection value
        // when
        String text = text(pdf(SampleReports.sample(), 500));

        // then the text extracts as written: proves the embedded fonts have the glyphs and a ToUnicode map
        assertThat(text).contains("최철민", "Чхве Чхоль Мин", "崔哲民", "Choi Cheol-min", "C-0012")
                .doesNotContain("\uFFFD");
        // the injection is plain text (it may wrap inside its cell)
        assertThat(text.replaceAll("\\s", "")).contains(SampleReports.INJECTION);
    }

    @Test
    void write_sample_printsTheManifestFingerprintOnTheTitlePage() throws IOException {
        // given / when
        List<String> pages = pages(pdf(SampleReports.sample(), 500));

        // then
        assertThat(pages.get(0)).contains("Vigil screening report", "screenCounterpartiesJob", "2026-11-20",
                "Run id 42", "2026-11-21 01:02:03 UTC", "Vigil 0.1.0-SNAPSHOT", "5".repeat(64),
                PdfSections.FINGERPRINT_NOTE, "1 Run summary", "2 Hits", "3 Designation citations",
                "4 Rejected records", "5 Method");
    }

    @Test
    void write_sample_stampsHeaderAndPageOfOnEveryPage() throws IOException {
        // given / when
        List<String> pages = pages(pdf(SampleReports.sample(), 500));

        // then
        assertThat(pages).hasSizeGreaterThanOrEqualTo(6);
        for (int i = 0; i < pages.size(); i++) {
            assertThat(pages.get(i)).as("page %d", i + 1).contains(RUN_HEADER)
                    .contains("page " + (i + 1) + " of " + pages.size());
        }
    }

    @Test
    void write_noHits_saysSoInPlainWords() throws IOException {
        // given a run without hits or rejects
        // when
        String text = text(pdf(SampleReports.noHits(), 500));

        // then
        assertThat(text).contains("No hits. None of the 20 records screened matched a listed party at or above "
                + "the review threshold (72).", "No records were rejected.",
                "No designation is cited: the run has no hits.");
    }

    @Test
    void write_moreHitsThanTheLimit_listsTheHighestScoringAndSaysSo() throws IOException {
        // given 5,000 hits with descending scores, and a limit of 100
        byte[] pdf = pdf(SampleReports.many(5_000), 100);

        // when
        String text = text(pdf);

        // then the cutoff is stated, and exactly the 100 best (R-0 … R-99) are listed
        assertThat(text).contains("This run has 5,000 hits; the 100 highest-scoring are listed here. The "
                + "workbook report.xlsx holds all 5,000.");
        Set<Integer> listed = new TreeSet<>();
        Matcher m = Pattern.compile("\\bR-(\\d+)\\b").matcher(text);
        while (m.find()) {
            listed.add(Integer.parseInt(m.group(1)));
        }
        assertThat(listed).hasSize(100).first().isEqualTo(0);
        assertThat(listed).last().isEqualTo(99);
        assertThat(text).contains("The listed hits cite 1 of the run's 4 designations");
    }

    @Test
    void write_sameReportTwice_isByteIdentical() throws IOException {
        // given / when
        byte[] first = pdf(SampleReports.sample(), 500);
        byte[] second = pdf(SampleReports.sample(), 500);
        byte[] many1 = pdf(SampleReports.many(300), 100);
        byte[] many2 = pdf(SampleReports.many(300), 100);

        // then
        assertThat(second).isEqualTo(first);
        assertThat(many2).isEqualTo(many1);
        assertThat(new String(first, java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("/CreationDate(D:20261121010203")
                .contains("/ModDate(D:20261121010203")
                .doesNotContain("/FileId");
    }

    @Test
    void write_sample_embedsEveryFontAndRecordsMetadata() throws IOException {
        // given / when
        try (PDDocument doc = Loader.loadPDF(pdf(SampleReports.sample(), 500))) {
            // then every font on every page is embedded (no reliance on the reader's fonts)
            List<String> fonts = new ArrayList<>();
            for (PDPage page : doc.getPages()) {
                PDResources res = page.getResources();
                for (COSName name : res.getFontNames()) {
                    PDFont font = res.getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    fonts.add(font.getName().substring(7));
                }
            }
            assertThat(fonts).contains("DejaVuSans", "DejaVuSans-Bold", "DroidSansFallback");

            PDDocumentInformation info = doc.getDocumentInformation();
            assertThat(info.getAuthor()).isEqualTo("Vigil");
            assertThat(info.getCreator()).isEqualTo("Vigil 0.1.0-SNAPSHOT");
            assertThat(info.getTitle()).contains("run 42", "2026-11-20");
            assertThat(info.getSubject()).contains("run 42");
            assertThat(info.getCreationDate().toInstant()).isEqualTo(SampleReports.run().endedAt());
            assertThat(info.getModificationDate().get(Calendar.YEAR)).isEqualTo(2026);
            assertThat(doc.getDocument().getDocumentID()).isNotNull();
            assertThat(doc.getDocumentCatalog().getDocumentOutline().children()).hasSize(5);
        }
    }

    @Test
    void write_moreRejectsThanTheLimit_listsTheFirst() throws IOException {
        // given 3 rejects and a limit of 2
        RunReport sample = SampleReports.sample();
        RunReport report = new RunReport(sample.run(), sample.inputs(), sample.registry(), sample.counts(),
                sample.method(), sample.citations(), sample.hits(), RunReport.Rows.of(List.of(
                        new RunReport.ReportReject(4, "C-0004", "name is empty"),
                        new RunReport.ReportReject(8, "", "bad line"),
                        new RunReport.ReportReject(9, "C-0009X", "third reject"))), "");

        // when
        String text = text(pdf(report, 2));

        // then
        assertThat(text).contains("This run has 3 rejected records; the first 2 are listed here.",
                "none: this report was written outside a run directory").doesNotContain("third reject");
    }

    @Test
    void write_tracked_listsTheAnalystsWorkFirst() throws IOException {
        // given the tracked sample: new C-0003, C-0013, C-0014; re-raised C-0005; open C-0007; confirmed C-0011;
        // suppressed C-0009 and C-0012
        String hits = section(body(pdf(SampleReports.tracked(), 500)), "2Hits", "3Designationcitations");

        // then 2.1 new and re-raised, 2.2 open, 2.3 confirmed, 2.4 suppressed, 2.5 decisions cited, in that order
        int raised = hits.indexOf(squash("2.1 New and re-raised alerts"));
        int open = hits.indexOf(squash("2.2 Open alerts carried over"));
        int confirmed = hits.indexOf(squash("2.3 Confirmed matches"));
        int suppressed = hits.indexOf(squash("2.4 Suppressed by decision"));
        int cited = hits.indexOf(squash("2.5 Decisions cited"));
        assertThat(List.of(raised, open, confirmed, suppressed, cited)).doesNotContain(-1).isSorted();
        assertThat(hits.substring(raised, open)).contains("C-0003", "C-0005", "C-0013", "C-0014")
                .doesNotContain("C-0007", "C-0009", "C-0011", "C-0012");
        assertThat(hits.substring(open, confirmed)).contains("C-0007").doesNotContain("C-0003", "C-0009");
        assertThat(hits.substring(confirmed, suppressed)).contains("C-0011").doesNotContain("C-0009");
        assertThat(hits.substring(suppressed, cited)).contains("C-0009", "C-0012").doesNotContain("C-0003");
        // and each hit says its alert and status: the re-raised one what changed, the open one since when
        assertThat(hits.substring(raised, open)).contains(squash("Alert " + SampleReports.alertId("C-0005")
                + " · re-raised: cleared by D-2, but since then: listed entry ofac:43598 changed (snapshot 2 → 3): "
                + "gained the alias 최철민"), squash("Alert " + SampleReports.alertId("C-0003") + " · new"));
        assertThat(hits.substring(open, confirmed))
                .contains(squash("Alert " + SampleReports.alertId("C-0007") + " · open: open since 2026-11-17"));
        assertThat(hits.substring(confirmed, suppressed)).contains(
                squash("Decision D-4: true-match by j.smith, 2026-11-19 08:00:00 UTC: “same passport number”"));
        // and the title page lists the sub-sections
        assertThat(pages(pdf(SampleReports.tracked(), 500)).get(0)).contains("2.1 New and re-raised alerts",
                "2.4 Suppressed by decision", "2.5 Decisions cited");
    }

    @Test
    void write_tracked_suppressedHitsCiteTheirDecision() throws IOException {
        // given the tracked sample: C-0009 suppressed by D-3 (a.kovacs, approved by m.lee), C-0012 by D-5 (b.ortiz)
        String text = body(pdf(SampleReports.tracked(), 500));

        // when section 2.4 is read
        String suppressed = section(text, "2.4Suppressedbydecision", "2.5Decisionscited");

        // then each suppressed hit cites its decision: ref, reviewer, date and reason
        assertThat(suppressed).contains(squash("Alert " + SampleReports.alertId("C-0009") + " · suppressed"),
                squash("Decision D-3: false-positive by a.kovacs, 2026-11-18 10:30:00 UTC: “date of birth 1985, the "
                        + "listed CHOE Chol Min was born 1971” (seen in run 40; approved by m.lee "
                        + "2026-11-18T14:00:00Z)"),
                squash("Decision D-5: false-positive by b.ortiz, 2026-11-19 16:45:00 UTC: “Arabic name, no "
                        + "resemblance once transliterated”"));
        // and 2.5 lists every decision cited, with the log head
        String cited = section(text, "2.5Decisionscited", "3Designationcitations");
        assertThat(cited).contains(squash(SampleReports.HEAD.describe()), squash("D-2 false-positive a.kovacs"),
                squash("D-4 true-match j.smith 2026-11-19 08:00:00 UTC same passport number 41"));
    }

    @Test
    void write_tracked_summaryShowsStatusesTheDecisionLogHeadAndTheWorkloadChart() throws IOException {
        // given the tracked sample (30 nights of workload)
        byte[] pdf = pdf(SampleReports.tracked(), 500);
        String summary = section(body(pdf), "1Runsummary", "Inputs");

        // then the summary gives the book, the work queue, the log head, four eyes and the status counts
        assertThat(summary).contains(squash("Book counterparties"),
                squash("Work queue 3 new, 1 re-raised, 1 open to decide; 1 confirmed, 2 suppressed"),
                squash("Decision log head " + SampleReports.HEAD.describe()), squash("Four eyes on:"),
                squash("new 3"), squash("re-raised 1"), squash("open 1"), squash("confirmed 1"),
                squash("suppressed 2"), squash("3 new + 1 re-raised + 1 open + 1 confirmed + 2 suppressed = 8 hits."),
                squash("Workload of the book over its last 30 nights"),
                squash("From 2026-10-22 (run 13) to 2026-11-20 (run 42)"));
        // and the chart, before the inputs, is vector graphics with real text: title, legend, night labels
        assertThat(summary).contains(squash(PdfWorkloadChart.TITLE), squash("suppressed (right axis)"),
                squash("night (business date, month-day)"), "11-20", "10-22");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> forms = new ArrayList<>();
            int images = 0;
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    PDXObject x = page.getResources().getXObject(name);
                    if (x instanceof PDImageXObject) {
                        images++;
                    } else if (x instanceof PDFormXObject form && form.getBBox().getWidth() > 100) {
                        try (var in = form.getContentStream().createInputStream()) {
                            forms.add(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1));
                        }
                    }
                }
            }
            assertThat(images).as("no bitmap anywhere").isZero();
            assertThat(forms).as("one chart form (the others are the small page-count templates)").hasSize(1);
            String chart = forms.get(0);
            // paths (moveto/lineto/fill) and text (BT … Tj) drawn by PdfGraphics2D
            assertThat(chart).contains(" m\n", " l\n", "\nf\n", "BT\n", "Tj\n");
            assertThat(chart.split("\nf\n").length).as("filled bar segments").isGreaterThan(60);
            // and every font, including the chart's, is embedded
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    assertThat(page.getResources().getFont(name).isEmbedded()).isTrue();
                }
            }
        }
    }

    @Test
    void write_trackedFirstNight_drawsOneBarAndSaysSo() throws IOException {
        // given a tracked run that is the book's first night
        String text = body(pdf(SampleReports.tracked(SampleReports.hits(), SampleReports.workload(1)), 500));

        // then
        assertThat(text).contains(squash("Workload of the book over its last night"),
                squash("First night of this book"), squash(PdfWorkloadChart.TITLE), "11-20");
        // and without any workload row, it says so instead of drawing
        String none = body(pdf(SampleReports.tracked(SampleReports.hits(), List.of()), 500));
        assertThat(none).contains(squash("No night of this book is recorded yet."))
                .doesNotContain(squash(PdfWorkloadChart.TITLE));
    }

    @Test
    void write_trackedOverTheLimit_limitsEachSectionAndSaysSo() throws IOException {
        // given the tracked sample and a limit of 1 hit per section: 2.1 has 4 hits, 2.4 has 2
        String text = body(pdf(SampleReports.tracked(), 1));

        // then each section lists its best hit and points to the workbook for the rest
        String raised = section(text, "2.1Newandre-raisedalerts", "2.2Open");
        assertThat(raised).contains(squash("This section has 4 hits; the 1 highest-scoring are listed here. The "
                + "workbook report.xlsx holds all 4"), "C-0005").doesNotContain("C-0003", "C-0013", "C-0014");
        assertThat(section(text, "2.4Suppressedbydecision", "2.5Decisionscited"))
                .contains(squash("This section has 2 hits; the 1 highest-scoring"), "C-0009")
                .doesNotContain("C-0012");
        assertThat(section(text, "2.2Open", "2.3")).doesNotContain("Thissectionhas");
    }

    @Test
    void write_untracked_keepsTodaysLayout() throws IOException {
        // given a run without alert tracking
        String text = text(pdf(SampleReports.sample(), 500));

        // then no lifecycle sub-sections, status lines or chart
        assertThat(text).doesNotContain("2.1 New and re-raised alerts", "Decision log head", "Alert A-",
                PdfWorkloadChart.TITLE, "Work queue");
    }

    @Test
    void write_trackedTwice_isByteIdentical() throws IOException {
        // given / when the tracked report, chart included, is written twice
        byte[] first = pdf(SampleReports.tracked(), 500);
        byte[] second = pdf(SampleReports.tracked(), 500);

        // then
        assertThat(second).isEqualTo(first);
        // and another decision log head gives another file, printing that head
        RunReport t = SampleReports.tracked();
        RunReport.ReportAlerts a = t.alerts();
        RunReport other = new RunReport(t.run(), t.inputs(), t.registry(), t.counts(), t.method(), t.citations(),
                t.hits(), t.rejects(), t.manifestFingerprint(), new RunReport.ReportAlerts(a.book(),
                        new io.vigil.registry.alert.DecisionChain.Head(6, "f".repeat(64)), a.toDecide(),
                        a.decisions(), a.workload(), a.fourEyes()));
        assertThat(body(pdf(other, 500))).contains(squash("6 decisions, head D-6 sha256:" + "f".repeat(64)));
    }

    @Test
    void constructor_limitBelowOne_isRefused() {
        assertThatThrownBy(() -> new PdfReportWriter(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxHits must be at least 1, was 0");
    }

    @Test
    void topHits_equalScores_keepFileOrderAndBoundedCount() {
        // given scores 90, 95, 90, 80, 95
        List<ReportHit> hits = new ArrayList<>();
        double[] scores = {90, 95, 90, 80, 95};
        for (int i = 0; i < scores.length; i++) {
            hits.add(new ReportHit(i, "R" + i, "name", "v", "NAME", "p", List.of(), "m", "q", scores[i], "alert",
                    "r", List.of()));
        }

        // when
        TopHits top = TopHits.of(RunReport.Rows.of(hits), 3);

        // then
        assertThat(top.total()).isEqualTo(5);
        assertThat(top.truncated()).isTrue();
        assertThat(top.listed()).extracting(r -> r.hit().recordId()).containsExactly("R1", "R4", "R0");
    }

    private static byte[] pdf(RunReport report, int maxHits) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfReportWriter(maxHits).write(report, out);
        return out.toByteArray();
    }

    private static String text(byte[] pdf) throws IOException {
        return String.join("\n", pages(pdf));
    }

    private static List<String> pages(byte[] pdf) throws IOException {
        return pages(pdf, false);
    }

    private static List<String> pages(byte[] pdf, boolean byPosition) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(byPosition);
            List<String> pages = new ArrayList<>();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                pages.add(stripper.getText(doc).replaceAll("[ \\t]+", " "));
            }
            return pages;
        }
    }

    /**
     * The text after the title page (whose contents list the section titles too), in reading order (tables are
     * written to the page after its paragraphs, so stream order would put a section's hits after later headings),
     * without any whitespace: reading order splits some words ("F irst") and table cells break lines anywhere.
     */
    private static String body(byte[] pdf) throws IOException {
        List<String> pages = pages(pdf, true);
        return squash(String.join("\n", pages.subList(1, pages.size())));
    }

    /** The text without any whitespace, to compare with {@link #body}. */
    private static String squash(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static String section(String text, String from, String to) {
        int start = text.indexOf(from);
        int end = text.indexOf(to, start + from.length());
        return text.substring(start, end < 0 ? text.length() : end);
    }
}
