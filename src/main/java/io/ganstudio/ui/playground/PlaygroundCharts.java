package io.ganstudio.ui.playground;

import io.ganstudio.ui.fxutil.Disposable;
import io.ganstudio.ui.fxutil.Subscriptions;
import io.ganstudio.ui.present.Palette;
import io.ganstudio.ui.present.Presentation;
import javafx.animation.AnimationTimer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A small live line chart of two series over the steps (D and G loss, or KL and JS), drawn on a canvas at most once
 * per display pulse. A few hundred points: cheap enough for the FX thread.
 */
final class PlaygroundCharts extends Region implements Disposable {

    /**
     * One curve.
     *
     * @param colour its everyday colour
     * @param slot   its place in the colour-blind-safe palette used in presentation mode (0 to 3)
     */
    record Series(String name, Color colour, int slot, ToDoubleFunction<PlaygroundViewModel.ChartRow> value) {

        Color shown() {
            return Presentation.isOn() ? Color.web(Palette.web(Presentation.palette().all()[slot])) : colour;
        }
    }

    private final Canvas canvas = new Canvas();
    private final PlaygroundViewModel vm;
    private final String title;
    private final List<Series> series;
    private final AnimationTimer timer;
    private boolean dirty = true;

    /** Listeners on the ViewModel, which outlives this chart (a language switch rebuilds the view). */
    private final Subscriptions subs = new Subscriptions();

    PlaygroundCharts(PlaygroundViewModel vm, String title, List<Series> series) {
        this.vm = vm;
        this.title = title;
        this.series = series;
        getStyleClass().add("playground-chart");
        getChildren().add(canvas);
        setMinSize(160, 110);
        setPrefSize(300, 170);
        subs.onChange(vm.chartRevisionProperty(), (o, a, b) -> dirty = true);
        subs.onChange(Presentation.onProperty(), (o, a, b) -> dirty = true);
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (dirty) {
                    dirty = false;
                    draw();
                }
            }
        };
        sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                timer.start();
            } else {
                timer.stop();
            }
        });
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            dirty = true;
        }
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        double font = Math.max(11, Font.getDefault().getSize() * 0.9 * Presentation.fontScale());
        g.setFont(Font.font(font));
        double top = font * 3.3;
        double left = font * 3.2;
        double bottom = h - font * 1.4;
        double right = w - 8;
        g.setFill(Color.web("#1f2933"));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(title, 4, font + 2);
        double lx = 4;
        for (Series s : series) {
            g.setFill(s.shown());
            g.fillRect(lx, font * 2.0, 14, 4);
            g.setFill(Color.web("#1f2933"));
            g.fillText(s.name(), lx + 18, font * 2.0 + font * 0.5);
            Text probe = new Text(s.name());
            probe.setFont(g.getFont());
            lx += 30 + probe.getLayoutBounds().getWidth();
        }
        List<PlaygroundViewModel.ChartRow> rows = vm.rows();
        g.setStroke(Color.web("#dde2ea"));
        g.setLineWidth(1);
        g.strokeRect(left + 0.5, top + 0.5, right - left, bottom - top);
        if (rows.isEmpty() || right - left < 10 || bottom - top < 10) {
            return;
        }
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (PlaygroundViewModel.ChartRow r : rows) {
            for (Series s : series) {
                double v = s.value().applyAsDouble(r);
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min > max) {
            return;
        }
        min = Math.min(0, min);
        if (max - min < 1e-6) {
            max = min + 1;
        }
        long first = 0; // from step 0 always, even when the first frames were skipped for newer ones
        long last = Math.max(first + 1, rows.get(rows.size() - 1).step());
        g.setFill(Color.web("#66717f"));
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(String.format("%.2f", max), left - 4, top + font * 0.8);
        g.fillText(String.format("%.2f", min), left - 4, bottom);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(Long.toString(first), left, h - 3);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(String.format("%,d", last), right, h - 3);
        double lineWidth = Math.max(1.5, font / 7) * Presentation.lineScale();
        for (Series s : series) {
            g.setStroke(s.shown());
            g.setLineWidth(lineWidth);
            g.beginPath();
            boolean started = false;
            for (PlaygroundViewModel.ChartRow r : rows) {
                double v = s.value().applyAsDouble(r);
                if (!Double.isFinite(v)) {
                    continue;
                }
                double x = left + (r.step() - first) * (right - left) / (double) (last - first);
                double y = bottom - (v - min) * (bottom - top) / (max - min);
                if (started) {
                    g.lineTo(x, y);
                } else {
                    g.moveTo(x, y);
                    started = true;
                }
            }
            g.stroke();
        }
    }

    /** Removes this node's listeners from the ViewModel (the shell replaced the view). */
    @Override
    public void dispose() {
        subs.dispose();
    }
}
