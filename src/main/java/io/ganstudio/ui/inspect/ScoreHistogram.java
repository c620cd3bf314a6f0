package io.ganstudio.ui.inspect;

import io.ganstudio.ui.present.Palette;
import io.ganstudio.ui.present.Presentation;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

import java.util.Locale;

/**
 * Histogram of the inspected images' normalised scores (filled bars) with the normal validation images' scores
 * (outline) and the threshold, which sits at 1 on this scale. Scores beyond the right edge are counted in the last bin.
 */
final class ScoreHistogram extends CanvasChart {

    private static final int BINS = 40;
    private double[] scores = new double[0];
    private double[] validation = new double[0];

    ScoreHistogram() {
        super(280);
        getStyleClass().add("score-histogram");
    }

    /** Both arrays already normalised (threshold = 1). */
    void show(double[] inspected, double[] validationScores, String text) {
        scores = inspected;
        validation = validationScores;
        caption = text;
        draw();
    }

    @Override
    void paint(GraphicsContext g, double w, double h) {
        if (w < 10 || h < 30) {
            return;
        }
        double max = 2;
        for (double[] a : new double[][] {scores, validation}) {
            for (double v : a) {
                max = Math.max(max, Math.min(v, 6));
            }
        }
        double left = 6;
        double bottom = h - 18;
        double plotW = w - 12;
        double plotH = bottom - 18;
        int[] a = bins(scores, max);
        int[] b = bins(validation, max);
        double peakA = Math.max(1, Arrays.max(a));
        double peakB = Math.max(1, Arrays.max(b));
        double bw = plotW / BINS;
        Palette palette = Presentation.palette();
        g.setFill(Color.web(Palette.web(palette.second())));
        for (int i = 0; i < BINS; i++) {
            double bh = plotH * a[i] / peakA;
            g.fillRect(left + i * bw + 1, bottom - bh, bw - 2, bh);
        }
        g.setStroke(Color.web(Palette.web(palette.third())));
        g.setLineWidth(1.5 * Presentation.lineScale());
        g.beginPath();
        g.moveTo(left, bottom);
        for (int i = 0; i < BINS; i++) {
            double y = bottom - plotH * b[i] / peakB;
            g.lineTo(left + i * bw, y);
            g.lineTo(left + (i + 1) * bw, y);
        }
        g.lineTo(left + plotW, bottom);
        g.stroke();
        double tx = left + plotW * (1 / max);
        g.setStroke(Color.web(Palette.web(palette.first())));
        g.setLineWidth(2 * Presentation.lineScale());
        g.strokeLine(tx, 14, tx, bottom);
        g.setFill(Color.web("#333333"));
        g.strokeLine(left, bottom, left + plotW, bottom);
        g.fillText("0", left, h - 4);
        g.fillText("1", tx - 3, h - 4);
        g.fillText(String.format(Locale.ROOT, "%.1f", max), left + plotW - 18, h - 4);
        g.fillText(caption, left, 12);
    }

    private static int[] bins(double[] values, double max) {
        int[] out = new int[BINS];
        for (double v : values) {
            int i = (int) Math.floor(Math.max(0, v) / max * BINS);
            out[Math.min(BINS - 1, i)]++;
        }
        return out;
    }

    /** Tiny helper: the largest of a few ints. */
    private static final class Arrays {
        static int max(int[] a) {
            int m = 0;
            for (int v : a) {
                m = Math.max(m, v);
            }
            return m;
        }
    }
}
