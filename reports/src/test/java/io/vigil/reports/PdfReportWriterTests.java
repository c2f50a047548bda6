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
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            List<String> pages = new ArrayList<>();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                pages.add(stripper.getText(doc).replaceAll("[ \\t]+", " "));
            }
            return pages;
        }
    }

    private static String section(String text, String from, String to) {
        int start = text.indexOf(from);
        int end = text.indexOf(to, start + from.length());
        return text.substring(start, end < 0 ? text.length() : end);
    }
}
