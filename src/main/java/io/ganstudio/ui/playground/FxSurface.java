package io.ganstudio.ui.playground;

import io.ganstudio.core.playground.Surface;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;

/** The playground painter's {@link Surface} on a JavaFX canvas: the same picture as the CLI's PNG. */
final class FxSurface implements Surface {

    private final GraphicsContext g;
    private WritableImage image;

    FxSurface(GraphicsContext g) {
        this.g = g;
        g.setLineCap(StrokeLineCap.ROUND);
    }

    private static Color colour(int argb) {
        return Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF, ((argb >>> 24) & 0xFF) / 255.0);
    }

    @Override
    public void fillRect(double x, double y, double w, double h, int argb) {
        g.setFill(colour(argb));
        g.fillRect(x, y, w, h);
    }

    @Override
    public void image(int[] argb, int width, int height, double x, double y, double w, double h) {
        if (image == null || image.getWidth() != width || image.getHeight() != height) {
            image = new WritableImage(width, height);
        }
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        g.setImageSmoothing(true);
        g.drawImage(image, x, y, w, h);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, double width, int argb) {
        g.setStroke(colour(argb));
        g.setLineWidth(width);
        g.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void polyline(double[] xs, double[] ys, int n, double width, int argb) {
        g.setStroke(colour(argb));
        g.setLineWidth(width);
        g.strokePolyline(xs, ys, n);
    }



    @Override
    public void fillCircles(double[] cx, double[] cy, int n, double r, int argb) {
        g.setFill(colour(argb));
        g.beginPath();
        for (int i = 0; i < n; i++) {
            g.moveTo(cx[i] + r, cy[i]);
            g.arc(cx[i], cy[i], r, r, 0, 360);
            g.closePath();
        }
        g.fill();
    }

    @Override
    public void lines(double[] xy, int n, double width, int argb) {
        g.setStroke(colour(argb));
        g.setLineWidth(width);
        g.beginPath();
        for (int i = 0; i < n; i++) {
            g.moveTo(xy[4 * i], xy[4 * i + 1]);
            g.lineTo(xy[4 * i + 2], xy[4 * i + 3]);
        }
        g.stroke();
    }

    @Override
    public void fillQuads(double[] xy, int n, int argb) {
        g.setFill(colour(argb));
        g.beginPath();
        for (int i = 0; i < n; i++) {
            g.moveTo(xy[8 * i], xy[8 * i + 1]);
            for (int k = 1; k < 4; k++) {
                g.lineTo(xy[8 * i + 2 * k], xy[8 * i + 2 * k + 1]);
            }
            g.closePath();
        }
        g.fill();
    }
}
