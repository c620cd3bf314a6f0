package io.ganstudio.ui.train;

import io.ganstudio.core.train.StepMetrics;
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
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

/**
 * The two live charts: D and G loss, and D's outputs on real and generated images. Each curve is drawn twice, the
 * raw values faint and the EMA-smoothed values bold, so smoothing never hides a spike.
 *
 * <p>Measured on a 2-core machine, a JFreeChart redraw through ChartViewer (FXGraphics2D) took 20 ms at the median
 * and up to 150 ms on the FX thread, enough to freeze the window during training. So the charts are drawn with
 * Java2D into pixels on their own thread, which alone owns the datasets: the FX thread only sends new rows and shows
 * finished pictures. Updates that arrive while a drawing is under way are applied together, then drawn once.
 */
public final class TrainingCharts {

    /** Title and tick fonts at the present scale (presentation mode makes them 1.5x and more). */
    static Font titleFont() {
        return new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(14 * Presentation.fontScale()));
    }

    static Font tickFont() {
        return new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(11 * Presentation.fontScale()));
    }

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "chart-drawing");
        t.setDaemon(true);
        return t;
    });
    // Chart thread only.
    private final Curve[] lossCurves;
    private final Curve[] scoreCurves;
    private final JFreeChart lossChart;
    private final JFreeChart scoreChart;
    // FX thread only.
    private final ChartPane lossPane;
    private final ChartPane scorePane;
    private int sent;
    private long sentRevision = -1;
    private double sentSmoothing = -1;
    // Shared, guarded by this.
    private final List<Update> pending = new ArrayList<>();
    private boolean drawScheduled;
    private volatile int pointCount;
    private final ChangeListener<Boolean> presentation = (o, a, b) -> restyle();

    /** One metric: its raw and smoothed series and the running EMA. */
    private static final class Curve {
        final XYSeries raw;
        final XYSeries smooth;
        final ToDoubleFunction<StepMetrics> value;
        Ema ema = new Ema(0);

        Curve(String name, ToDoubleFunction<StepMetrics> value) {
            this.raw = new XYSeries(name + " ", false, true);
            this.smooth = new XYSeries(name, false, true);
            this.value = value;
        }
    }

    /** New rows for the charts; a rebuild first clears them and restarts the EMA with this smoothing. */
    private record Update(boolean rebuild, double smoothing, List<StepMetrics> rows) {
    }

    private static final AtomicInteger LIVE = new AtomicInteger();

    public TrainingCharts(TrainText text) {
        LIVE.incrementAndGet();
        lossCurves = new Curve[] {
                new Curve(text.get("series.dLoss"), StepMetrics::dLoss),
                new Curve(text.get("series.gLoss"), StepMetrics::gLoss)};
        scoreCurves = new Curve[] {
                new Curve(text.get("series.dReal"), StepMetrics::dReal),
                new Curve(text.get("series.dFake"), StepMetrics::dFake)};
        lossChart = chart(text.get("chart.losses"), text.get("chart.step"), text.get("chart.loss"), lossCurves);
        scoreChart = chart(text.get("chart.scores"), text.get("chart.step"), text.get("chart.score"), scoreCurves);
        lossPane = new ChartPane(this::scheduleDraw);
        scorePane = new ChartPane(this::scheduleDraw);
        Presentation.onProperty().addListener(presentation);
    }

    /** Presentation mode changed: new fonts, strokes and colours on the chart thread, then one drawing. */
    private void restyle() {
        if (thread.isShutdown()) {
            return;
        }
        thread.execute(() -> {
            style(lossChart);
            style(scoreChart);
        });
        scheduleDraw();
    }

    /** Fonts, line widths and colours of a chart made by {@link #chart}, from the present presentation mode. */
    static void style(JFreeChart chart) {
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        int curves = plot.getDataset().getSeriesCount() / 2;
        int[] rgb = Presentation.palette().all();
        float scale = Presentation.lineScale();
        for (int c = 0; c < curves; c++) {
            Color colour = new Color(rgb[c]);
            renderer.setSeriesPaint(c, new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 70));
            renderer.setSeriesStroke(c, new BasicStroke(1f * scale));
            renderer.setSeriesPaint(curves + c, colour);
            renderer.setSeriesStroke(curves + c, new BasicStroke(2f * scale));
        }
        Font ticks = tickFont();
        for (NumberAxis a : new NumberAxis[] {(NumberAxis) plot.getDomainAxis(), (NumberAxis) plot.getRangeAxis()}) {
            a.setTickLabelFont(ticks);
            a.setLabelFont(ticks);
        }
        chart.getTitle().setFont(titleFont());
        // Presentation mode: the legend names the curves; the title's line goes to the plot instead.
        chart.getTitle().setVisible(!Presentation.isOn());
        chart.getLegend().setItemFont(ticks);
    }

    private static JFreeChart chart(String title, String xLabel, String yLabel, Curve[] curves) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true); // one path per series draws far faster than segment by segment
        for (int c = 0; c < curves.length; c++) {
            data.addSeries(curves[c].raw);
            renderer.setSeriesVisibleInLegend(c, false);
        }
        for (Curve curve : curves) {
            data.addSeries(curve.smooth);
        }
        NumberAxis x = new NumberAxis(xLabel);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // steps are whole numbers
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        JFreeChart chart = new JFreeChart(title, titleFont(), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setNotify(false); // drawn on request only, never on a dataset event
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.TOP);
        legend.setFrame(BlockBorder.NONE);
        style(chart);
        return chart;
    }

    /** The loss chart itself (for tests; the chart thread owns it while drawing). */
    JFreeChart lossChart() {
        return lossChart;
    }

    public Region lossView() {
        return lossPane;
    }

    public Region scoreView() {
        return scorePane;
    }

    /** FX thread: sends the rows the charts have not seen yet; cheap when nothing changed. */
    public void update(MetricsHistory history, double smoothing) {
        boolean rebuild = history.revision() != sentRevision || smoothing != sentSmoothing || history.size() < sent;
        if (!rebuild && history.size() == sent) {
            return;
        }
        int from = rebuild ? 0 : sent;
        List<StepMetrics> rows = new ArrayList<>(history.size() - from);
        for (int i = from; i < history.size(); i++) {
            rows.add(history.get(i));
        }
        sent = history.size();
        sentRevision = history.revision();
        sentSmoothing = smoothing;
        synchronized (this) {
            if (rebuild) {
                pending.clear(); // everything before a rebuild is replaced by it
            }
            pending.add(new Update(rebuild, smoothing, rows));
        }
        scheduleDraw();
    }

    /** Ends the drawing thread (the view was replaced); later updates are dropped. */
    public void dispose() {
        Presentation.onProperty().removeListener(presentation);
        if (!thread.isShutdown()) {
            thread.shutdownNow();
            LIVE.decrementAndGet();
        }
    }

    /** Chart threads of charts not yet disposed, in the whole process (for tests of view lifecycles). */
    public static int live() {
        return LIVE.get();
    }

    /** Points currently plotted per curve (for tests). */
    public int pointCount() {
        return pointCount;
    }

    private void scheduleDraw() {
        int lw = lossPane.pixelWidth();
        int lh = lossPane.pixelHeight();
        int sw = scorePane.pixelWidth();
        int sh = scorePane.pixelHeight();
        synchronized (this) {
            if (drawScheduled) {
                return; // the scheduled drawing will take these updates too
            }
            drawScheduled = true;
        }
        if (thread.isShutdown()) {
            return;
        }
        thread.execute(() -> draw(lw, lh, sw, sh));
    }

    // ---- chart thread

    private void draw(int lw, int lh, int sw, int sh) {
        List<Update> updates;
        synchronized (this) {
            updates = new ArrayList<>(pending);
            pending.clear();
            drawScheduled = false;
        }
        for (Update u : updates) {
            apply(u);
        }
        int[] loss = pixels(lossChart, lw, lh);
        int[] score = pixels(scoreChart, sw, sh);
        Platform.runLater(() -> {
            lossPane.show(lw, lh, loss);
            scorePane.show(sw, sh, score);
        });
    }

    private void apply(Update u) {
        Curve[] all = {lossCurves[0], lossCurves[1], scoreCurves[0], scoreCurves[1]};
        for (Curve c : all) {
            if (u.rebuild()) {
                c.raw.clear();
                c.smooth.clear();
                c.ema = new Ema(u.smoothing());
            }
            for (StepMetrics m : u.rows()) {
                double v = c.value.applyAsDouble(m);
                c.raw.add(m.step(), v, false);
                c.smooth.add(m.step(), c.ema.next(v), false);
            }
            c.raw.fireSeriesChanged(); // the charts do not listen (notify is off); this updates the axes' ranges
            c.smooth.fireSeriesChanged();
        }
        pointCount = lossCurves[0].smooth.getItemCount();
    }

    /** The chart drawn with Java2D (antialiased) into ARGB pixels: the Train screen's charts never draw on the FX thread. */
    static int[] pixels(JFreeChart chart, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }
}
