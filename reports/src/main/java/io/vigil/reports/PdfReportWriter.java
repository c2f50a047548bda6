package io.vigil.reports;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Writes the PDF audit report of one screening run: a title page (job, business date, run id, generation time =
 * end of the run, software version, manifest fingerprint), then 1 Run summary, 2 Hits, 3 Designation citations,
 * 4 Rejected records, 5 Method. Every page carries the run id and business date in its header and "page X of Y"
 * in its footer. Names in any script the embedded fonts cover (Latin, Cyrillic, Greek, Arabic, CJK, Hangul) print
 * as written; Arabic is shaped and right-to-left.
 *
 * <p>At most {@code maxHits} hits are listed, the highest-scoring (ties in file order), chosen in one pass with at
 * most {@code maxHits} hits in memory; the report then says how many there are and that {@code report.xlsx} holds
 * all of them. The same cap applies to rejected records (the first {@code maxHits} in file order).
 *
 * <p>When the run tracked alerts ({@code report.alerts().tracked()}), section 2 lists the hits by night status, the
 * analysts' work first (new and re-raised, open, confirmed, suppressed citing their decisions, then the decisions
 * cited), the cap applying to each group; the run summary adds the work queue, hits by status, the decision log
 * head, four eyes and the book's workload chart ({@link PdfWorkloadChart}). Otherwise the layout is as above.
 *
 * <p>Deterministic: the same {@link RunReport} gives byte-identical PDFs, because the document dates are the end of
 * the run, the trailer /ID is derived from the run, and font subset tags from the font names.
 *
 * <pre>{@code
 * try (OutputStream out = Files.newOutputStream(runDir.resolve("report.pdf"))) {
 *     new PdfReportWriter().write(report, out);   // sample run: 8 pages, "page 1 of 8" … "page 8 of 8"
 * }
 * }</pre>
 *
 * <p>The writer holds no state between calls; {@code out} is flushed, not closed.
 */
public final class PdfReportWriter {

    /** Hits (and rejected records) listed when no other limit is given. */
    public static final int DEFAULT_MAX_HITS = 500;

    private final int maxHits;

    /** A writer listing at most {@value #DEFAULT_MAX_HITS} hits. */
    public PdfReportWriter() {
        this(DEFAULT_MAX_HITS);
    }

    /**
     * @param maxHits the most hits (and rejected records) to list, at least 1
     */
    public PdfReportWriter(int maxHits) {
        if (maxHits < 1) {
            throw new IllegalArgumentException("maxHits must be at least 1, was " + maxHits);
        }
        this.maxHits = maxHits;
    }

    /**
     * Writes the report of {@code report} to {@code out}.
     *
     * @throws IOException if {@code out} fails, or the PDF cannot be produced (the cause is attached)
     */
    public void write(RunReport report, OutputStream out) throws IOException {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(out, "out");
        try {
            render(report, out);
        } catch (DocumentException e) {
            throw new IOException("cannot write the PDF report of run " + report.run().runId() + ": "
                    + e.getMessage(), e);
        }
        out.flush();
    }

    private void render(RunReport report, OutputStream out) {
        // A4 landscape: the hits table needs the width; margins leave room for the stamped header and footer
        Document doc = new Document(PageSize.A4.rotate(), 36, 36, 48, 44);
        FixedIdPdfWriter writer = FixedIdPdfWriter.create(doc, out, PageStamper.fileId(report));
        writer.setCloseStream(false);
        // an image (the workload chart) that does not fit stays in its place instead of letting later text pass it
        writer.setStrictImageSequence(true);
        PdfFonts fonts = new PdfFonts();
        writer.setPageEvent(new PageStamper(report, fonts));
        String title = report.run().reportTitle() + ": " + report.run().jobName() + ", business date "
                + report.run().businessDate() + ", run " + report.run().runId();
        doc.addTitle(title);
        doc.addAuthor("Vigil");
        doc.addSubject("Sanctions screening run " + report.run().runId() + " of " + report.run().businessDate()
                + ": inputs, registry snapshot, hits with their designation citations, rejected records, method");
        doc.addCreator("Vigil " + report.run().softwareVersion());
        if (!report.manifestFingerprint().isEmpty()) {
            doc.addKeywords("manifest sha256:" + report.manifestFingerprint());
        }
        doc.open();
        PageStamper.fixDates(writer, report);
        PdfLayout layout = new PdfLayout(doc, writer, fonts);
        PdfSections sections = new PdfSections(layout, doc, report);
        PdfHitSections hitSections = new PdfHitSections(layout, report, maxHits);
        sections.titlePage();
        sections.summary();
        hitSections.hits();
        hitSections.citations();
        hitSections.rejects();
        sections.method();
        doc.close();
    }
}
