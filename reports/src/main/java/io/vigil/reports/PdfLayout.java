package io.vigil.reports;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;

/**
 * Building blocks of the report pages: headings with bookmarks, key/value tables and grids. Every table runs
 * left-to-right with bidi on ({@link PdfWriter#RUN_DIRECTION_LTR}): that is what makes OpenPDF reorder and shape
 * Arabic (and Hebrew) runs inside a line; with the default direction Arabic would print unjoined and reversed.
 */
final class PdfLayout {

    static final float TITLE = 24f;
    static final float H1 = 15f;
    static final float H2 = 10.5f;
    static final float BODY = 9f;
    static final float SMALL = 7.5f;

    private static final Color RULE = new Color(0xB0, 0xB0, 0xB0);
    private static final Color HEAD = new Color(0xE6, 0xE9, 0xEE);

    private final Document doc;
    private final PdfWriter writer;
    private final PdfFonts fonts;

    PdfLayout(Document doc, PdfWriter writer, PdfFonts fonts) {
        this.doc = doc;
        this.writer = writer;
        this.fonts = fonts;
    }

    PdfFonts fonts() {
        return fonts;
    }

    PdfWriter writer() {
        return writer;
    }

    /** The width between the page margins. */
    float width() {
        return doc.right() - doc.left();
    }

    /** A numbered section heading on a new page, with a bookmark; returns the bookmark. */
    PdfOutline section(int number, String title) {
        doc.newPage();
        String text = number + "  " + title;
        Phrase heading = fonts.bold(text, H1);
        ((Chunk) heading.get(0)).setLocalDestination("section-" + number);
        Paragraph p = paragraph(heading, H1);
        p.setSpacingAfter(8f);
        doc.add(p);
        return new PdfOutline(writer.getDirectContent().getRootOutline(),
                PdfAction.gotoLocalPage("section-" + number, false), text);
    }

    /** A numbered sub-heading ({@code 2.1}), not on a new page, bookmarked under its section's bookmark. */
    void subsection(PdfOutline parent, String number, String title) {
        String text = number + "  " + title;
        Phrase heading = fonts.bold(text, H2 + 1.5f);
        ((Chunk) heading.get(0)).setLocalDestination("section-" + number);
        Paragraph p = paragraph(heading, H2 + 1.5f);
        p.setSpacingBefore(12f);
        p.setSpacingAfter(4f);
        doc.add(p);
        new PdfOutline(parent, PdfAction.gotoLocalPage("section-" + number, false), text);
    }

    /** Adds any element (an image, a paragraph) to the flow. */
    void add(com.lowagie.text.Element element) {
        doc.add(element);
    }

    /** A sub-heading. */
    void heading(String title) {
        Paragraph p = paragraph(fonts.bold(title, H2), H2);
        p.setSpacingBefore(10f);
        p.setSpacingAfter(4f);
        p.setKeepTogether(true);
        doc.add(p);
    }

    /** A paragraph of fixed (English, left-to-right) text. */
    void text(String text) {
        Paragraph p = paragraph(fonts.phrase(text, BODY), BODY);
        p.setSpacingAfter(4f);
        doc.add(p);
    }

    /**
     * A paragraph whose own font (used by OpenPDF for spacing and empty lines) is the embedded one: left to its
     * default, it would pull a non-embedded Helvetica into the page resources.
     */
    Paragraph paragraph(Phrase phrase, float size) {
        Paragraph p = new Paragraph(phrase);
        p.setFont(new com.lowagie.text.Font(fonts.regular(), size));
        p.setLeading(size * 1.25f);
        return p;
    }

    void add(PdfPTable table) {
        doc.add(table);
    }

    /** Two columns, no grid: label | value. */
    PdfPTable keyValues() {
        PdfPTable t = table(new float[] {1.1f, 4f});
        t.setSpacingAfter(6f);
        return t;
    }

    void keyValue(PdfPTable table, String key, String value) {
        keyValue(table, key, fonts.phrase(value, BODY));
    }

    void keyValue(PdfPTable table, String key, Phrase value) {
        PdfPCell k = plain(fonts.muted(key, BODY));
        PdfPCell v = plain(value);
        table.addCell(k);
        table.addCell(v);
    }

    /** A grid with a header row repeated on every page it spans. */
    PdfPTable grid(float[] widths, String... headers) {
        PdfPTable t = table(widths);
        for (String h : headers) {
            t.addCell(headerCell(h));
        }
        t.setHeaderRows(1);
        t.setSpacingBefore(4f);
        t.setSpacingAfter(8f);
        return t;
    }

    PdfPCell headerCell(String text) {
        PdfPCell c = cell(fonts.bold(text, SMALL));
        c.setBackgroundColor(HEAD);
        return c;
    }

    static PdfPTable table(float[] widths) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100f);
        t.setRunDirection(PdfWriter.RUN_DIRECTION_LTR);
        t.setHorizontalAlignment(Element.ALIGN_LEFT);
        return t;
    }

    /** A grid cell. */
    static PdfPCell cell(Phrase phrase) {
        PdfPCell c = new PdfPCell(phrase);
        c.setBorderWidth(0.5f);
        c.setBorderColor(RULE);
        c.setPadding(3f);
        c.setPaddingBottom(4f);
        c.setUseAscender(true);
        c.setUseDescender(true);
        c.setRunDirection(PdfWriter.RUN_DIRECTION_LTR);
        return c;
    }

    /** A cell without borders. */
    static PdfPCell plain(Phrase phrase) {
        PdfPCell c = cell(phrase);
        c.setBorder(Rectangle.NO_BORDER);
        c.setPadding(2f);
        return c;
    }
}
