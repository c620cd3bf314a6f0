package io.ganstudio.ui.playground;

import io.ganstudio.core.playground.PlaygroundFrame;
import io.ganstudio.core.playground.PlaygroundPainter;
import io.ganstudio.ui.fxutil.Disposable;
import io.ganstudio.ui.fxutil.Subscriptions;
import javafx.animation.AnimationTimer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

import java.util.List;

/**
 * The playground's square canvas. Redrawn on the display's pulse when something changed (a new frame, a layer
 * toggle, the drawing), so frames come at a steady rate however fast training runs. With "draw your own" the mouse
 * paints strokes on it.
 */
final class PlaygroundCanvas extends Region implements Disposable {

    private static final Color STROKE = Color.web("#1b7837", 0.55);

    private final PlaygroundViewModel vm;
    private final Canvas canvas = new Canvas();
    private final FxSurface surface;
    private final AnimationTimer timer;
    private boolean dirty = true;
    private long frames;

    /** Listeners on the ViewModel, which outlives this canvas (a language switch rebuilds the view). */
    private final Subscriptions subs = new Subscriptions();

    PlaygroundCanvas(PlaygroundViewModel vm) {
        this.vm = vm;
        getStyleClass().add("playground-canvas");
        setMinSize(200, 200);
        getChildren().add(canvas);
        surface = new FxSurface(canvas.getGraphicsContext2D());
        Runnable mark = () -> dirty = true;
        // Change listeners, not invalidation listeners: these fire on every change even if nobody reads the value.
        subs.onChange(vm.frameProperty(), (o, a, b) -> mark.run());
        subs.onChange(vm.drawingRevisionProperty(), (o, a, b) -> mark.run());
        subs.onChange(vm.sourceProperty(), (o, a, b) -> mark.run());
        for (var p : List.of(vm.showRealProperty(), vm.showFakeProperty(), vm.showHeatmapProperty(),
                vm.showArrowsProperty(), vm.showManifoldProperty())) {
            subs.onChange(p, (o, a, b) -> mark.run());
        }
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (dirty) {
                    dirty = false;
                    paint();
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
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && drawingAllowed()) {
                vm.beginStroke(unitX(e.getX()), unitY(e.getY()));
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (e.isPrimaryButtonDown() && drawingAllowed()) {
                vm.extendStroke(unitX(e.getX()), unitY(e.getY()));
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && drawingAllowed()) {
                vm.endStroke();
            }
        });
    }

    /** Painting is for "draw your own", and not while training runs. */
    private boolean drawingAllowed() {
        return vm.sourceProperty().get() == DataSource.DRAWING && !vm.busyProperty().get();
    }

    /** Frames painted so far (for tests and the frame-rate figure). */
    long framesPainted() {
        return frames;
    }

    private double side() {
        return Math.max(1, Math.min(getWidth(), getHeight()));
    }

    private double unitX(double px) {
        return px / side();
    }

    private double unitY(double py) {
        return 1 - py / side();
    }

    @Override
    protected void layoutChildren() {
        double s = Math.floor(side());
        if (canvas.getWidth() != s || canvas.getHeight() != s) {
            canvas.setWidth(s);
            canvas.setHeight(s);
            dirty = true;
        }
        canvas.relocate(Math.floor((getWidth() - s) / 2), Math.floor((getHeight() - s) / 2));
    }

    private void paint() {
        double s = canvas.getWidth();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, s, s);
        PlaygroundFrame f = vm.frameProperty().get();
        boolean drawingSource = vm.sourceProperty().get() == DataSource.DRAWING;
        if (f != null) {
            PlaygroundPainter.Layers layers = new PlaygroundPainter.Layers(vm.showRealProperty().get(),
                    vm.showFakeProperty().get(), vm.showHeatmapProperty().get(), vm.showArrowsProperty().get(),
                    vm.showManifoldProperty().get());
            PlaygroundPainter.paint(f, layers, surface, 0, 0, s);
        } else {
            g.setFill(Color.WHITE);
            g.fillRect(0, 0, s, s);
            g.setStroke(Color.web("#b0b0b0"));
            g.strokeRect(0.5, 0.5, s - 1, s - 1);
        }
        if (drawingSource) {
            g.setStroke(STROKE);
            g.setLineWidth(Math.max(3, s / 120));
            for (double[] stroke : vm.strokes()) {
                if (stroke.length == 2) {
                    double r = Math.max(2, s / 200);
                    g.setFill(STROKE);
                    g.fillOval(stroke[0] * s - r, (1 - stroke[1]) * s - r, 2 * r, 2 * r);
                    continue;
                }
                g.beginPath();
                g.moveTo(stroke[0] * s, (1 - stroke[1]) * s);
                for (int i = 2; i + 1 < stroke.length; i += 2) {
                    g.lineTo(stroke[i] * s, (1 - stroke[i + 1]) * s);
                }
                g.stroke();
            }
        }
        frames++;
    }

    /** Removes this node's listeners from the ViewModel (the shell replaced the view). */
    @Override
    public void dispose() {
        subs.dispose();
    }
}
