package io.vigil.reports;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfDocument;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfWriter;
import java.io.OutputStream;

/**
 * A {@link PdfWriter} whose trailer {@code /ID} is given instead of drawn from the clock.
 *
 * <p>OpenPDF 2.0.5 writes a time-based {@code /ID} unless the info dictionary holds {@code /FileId}, and then it
 * also prints that key inside {@code /Info}. This writer hands {@link #close()} a copy of the info dictionary that
 * answers {@code /FileId} without holding it, so the {@code /ID} is fixed and {@code /Info} stays clean. Metadata
 * is set as usual through {@link Document#addTitle} etc. and {@link #documentInfo()}.
 */
final class FixedIdPdfWriter extends PdfWriter {

    private final PdfObject fileId;

    private FixedIdPdfWriter(PdfDocument pdf, OutputStream out, PdfObject fileId) {
        super(pdf, out);
        this.fileId = fileId;
    }

    /** Like {@link PdfWriter#getInstance(Document, OutputStream)}, with the given {@code /ID}. */
    static FixedIdPdfWriter create(Document document, OutputStream out, PdfObject fileId) {
        PdfDocument pdf = new PdfDocument();
        pdf.setTextRenderingOptions(document.getTextRenderingOptions());
        document.addDocListener(pdf);
        FixedIdPdfWriter writer = new FixedIdPdfWriter(pdf, out, fileId);
        pdf.addWriter(writer);
        return writer;
    }

    /** The document's own info dictionary (the one to put dates into). */
    PdfDictionary documentInfo() {
        return super.getInfo();
    }

    /** What {@code close()} writes as /Info and asks for /FileId: the info, plus the /ID on request. */
    @Override
    public PdfDictionary getInfo() {
        PdfDictionary info = new InfoWithId(fileId);
        info.merge(super.getInfo());
        return info;
    }

    private static final class InfoWithId extends PdfDictionary {
        private final PdfObject fileId;

        InfoWithId(PdfObject fileId) {
            this.fileId = fileId;
        }

        @Override
        public boolean contains(PdfName key) {
            return PdfName.FILEID.equals(key) || super.contains(key);
        }

        @Override
        public PdfObject get(PdfName key) {
            return PdfName.FILEID.equals(key) ? fileId : super.get(key);
        }
    }
}
