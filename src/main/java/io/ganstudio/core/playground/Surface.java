package io.ganstudio.core.playground;

/**
 * Where {@link PlaygroundPainter} draws: Java2D for PNG files ({@link AwtSurface}) and a JavaFX canvas in the studio,
 * so the file and the screen show the same picture. Coordinates in pixels, y down; colours ARGB.
 */
public interface Surface {

    void fillRect(double x, double y, double w, double h, int argb);

    /** Draws an ARGB image scaled to the rectangle, smoothly (bilinear). */
    void image(int[] argb, int width, int height, double x, double y, double w, double h);

    void fillPolygon(double[] xs, double[] ys, int n, int argb);

    void line(double x1, double y1, double x2, double y2, double width, int argb);

    void polyline(double[] xs, double[] ys, int n, double width, int argb);

    void fillCircle(double cx, double cy, double r, int argb);

    void strokeCircle(double cx, double cy, double r, double width, int argb);
}
