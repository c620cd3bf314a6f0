package io.ganstudio.core.playground;

import io.ganstudio.core.random.Rng;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Draw-your-own: strokes painted on the canvas (polylines in the unit square). Points are sampled uniformly along
 * the strokes' length, with a little noise so the real distribution has some width.
 */
public final class Drawing {

    /** Spread of sampled points around the stroke (GAN Lab's 0.02). */
    public static final double SPREAD = 0.02;

    private final List<double[]> strokes = new ArrayList<>();

    /** Starts a new stroke at (x, y). */
    public void begin(double x, double y) {
        strokes.add(new double[] {x, y});
    }

    /** Extends the current stroke to (x, y); starts one if none was begun. */
    public void extend(double x, double y) {
        if (strokes.isEmpty()) {
            begin(x, y);
            return;
        }
        double[] s = strokes.get(strokes.size() - 1);
        double[] longer = Arrays.copyOf(s, s.length + 2);
        longer[s.length] = x;
        longer[s.length + 1] = y;
        strokes.set(strokes.size() - 1, longer);
    }

    public void clear() {
        strokes.clear();
    }

    public boolean isEmpty() {
        return strokes.isEmpty();
    }

    /** The strokes, each x0,y0,x1,y1,... (copies). */
    public List<double[]> strokes() {
        return strokes.stream().map(double[]::clone).toList();
    }

    /** n points along the strokes; a stroke that is a single click counts as a dot. */
    public double[] sample(int n, Rng rng) {
        if (strokes.isEmpty()) {
            throw new IllegalStateException("nothing drawn yet");
        }
        // Cumulative length over all segments; a dot gets a small length so that it is sampled at all.
        List<double[]> segments = new ArrayList<>();
        List<Double> cumulative = new ArrayList<>();
        double total = 0;
        for (double[] s : strokes) {
            if (s.length == 2) {
                segments.add(new double[] {s[0], s[1], s[0], s[1]});
                total += 0.01;
                cumulative.add(total);
                continue;
            }
            for (int i = 0; i + 3 < s.length; i += 2) {
                double len = Math.hypot(s[i + 2] - s[i], s[i + 3] - s[i + 1]);
                segments.add(new double[] {s[i], s[i + 1], s[i + 2], s[i + 3]});
                total += Math.max(len, 1e-6);
                cumulative.add(total);
            }
        }
        double[] xy = new double[2 * n];
        for (int p = 0; p < n; p++) {
            double at = rng.nextDouble() * total;
            int k = 0;
            while (k < cumulative.size() - 1 && cumulative.get(k) < at) {
                k++;
            }
            double[] seg = segments.get(k);
            double t = rng.nextDouble();
            xy[2 * p] = seg[0] + t * (seg[2] - seg[0]) + SPREAD * rng.nextGaussian();
            xy[2 * p + 1] = seg[1] + t * (seg[3] - seg[1]) + SPREAD * rng.nextGaussian();
        }
        return xy;
    }
}
