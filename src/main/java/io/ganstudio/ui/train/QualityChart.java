package io.ganstudio.ui.train;

import io.ganstudio.core.quality.QualityProbe;
import io.ganstudio.core.quality.QualitySnapshot;
import io.ganstudio.ui.present.Presentation;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
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


    private final TrainText text;
    private final ChartPane pane;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "quality-chart");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<List<QualitySnapshot>> latest = new AtomicReference<>(List.of());
    private volatile int pointCount;
    private volatile long every = QualityProbe.DEFAULT_EVERY;

    public QualityChart(TrainText text) {
        this.text = text;
        this.pane = new ChartPane(this::scheduleDraw);
        pane.setPrefSize(480, 200);
        Presentation.onProperty().addListener(presentation);
        showOrHide();
    }

    private final ChangeListener<Boolean> presentation = (o, a, b) -> {
        showOrHide();
        scheduleDraw();
    };

    /** In presentation mode an empty quality chart gives its room to the loss charts until a measurement arrives. */
    private void showOrHide() {
        boolean shown = !(Presentation.isOn() && latest.get().isEmpty());
        pane.setVisible(shown);
        pane.setManaged(shown);
    }

    public Region view() {
        return pane;
    }

    /** Ends the drawing thread (the view that showed this chart was replaced). */
    public void dispose() {
        Presentation.onProperty().removeListener(presentation);
        thread.shutdownNow();
    }

    /** The steps between measurements, for the empty chart's "measured every N steps". */
    public void setEvery(long steps) {
        if (steps != every) {
            every = steps;
            scheduleDraw();
        }
    }

    /** What the empty chart says (for tests). */
    public String noDataMessage() {
        return text.format("chart.qualityNone", every);
    }

    /** Points on the chart (for tests). */
    public int pointCount() {
        return pointCount;
    }

    /** FX thread: shows these figures (all of the run's, oldest first). */
    public void update(List<QualitySnapshot> all) {
        latest.set(List.copyOf(all));
        showOrHide();
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
        int[] palette = Presentation.palette().all();
        float lines = Presentation.lineScale();
        for (int i = 0; i < 3; i++) {
            shareRenderer.setSeriesPaint(i, new Color(palette[i]));
            shareRenderer.setSeriesStroke(i, new BasicStroke(2f * lines));
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
            fidRenderer.setSeriesPaint(0, new Color(palette[3]));
            fidRenderer.setSeriesStroke(0, new BasicStroke(2.5f * lines));
            plot.setRenderer(1, fidRenderer);
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setNoDataMessage(noDataMessage());
        plot.setNoDataMessageFont(TrainingCharts.tickFont());
        JFreeChart chart = new JFreeChart(text.get("chart.quality"), TrainingCharts.titleFont(), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setVisible(!Presentation.isOn()); // as in TrainingCharts.style
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.TOP);
        legend.setItemFont(TrainingCharts.tickFont());
        legend.setFrame(BlockBorder.NONE);
        return chart;
    }

    private static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setTickLabelFont(TrainingCharts.tickFont());
        a.setLabelFont(TrainingCharts.tickFont());
        return a;
    }

}
