package io.vigil.registry.match;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws the recall and the share of negatives alerting of both evaluation sets across alert thresholds, screened
 * against the real registry ({@link RealRegistry}), with the default thresholds marked; writes the figures as a
 * TSV beside the PNG. Run by {@code bench/matching-chart.sh}; the output is docs/images/matching-thresholds.png and
 * .tsv, quoted in docs/matching.md.
 *
 * <p>Usage: {@code MatchingThresholdChart <out.png>} (the TSV takes the same name with {@code .tsv}).
 */
public final class MatchingThresholdChart {

    static final int FROM = 60;
    static final int TO = 100;

    private MatchingThresholdChart() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: MatchingThresholdChart <out.png>");
            System.exit(2);
        }
        Path png = Path.of(args[0]);
        var registry = RealRegistry.get();
        NameMatcher matcher = Evaluation.sweeping(registry);
        Evaluation first = new Evaluation("first set", matcher, EvaluationSet.positives(), EvaluationSet.negatives());
        Evaluation unseen = new Evaluation("unseen set", matcher, EvaluationSet.unseenPositives(),
                EvaluationSet.unseenNegatives());
        MatchPolicy policy = MatchPolicy.defaults();

        XYSeries firstRecall = new XYSeries("first set: recall");
        XYSeries unseenRecall = new XYSeries("unseen set: recall");
        XYSeries firstAlerting = new XYSeries("first set: negatives alerting");
        XYSeries unseenAlerting = new XYSeries("unseen set: negatives alerting");
        StringBuilder tsv = new StringBuilder("# " + MatchPolicy.ALGORITHM_VERSION + "; written by MatchingThresholdChart"
                + " (bench/matching-chart.sh)\nthreshold\tfirst_recall\tfirst_alerting\tunseen_recall"
                + "\tunseen_alerting\n");
        for (int t = FROM * 2; t <= TO * 2; t++) {
            double threshold = t / 2.0;
            firstRecall.add(threshold, first.recall(threshold));
            unseenRecall.add(threshold, unseen.recall(threshold));
            firstAlerting.add(threshold, first.alerting(threshold));
            unseenAlerting.add(threshold, unseen.alerting(threshold));
            tsv.append(String.format(Locale.ROOT, "%.1f\t%.2f\t%.3f\t%.2f\t%.3f%n", threshold,
                    first.recall(threshold), first.alerting(threshold), unseen.recall(threshold),
                    unseen.alerting(threshold)));
        }
        XYSeriesCollection recall = new XYSeriesCollection();
        recall.addSeries(firstRecall);
        recall.addSeries(unseenRecall);
        XYSeriesCollection alerting = new XYSeriesCollection();
        alerting.addSeries(firstAlerting);
        alerting.addSeries(unseenAlerting);

        NumberAxis x = new NumberAxis("threshold (score)");
        x.setRange(FROM, TO);
        NumberAxis left = new NumberAxis("recall, % of positives scoring at or above");
        left.setRange(50, 100);
        NumberAxis right = new NumberAxis("negatives scoring at or above, %");
        right.setRange(0, 5);
        XYLineAndShapeRenderer recallRenderer = new XYLineAndShapeRenderer(true, false);
        recallRenderer.setSeriesPaint(0, new Color(0x1f77b4));
        recallRenderer.setSeriesPaint(1, new Color(0xd62728));
        recallRenderer.setSeriesStroke(0, new BasicStroke(2f));
        recallRenderer.setSeriesStroke(1, new BasicStroke(2f));
        XYLineAndShapeRenderer alertRenderer = new XYLineAndShapeRenderer(true, false);
        float[] dash = {6f, 4f};
        alertRenderer.setSeriesPaint(0, new Color(0x1f77b4));
        alertRenderer.setSeriesPaint(1, new Color(0xd62728));
        alertRenderer.setSeriesStroke(0, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                dash, 0f));
        alertRenderer.setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                dash, 0f));
        XYPlot plot = new XYPlot(recall, x, left, recallRenderer);
        plot.setRangeAxis(1, right);
        plot.setDataset(1, alerting);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, alertRenderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.addDomainMarker(marker(policy.alertThreshold(), "alert " + fmt(policy.alertThreshold())));
        plot.addDomainMarker(marker(policy.reviewThreshold(), "review " + fmt(policy.reviewThreshold())));
        JFreeChart chart = new JFreeChart("Recall (solid) and negatives alerting (dashed) by threshold, "
                + MatchPolicy.ALGORITHM_VERSION, new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        Files.createDirectories(png.toAbsolutePath().getParent());
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1000, 600);
        Path tsvFile = png.resolveSibling(png.getFileName().toString().replaceFirst("\\.png$", "") + ".tsv");
        Files.writeString(tsvFile, tsv.toString(), StandardCharsets.UTF_8);
        System.out.println("wrote " + png + " and " + tsvFile);
        System.out.println(first.report(policy).lines().findFirst().orElse(""));
        System.out.println(unseen.report(policy).lines().findFirst().orElse(""));
    }

    private static ValueMarker marker(double at, String label) {
        ValueMarker m = new ValueMarker(at, Color.GRAY, new BasicStroke(1f));
        m.setLabel(label);
        m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        m.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        return m;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
