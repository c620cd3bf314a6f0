package io.ganstudio.ui.train;

import io.ganstudio.core.quality.QualitySnapshot;
import javafx.application.Platform;
import javafx.scene.layout.Region;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The quality probe's chart: shares and ratios (bins that differ, diversity, near-copies) on the left axis, and on
 * the built-in data FID on a right axis of its own. A point arrives every few hundred steps, so it is drawn whole
 * each time, with Java2D on its own thread (as {@link TrainingCharts} does), and shown as pixels.
 */
public final class QualityChart {

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Color FID = new Color(0x6A, 0x3D, 0x9A);
    private static final Color[] SHARES = {new Color(0xD6, 0x4F, 0x2A), new Color(0x1F, 0x6F, 0xB5),
            new Color(0x2E, 0x8B, 0x57)};

    private final TrainText text;
    private final ChartPane pane;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "quality-chart");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<List<QualitySnapshot>> latest = new AtomicReference<>(List.of());
    private volatile int pointCount;

    public QualityChart(TrainText text) {
        this.text = text;
        this.pane = new ChartPane(this::scheduleDraw);
        pane.setPrefSize(480, 200);
    }

    public Region view() {
        return pane;
    }

    /** Ends the drawing thread (the view that showed this chart was replaced). */
    public void dispose() {
        thread.shutdownNow();
    }

    /** Points on the chart (for tests). */
    public int pointCount() {
        return pointCount;
    }

    /** FX thread: shows these figures (all of the run's, oldest first). */
    public void update(List<QualitySnapshot> all) {
        latest.set(List.copyOf(all));
        scheduleDraw();
    }

    private void scheduleDraw() {
        int w = pane.pixelWidth();
        int h = pane.pixelHeight();
        if (thread.isShutdown()) {
            return; // disposed: the view is gone
        }
        thread.execute(() -> {
            List<QualitySnapshot> rows = latest.get();
            int[] argb = TrainingCharts.pixels(chart(rows), w, h);
            pointCount = rows.size();
            Platform.runLater(() -> pane.show(w, h, argb));
        });
    }

    private JFreeChart chart(List<QualitySnapshot> rows) {
        XYSeries ndb = new XYSeries(text.get("series.ndb"), false, true);
        XYSeries diversity = new XYSeries(text.get("series.diversity"), false, true);
        XYSeries copies = new XYSeries(text.get("series.closeShare"), false, true);
        XYSeries fid = new XYSeries(text.get("series.fid"), false, true);
        boolean classifier = false;
        for (QualitySnapshot q : rows) {
            ndb.add(q.step(), q.ndbShare(), false);
            diversity.add(q.step(), q.diversity(), false);
            copies.add(q.step(), q.closeShare(), false);
            if (q.hasClassifier()) {
                fid.add(q.step(), q.fid(), false);
                classifier = true;
            }
        }
        XYSeriesCollection shares = new XYSeriesCollection();
        shares.addSeries(ndb);
        shares.addSeries(diversity);
        shares.addSeries(copies);
        XYLineAndShapeRenderer shareRenderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < SHARES.length; i++) {
            shareRenderer.setSeriesPaint(i, SHARES[i]);
            shareRenderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        NumberAxis x = axis(text.get("chart.step"));
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = axis(text.get("chart.share"));
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(shares, x, y, shareRenderer);
        if (classifier) {
            NumberAxis fidAxis = axis(text.get("chart.fid"));
            fidAxis.setAutoRangeIncludesZero(true);
            plot.setRangeAxis(1, fidAxis);
            plot.setDataset(1, new XYSeriesCollection(fid));
            plot.mapDatasetToRangeAxis(1, 1);
            XYLineAndShapeRenderer fidRenderer = new XYLineAndShapeRenderer(true, true);
            fidRenderer.setSeriesPaint(0, FID);
            fidRenderer.setSeriesStroke(0, new BasicStroke(2.5f));
            plot.setRenderer(1, fidRenderer);
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setNoDataMessage(text.get("chart.qualityNone"));
        plot.setNoDataMessageFont(TICKS);
        JFreeChart chart = new JFreeChart(text.get("chart.quality"), TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.TOP);
        legend.setItemFont(TICKS);
        legend.setFrame(BlockBorder.NONE);
        return chart;
    }

    private static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setTickLabelFont(TICKS);
        a.setLabelFont(TICKS);
        return a;
    }

}
