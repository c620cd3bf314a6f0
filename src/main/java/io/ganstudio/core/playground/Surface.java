package io.ganstudio.core.playground;

/**
 * Where {@link PlaygroundPainter} draws: Java2D for PNG files ({@link AwtSurface}) and a JavaFX canvas in the studio,
 * so the file and the screen show the same picture. Coordinates in pixels, y down; colours ARGB.
 */
public interface Surface {

    void fillRect(double x, double y, double w, double h, int argb);

    /** Draws an ARGB image scaled to the rectangle, smoothly (bilinear). */
    void image(int[] argb, int width, int height, double x, double y, double w, double h);


    void line(double x1, double y1, double x2, double y2, double width, int argb);

    void polyline(double[] xs, double[] ys, int n, double width, int argb);



    /** n circles of one radius and colour, filled at once (far cheaper than n calls). */
    void fillCircles(double[] cx, double[] cy, int n, double r, int argb);

    /** n line segments (x1, y1, x2, y2 each) of one width and colour, stroked at once. */
    void lines(double[] xy, int n, double width, int argb);

    /** n quadrilaterals (4 corners, x then y, each) of one colour, filled at once. */
    void fillQuads(double[] xy, int n, int argb);
}
