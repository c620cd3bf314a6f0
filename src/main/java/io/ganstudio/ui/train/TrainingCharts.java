package io.ganstudio.ui.train;

import io.ganstudio.core.train.StepMetrics;
import javafx.scene.layout.Region;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.function.ToDoubleFunction;

/**
 * The two live charts: D and G loss, and D's outputs on real and generated images. Each curve is drawn twice, the
 * raw values faint and the EMA-smoothed values bold, so smoothing never hides a spike.
 *
 * <p>ChartViewer redraws synchronously on every change event, so {@link #update} mutes each chart, adds the new
 * points without events, and unmutes it: one redraw per chart per frame, however many points arrived.
 */
public final class TrainingCharts {

    private static final Color D_COLOUR = new Color(0xD6, 0x4F, 0x2A);
    private static final Color G_COLOUR = new Color(0x1F, 0x6F, 0xB5);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private final Curve[] lossCurves;
    private final Curve[] scoreCurves;
    private final JFreeChart lossChart;
    private final JFreeChart scoreChart;
    private final ChartViewer lossViewer;
    private final ChartViewer scoreViewer;
    private int shown;
    private long shownRevision = -1;
    private double shownSmoothing = -1;

    /** One metric: its raw and smoothed series and the running EMA. */
    private static final class Curve {
        final XYSeries raw;
        final XYSeries smooth;
        final ToDoubleFunction<StepMetrics> value;
        Ema ema;

        Curve(String name, ToDoubleFunction<StepMetrics> value) {
            this.raw = new XYSeries(name + " ", false, true);
            this.smooth = new XYSeries(name, false, true);
            this.value = value;
        }
    }

    public TrainingCharts(TrainText text) {
        lossCurves = new Curve[] {
                new Curve(text.get("series.dLoss"), StepMetrics::dLoss),
                new Curve(text.get("series.gLoss"), StepMetrics::gLoss)};
        scoreCurves = new Curve[] {
                new Curve(text.get("series.dReal"), StepMetrics::dReal),
                new Curve(text.get("series.dFake"), StepMetrics::dFake)};
        lossChart = chart(text.get("chart.losses"), text.get("chart.step"), text.get("chart.loss"), lossCurves);
        scoreChart = chart(text.get("chart.scores"), text.get("chart.step"), text.get("chart.score"), scoreCurves);
        lossViewer = viewer(lossChart);
        scoreViewer = viewer(scoreChart);
    }

    private static ChartViewer viewer(JFreeChart chart) {
        ChartViewer v = new ChartViewer(chart);
        v.setMinSize(200, 140);
        v.setPrefSize(480, 260);
        return v;
    }

    private static JFreeChart chart(String title, String xLabel, String yLabel, Curve[] curves) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true); // one path per series draws far faster than segment by segment
        Color[] colours = {D_COLOUR, G_COLOUR};
        int i = 0;
        for (int c = 0; c < curves.length; c++) {
            data.addSeries(curves[c].raw);
            Color faint = new Color(colours[c].getRed(), colours[c].getGreen(), colours[c].getBlue(), 70);
            renderer.setSeriesPaint(i, faint);
            renderer.setSeriesStroke(i, new BasicStroke(1f));
            renderer.setSeriesVisibleInLegend(i, false);
            i++;
        }
        for (int c = 0; c < curves.length; c++) {
            data.addSeries(curves[c].smooth);
            renderer.setSeriesPaint(i, colours[c]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
            i++;
        }
        NumberAxis x = new NumberAxis(xLabel);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // steps are whole numbers
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        for (NumberAxis a : new NumberAxis[] {x, y}) {
            a.setTickLabelFont(TICKS);
            a.setLabelFont(TICKS);
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.TOP);
        legend.setItemFont(TICKS);
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        chart.setAntiAlias(true);
        return chart;
    }

    public Region lossView() {
        return lossViewer;
    }

    public Region scoreView() {
        return scoreViewer;
    }

    /** Brings the charts up to date with the history; FX thread only; cheap when nothing changed. */
    public void update(MetricsHistory history, double smoothing) {
        boolean rebuild = history.revision() != shownRevision || smoothing != shownSmoothing
                || history.size() < shown;
        if (!rebuild && history.size() == shown) {
            return;
        }
        lossChart.setNotify(false);
        scoreChart.setNotify(false);
        try {
            if (rebuild) {
                for (Curve c : all()) {
                    c.raw.clear();
                    c.smooth.clear();
                    c.ema = new Ema(smoothing);
                }
                shown = 0;
                shownRevision = history.revision();
                shownSmoothing = smoothing;
            }
            for (int i = shown; i < history.size(); i++) {
                StepMetrics m = history.get(i);
                for (Curve c : all()) {
                    double v = c.value.applyAsDouble(m);
                    c.raw.add(m.step(), v, false);
                    c.smooth.add(m.step(), c.ema.next(v), false);
                }
            }
            shown = history.size();
            for (Curve c : all()) {
                c.raw.fireSeriesChanged();
                c.smooth.fireSeriesChanged();
            }
        } finally {
            lossChart.setNotify(true); // the one redraw of this frame
            scoreChart.setNotify(true);
        }
    }

    private Curve[] all() {
        return new Curve[] {lossCurves[0], lossCurves[1], scoreCurves[0], scoreCurves[1]};
    }

    /** Points currently plotted per curve (for tests). */
    public int pointCount() {
        return lossCurves[0].smooth.getItemCount();
    }
}
