package io.ganstudio.core.playground;

/**
 * Draws a {@link PlaygroundFrame} as the playground's square canvas: D's decision as a heatmap (green: looks real,
 * purple: looks fake; a colour-blind-safe diverging pair), the generator's warped noise grid shaded by density, the
 * real points, the generated points and their gradient arrows. Each layer can be switched off.
 */
public final class PlaygroundPainter {

    /** Which layers to draw. */
    public record Layers(boolean real, boolean fake, boolean heatmap, boolean arrows, boolean manifold) {
        public static final Layers ALL = new Layers(true, true, true, true, true);
    }

    public static final int REAL_ARGB = 0xFF1B7837;
    public static final int FAKE_ARGB = 0xFF762A83;
    private static final int BACKGROUND = 0xFFFFFFFF;
    private static final int BORDER = 0xFFB0B0B0;
    private static final int ARROW = 0xCC3A3A3A;
    private static final int MANIFOLD_LINE = 0x40404040;
    // PRGn ends: purple for "looks fake", green for "looks real", white between.
    private static final int[] FAKE_RGB = {0x76, 0x2A, 0x83};
    private static final int[] REAL_RGB = {0x1B, 0x78, 0x37};

    private PlaygroundPainter() {
    }

    /**
     * @param x0   left of the square, pixels
     * @param y0   top of the square, pixels
     * @param size side of the square, pixels (the unit square fills it)
     */
    public static void paint(PlaygroundFrame f, Layers layers, Surface s, double x0, double y0, double size) {
        s.fillRect(x0, y0, size, size, BACKGROUND);
        if (layers.heatmap()) {
            s.image(heatmap(f), f.heatCells(), f.heatCells(), x0, y0, size, size);
        }
        if (layers.manifold()) {
            manifold(f, s, x0, y0, size);
        }
        double dot = Math.max(2.0, size / 170);
        // Everything of one kind goes to the surface in one call: a frame is a handful of paths, not thousands.
        if (layers.real()) {
            circles(s, f.real(), x0, y0, size, dot, 0xB0000000 | (REAL_ARGB & 0xFFFFFF));
        }
        float[] g = f.fake();
        if (layers.arrows()) {
            arrows(s, g, f.arrows(), x0, y0, size);
        }
        if (layers.fake()) {
            circles(s, g, x0, y0, size, dot + Math.max(0.6, size / 900), 0xCCFFFFFF); // a light rim
            circles(s, g, x0, y0, size, dot, 0xE0000000 | (FAKE_ARGB & 0xFFFFFF));
        }
        s.polyline(new double[] {x0, x0 + size, x0 + size, x0, x0}, new double[] {y0, y0, y0 + size, y0 + size, y0},
                5, 1, BORDER);
    }

    /** The heatmap as heatCells^2 ARGB pixels, top row first (y = 1 at the top). */
    public static int[] heatmap(PlaygroundFrame f) {
        int c = f.heatCells();
        int[] px = new int[c * c];
        float[] h = f.heat();
        for (int y = 0; y < c; y++) {
            for (int x = 0; x < c; x++) {
                px[(c - 1 - y) * c + x] = realnessColour(h[y * c + x]);
            }
        }
        return px;
    }

    /** 0 (looks fake) purple, 0.5 white, 1 (looks real) green; pale enough that the points stay visible. */
    public static int realnessColour(double v) {
        double t = Math.abs(v - 0.5) * 2;
        int[] end = v < 0.5 ? FAKE_RGB : REAL_RGB;
        double k = 0.7 * t;
        int r = (int) Math.round(255 + (end[0] - 255) * k);
        int gg = (int) Math.round(255 + (end[1] - 255) * k);
        int b = (int) Math.round(255 + (end[2] - 255) * k);
        return 0xFF000000 | (r << 16) | (gg << 8) | b;
    }

    private static void manifold(PlaygroundFrame f, Surface s, double x0, double y0, double size) {
        float[] v = f.manifold();
        float[] shade = f.shade();
        int c = f.manifoldCells();
        if (f.noiseDim() == 1) {
            for (int i = 0; i < c; i++) {
                int alpha = (int) (40 + 200 * shade[i]);
                s.line(x0 + v[2 * i] * size, y0 + (1 - v[2 * i + 1]) * size, x0 + v[2 * i + 2] * size,
                        y0 + (1 - v[2 * i + 3]) * size, Math.max(2, size / 150), (alpha << 24) | 0x505050);
            }
            return;
        }
        int side = c + 1;
        // Cells grouped into 16 shades: 16 fills instead of 400.
        int levels = 16;
        double[][] quads = new double[levels][8 * c * c];
        int[] count = new int[levels];
        for (int j = 0; j < c; j++) {
            for (int i = 0; i < c; i++) {
                int level = Math.min(levels - 1, (int) (shade[j * c + i] * levels));
                if (level == 0) {
                    continue;
                }
                int[] idx = {j * side + i, j * side + i + 1, (j + 1) * side + i + 1, (j + 1) * side + i};
                double[] q = quads[level];
                int o = 8 * count[level]++;
                for (int k = 0; k < 4; k++) {
                    q[o + 2 * k] = x0 + v[2 * idx[k]] * size;
                    q[o + 2 * k + 1] = y0 + (1 - v[2 * idx[k] + 1]) * size;
                }
            }
        }
        for (int level = 1; level < levels; level++) {
            if (count[level] > 0) {
                int alpha = (int) (150 * (level + 0.5) / levels);
                s.fillQuads(quads[level], count[level], (alpha << 24) | 0x606060);
            }
        }
        double[] seg = new double[4 * 2 * side * c];
        int n = 0;
        for (int j = 0; j < side; j++) {
            for (int i = 0; i < c; i++) {
                int a = j * side + i; // along a row
                int b = i * side + j; // along a column
                for (int[] e : new int[][] {{a, a + 1}, {b, b + side}}) {
                    seg[4 * n] = x0 + v[2 * e[0]] * size;
                    seg[4 * n + 1] = y0 + (1 - v[2 * e[0] + 1]) * size;
                    seg[4 * n + 2] = x0 + v[2 * e[1]] * size;
                    seg[4 * n + 3] = y0 + (1 - v[2 * e[1] + 1]) * size;
                    n++;
                }
            }
        }
        s.lines(seg, n, Math.max(0.6, size / 900), MANIFOLD_LINE);
    }

    private static void circles(Surface s, float[] xy, double x0, double y0, double size, double r, int argb) {
        int n = xy.length / 2;
        double[] cx = new double[n];
        double[] cy = new double[n];
        for (int i = 0; i < n; i++) {
            cx[i] = x0 + xy[2 * i] * size;
            cy[i] = y0 + (1 - xy[2 * i + 1]) * size;
        }
        s.fillCircles(cx, cy, n, r, argb);
    }

    /** Each arrow is a shaft and two head strokes; all arrows in one call. */
    private static void arrows(Surface s, float[] g, float[] a, double x0, double y0, double size) {
        double width = Math.max(1.0, size / 500);
        int n = g.length / 2;
        double[] seg = new double[12 * n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            double x = x0 + g[2 * i] * size;
            double y = y0 + (1 - g[2 * i + 1]) * size;
            double tx = x + a[2 * i] * size;
            double ty = y - a[2 * i + 1] * size;
            double dx = tx - x;
            double dy = ty - y;
            double len = Math.hypot(dx, dy);
            if (len < 1) {
                continue;
            }
            double head = Math.min(6 * width, len / 2);
            double ux = dx / len;
            double uy = dy / len;
            double[] parts = {x, y, tx, ty,
                    tx, ty, tx - head * (ux - 0.5 * uy), ty - head * (uy + 0.5 * ux),
                    tx, ty, tx - head * (ux + 0.5 * uy), ty - head * (uy - 0.5 * ux)};
            System.arraycopy(parts, 0, seg, 4 * m, 12);
            m += 3;
        }
        s.lines(seg, m, width, ARROW);
    }
}
