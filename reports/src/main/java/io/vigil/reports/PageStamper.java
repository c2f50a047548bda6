package io.vigil.reports;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Stamps every page with the header (run id, business date, job) and the footer ("page X of Y": Y is a template
 * filled in when the document closes), and fixes what OpenPDF would otherwise take from the clock or a random
 * source: {@code /CreationDate} and {@code /ModDate} are the end of the run in UTC ({@link #date}); the trailer
 * {@code /ID} is derived from the run ({@link #fileId}); font subset tags see {@link PdfFonts.SubsetTag}.
 */
final class PageStamper extends PdfPageEventHelper {

    private static final float TOTAL_WIDTH = 28f;

    private final RunReport report;
    private final PdfFonts fonts;
    private PdfTemplate total;

    PageStamper(RunReport report, PdfFonts fonts) {
        this.report = report;
        this.fonts = fonts;
    }

    /** The PDF date of the document: the end of the run (UTC, whatever the machine's zone). */
    static Calendar date(Instant endedAt) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        calendar.setTimeInMillis(endedAt.toEpochMilli());
        return calendar;
    }

    /**
     * The trailer /ID: twice the first 16 bytes of SHA-256 of "run id | end of run | manifest fingerprint |
     * software version": the same for every write of this report, different for another run or manifest.
     */
    static PdfObject fileId(RunReport report) {
        String seed = "vigil-report|" + report.run().runId() + "|" + report.run().endedAt() + "|"
                + report.manifestFingerprint() + "|" + report.run().softwareVersion();
        byte[] id = Arrays.copyOf(PdfFonts.sha256(seed.getBytes(StandardCharsets.UTF_8)), 16);
        return PdfEncryption.createInfoId(id, id);
    }

    /** Replaces the clock-based dates OpenPDF put in the info dictionary. Call after {@code Document.open()}. */
    static void fixDates(FixedIdPdfWriter writer, RunReport report) {
        PdfDate date = new PdfDate(date(report.run().endedAt()));
        writer.documentInfo().put(PdfName.CREATIONDATE, date);
        writer.documentInfo().put(PdfName.MODDATE, date);
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        total = writer.getDirectContent().createTemplate(TOTAL_WIDTH, 12f);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        Rectangle page = document.getPageSize();
        PdfContentByte over = writer.getDirectContent();
        float left = page.getLeft() + document.leftMargin();
        float right = page.getRight() - document.rightMargin();
        String header = "Vigil screening report · run " + report.run().runId() + " · business date "
                + report.run().businessDate() + " · " + report.run().jobName();
        show(over, fonts.muted(header, PdfLayout.SMALL), Element.ALIGN_LEFT, left, page.getTop() - 28);
        over.saveState();
        over.setLineWidth(0.4f);
        over.setColorStroke(PdfFonts.MUTED);
        over.moveTo(left, page.getTop() - 33);
        over.lineTo(right, page.getTop() - 33);
        over.stroke();
        over.restoreState();
        float y = page.getBottom() + 22;
        show(over, fonts.muted("Vigil " + report.run().softwareVersion(), PdfLayout.SMALL), Element.ALIGN_LEFT,
                left, y);
        show(over, fonts.muted("page " + writer.getPageNumber() + " of", PdfLayout.SMALL), Element.ALIGN_RIGHT,
                right - TOTAL_WIDTH, y);
        over.addTemplate(total, right - TOTAL_WIDTH, y);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        // the page count is known now; the template is drawn on every page, one space after "of"
        float space = fonts.regular().getWidthPoint(' ', PdfLayout.SMALL);
        ColumnText.showTextAligned(total, Element.ALIGN_LEFT,
                fonts.muted(Integer.toString(writer.getPageNumber() - 1), PdfLayout.SMALL), space, 0, 0,
                PdfWriter.RUN_DIRECTION_LTR, 0);
    }

    private static void show(PdfContentByte canvas, Phrase phrase, int align, float x, float y) {
        ColumnText.showTextAligned(canvas, align, phrase, x, y, 0, PdfWriter.RUN_DIRECTION_LTR, 0);
    }
}
