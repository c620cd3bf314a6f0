package io.ganstudio.ui.inspect;

import io.ganstudio.ui.present.Palette;
import io.ganstudio.ui.present.Presentation;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

import java.util.Locale;

/** The encoder's training loss per step, as a line (a running mean over 10 steps, so the trend reads at a glance). */
final class LossChart extends CanvasChart {

    private float[] losses = new float[0];

    LossChart() {
        super(280);
    }

    void show(float[] values, String text) {
        losses = values == null ? new float[0] : values;
        caption = text;
        draw();
    }

    @Override
    void paint(GraphicsContext g, double w, double h) {
        g.setFill(Color.web("#333333"));
        g.fillText(caption, 6, 12);
        int n = losses.length;
        if (n < 2 || w < 10 || h < 30) {
            return;
        }
        double[] smooth = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += losses[i];
            if (i >= 10) {
                sum -= losses[i - 10];
            }
            smooth[i] = sum / Math.min(i + 1, 10);
        }
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (double v : smooth) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (hi - lo < 1e-9) {
            hi = lo + 1e-9;
        }
        double left = 6;
        double top = 18;
        double bottom = h - 18;
        double plotW = w - 12;
        g.setStroke(Color.web(Palette.web(Presentation.palette().second())));
        g.setLineWidth(1.5 * Presentation.lineScale());
        g.beginPath();
        for (int i = 0; i < n; i++) {
            double x = left + plotW * i / (n - 1);
            double y = bottom - (bottom - top) * (smooth[i] - lo) / (hi - lo);
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
        g.fillText(String.format(Locale.ROOT, "%.4g", hi), left, top + 10);
        g.fillText(String.format(Locale.ROOT, "%.4g  (%d)", lo, n), left, h - 4);
    }
}
