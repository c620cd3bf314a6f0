package io.ganstudio.ui.inspect;

import io.ganstudio.core.anomaly.LabelledMetrics;
import io.ganstudio.ui.present.Palette;
import io.ganstudio.ui.present.Presentation;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

import java.util.List;

/** The ROC curve of a labelled inspection (GAN score, and the pixel baseline dashed), with the chance diagonal. */
final class RocChart extends CanvasChart {

    private LabelledMetrics gan;
    private LabelledMetrics baseline;

    RocChart() {
        super(200);
    }

    void show(LabelledMetrics ganMetrics, LabelledMetrics baselineMetrics, String text) {
        gan = ganMetrics;
        baseline = baselineMetrics;
        caption = text;
        draw();
    }

    @Override
    void paint(GraphicsContext g, double w, double h) {
        g.setFill(Color.web("#333333"));
        g.fillText(caption, 6, 12);
        double side = Math.min(w - 12, h - 24);
        if (side < 20) {
            return;
        }
        double x0 = 6;
        double y0 = 18 + side;
        g.setStroke(Color.web("#bbbbbb"));
        g.setLineWidth(1);
        g.strokeRect(x0, y0 - side, side, side);
        g.strokeLine(x0, y0, x0 + side, y0 - side);
        if (baseline != null) {
            g.setLineDashes(4, 3);
            curve(g, baseline.roc(), x0, y0, side, Color.web("#888888"));
            g.setLineDashes();
        }
        if (gan != null) {
            curve(g, gan.roc(), x0, y0, side, Color.web(Palette.web(Presentation.palette().first())));
        }
    }

    private static void curve(GraphicsContext g, List<LabelledMetrics.RocPoint> roc, double x0, double y0, double side,
                              Color colour) {
        g.setStroke(colour);
        g.setLineWidth(1.5 * Presentation.lineScale());
        g.beginPath();
        for (int i = 0; i < roc.size(); i++) {
            double x = x0 + side * roc.get(i).falsePositiveRate();
            double y = y0 - side * roc.get(i).truePositiveRate();
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
    }
}
