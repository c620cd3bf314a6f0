package io.ganstudio.ui.inspect;

import io.ganstudio.ui.present.Presentation;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/** The Inspect screen's small charts: a canvas that fills the region, cleared to white and repainted on resize. */
abstract class CanvasChart extends Region {

    private final Canvas canvas = new Canvas();
    /** The chart's title line, drawn by the subclass where it fits. */
    protected String caption = "";

    /** Presentation mode changes colours and line widths: drawn again (held weakly: the chart may go first). */
    private final ChangeListener<Boolean> presentation = (o, a, b) -> draw();

    CanvasChart(double prefWidth) {
        getChildren().add(canvas);
        Presentation.onProperty().addListener(
                new WeakChangeListener<>(presentation));
        setMinSize(120, 120);
        setPrefSize(prefWidth, 160);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    /** Clears the canvas and paints the chart on it. */
    final void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        paint(g, w, h);
    }

    /** Paints on a white canvas of this size. */
    abstract void paint(GraphicsContext g, double w, double h);
}
