package io.vigil.reports;

import com.lowagie.text.Image;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontMapper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import io.vigil.reports.RunReport.ReportWorkload;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The workload chart of the PDF's summary: the book's last nights (at most 30, oldest first), one stacked bar per
 * night of the hits an analyst has to work or has worked (new, re-raised, open, confirmed), and the suppressed hits as
 * a line on their own right-hand axis (they are typically a hundred times more, and would flatten the bars). An
 * auditor sees at a glance whether the open alerts pile up.
 *
 * <p>Drawn with JFreeChart onto OpenPDF's {@code PdfGraphics2D}, inside a PDF template placed as an image: vector
 * paths and real (extractable) text, never a bitmap. Every font is the report's embedded DejaVu Sans, on both
 * sides: JFreeChart measures text with AWT fonts created from the same TTF files that {@link PdfFonts} embeds, and
 * {@link #MAPPER} hands {@code PdfGraphics2D} the matching embedded {@code BaseFont}, so no system font is read or
 * needed. Numbers are formatted in {@link Locale#ROOT}; nothing depends on the clock, the locale or a random source.
 */
final class PdfWorkloadChart {

    static final String TITLE = "Hits by night status, last nights of the book";
    static final float HEIGHT = 190f;

    static final Color NEW = new Color(0xD9, 0x47, 0x01);
    static final Color RERAISED = new Color(0x8C, 0x2D, 0x04);
    static final Color OPEN = new Color(0xFD, 0xAE, 0x6B);
    static final Color CONFIRMED = new Color(0x54, 0x27, 0x8F);
    static final Color SUPPRESSED = new Color(0x31, 0x82, 0xBD);

    private PdfWorkloadChart() {
    }

    /** The chart of {@code nights} (oldest first). */
    static JFreeChart chart(List<ReportWorkload> nights) {
        DefaultCategoryDataset worked = new DefaultCategoryDataset();
        DefaultCategoryDataset suppressed = new DefaultCategoryDataset();
        for (ReportWorkload n : nights) {
            String night = n.businessDate().toString().substring(5);
            worked.addValue(n.newHits(), "new", night);
            worked.addValue(n.reraised(), "re-raised", night);
            worked.addValue(n.open(), "open", night);
            worked.addValue(n.confirmed(), "confirmed", night);
            suppressed.addValue(n.suppressed(), "suppressed (right axis)", night);
        }
        Font tick = Awt.REGULAR.deriveFont(7f);
        Font label = Awt.REGULAR.deriveFont(7.5f);

        CategoryAxis nightsAxis = new CategoryAxis("night (business date, month-day)");
        nightsAxis.setCategoryLabelPositions(nights.size() > 12 ? CategoryLabelPositions.UP_45
                : CategoryLabelPositions.STANDARD);
        nightsAxis.setTickLabelFont(tick);
        nightsAxis.setLabelFont(label);
        nightsAxis.setCategoryMargin(0.25);
        nightsAxis.setLowerMargin(0.01);
        nightsAxis.setUpperMargin(0.01);

        NumberAxis workAxis = countAxis("alerts: new, re-raised, open, confirmed", tick, label);
        NumberAxis suppressedAxis = countAxis("suppressed", tick, label);

        StackedBarRenderer bars = new StackedBarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        bars.setMaximumBarWidth(0.05);
        bars.setSeriesPaint(0, NEW);
        bars.setSeriesPaint(1, RERAISED);
        bars.setSeriesPaint(2, OPEN);
        bars.setSeriesPaint(3, CONFIRMED);

        LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
        line.setSeriesPaint(0, SUPPRESSED);
        line.setSeriesStroke(0, new BasicStroke(1.2f));
        line.setSeriesShape(0, new Ellipse2D.Double(-2, -2, 4, 4));

        CategoryPlot plot = new CategoryPlot(worked, nightsAxis, workAxis, bars);
        plot.setDataset(1, suppressed);
        plot.setRangeAxis(1, suppressedAxis);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
        plot.setRenderer(1, line);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(new Color(0xB0, 0xB0, 0xB0));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlineStroke(new BasicStroke(0.4f));
        plot.setDomainGridlinesVisible(false);
        plot.setInsets(new RectangleInsets(4, 4, 4, 4));

        JFreeChart chart = new JFreeChart(TITLE, Awt.BOLD.deriveFont(9f), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setAntiAlias(false);
        chart.setTextAntiAlias(false);
        chart.getRenderingHints().put(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        TextTitle title = chart.getTitle();
        title.setPaint(Color.BLACK);
        title.setPadding(new RectangleInsets(2, 2, 4, 2));
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(label);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static NumberAxis countAxis(String name, Font tick, Font label) {
        NumberAxis axis = new NumberAxis(name);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        axis.setTickLabelFont(tick);
        axis.setLabelFont(label);
        axis.setAutoRangeIncludesZero(true);
        axis.setAutoRangeMinimumSize(4);
        axis.setUpperMargin(0.08);
        return axis;
    }

    /**
     * The chart of {@code nights} drawn {@code width} × {@link #HEIGHT} points into a template of {@code writer},
     * wrapped as an image to add to the document flow (the template stays vector graphics).
     */
    static Image image(PdfWriter writer, PdfFonts fonts, List<ReportWorkload> nights, float width) {
        PdfTemplate template = writer.getDirectContent().createTemplate(width, HEIGHT);
        Graphics2D g2 = template.createGraphics(width, HEIGHT, new Mapper(fonts));
        try {
            chart(nights).draw(g2, new Rectangle2D.Double(0, 0, width, HEIGHT));
        } finally {
            g2.dispose();
        }
        Image image = Image.getInstance(template);
        image.setAlt(TITLE);
        return image;
    }

    /** AWT fonts → the report's embedded fonts: bold to DejaVu Sans Bold, anything else to DejaVu Sans. */
    private static final class Mapper implements FontMapper {
        private final PdfFonts fonts;

        Mapper(PdfFonts fonts) {
            this.fonts = fonts;
        }

        @Override
        public BaseFont awtToPdf(Font font) {
            // a font created from DejaVuSans-Bold.ttf has style PLAIN: its face, not its style, is bold
            boolean bold = font.isBold() || font.getFontName(Locale.ROOT).contains("Bold");
            return bold ? fonts.bold() : fonts.regular();
        }

        @Override
        public Font pdfToAwt(BaseFont font, int size) {
            return (font == fonts.bold() ? Awt.BOLD : Awt.REGULAR).deriveFont((float) size);
        }
    }

    /** AWT fonts read from the embedded TTF files (once per JVM; fonts are immutable). */
    static final class Awt {
        static final Font REGULAR = load(PdfFonts.REGULAR);
        static final Font BOLD = load(PdfFonts.BOLD);

        private Awt() {
        }

        private static Font load(String file) {
            try (InputStream in = PdfWorkloadChart.class.getResourceAsStream(PdfFonts.DIR + file)) {
                if (in == null) {
                    throw new IllegalStateException("font resource missing: " + PdfFonts.DIR + file);
                }
                return Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read font " + PdfFonts.DIR + file, e);
            } catch (FontFormatException e) {
                throw new IllegalStateException("cannot load font " + PdfFonts.DIR + file, e);
            }
        }
    }
}
