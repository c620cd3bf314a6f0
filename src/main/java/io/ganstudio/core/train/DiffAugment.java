package io.ganstudio.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.ganstudio.core.engine.PortableOps;
import io.ganstudio.core.random.Rng;

import java.util.Arrays;

/**
 * Differentiable augmentation (Zhao et al. 2020, mit-han-lab/data-efficient-gans): colour (brightness, saturation,
 * contrast), translation by up to 1/8 of the side with zero fill, and cutout of a half-side square. Built from
 * NDArray operators that autograd differentiates (adds, multiplies, means and batched matrix products), so the
 * generator's gradient flows through it. Random parameters are drawn on the Java side from a {@link Rng}: the same
 * seed gives the same augmentation, and a resumed run augments exactly as an uninterrupted one.
 *
 * <p>Each of the three operations is applied to each image with probability {@code p}: 1 for DiffAugment, the
 * adaptive probability for ADA. Skipped images get the identity (no shift, no hole, unchanged colour).
 *
 * <p>Grayscale images are only translated: colour and cutout, made for colour photographs, made 500 grayscale
 * built-in images train worse (measured: FID 19.02 with all three at 3,000 steps, 16.50 with translation and cutout,
 * 12.33 with translation alone; docs/training.md, <i>Augmentation for small datasets</i>).
 */
public final class DiffAugment {

    static final double TRANSLATION = 0.125;
    static final double CUTOUT = 0.5;

    private DiffAugment() {
    }

    /**
     * @param x images (n, channels, side, side) in [-1, 1], possibly with autograd history
     * @param p probability that each operation is applied to each image
     * @return augmented images of the same shape, in x's manager
     */
    public static NDArray apply(NDArray x, double p, Rng rng) {
        Shape s = x.getShape();
        int n = (int) s.get(0);
        int c = (int) s.get(1);
        int h = (int) s.get(2);
        int w = (int) s.get(3);
        NDManager m = x.getManager();
        Shape perImage = new Shape(n, 1, 1, 1);
        float[] brightness = new float[n];
        float[] saturation = new float[n];
        float[] contrast = new float[n];
        int[] shiftY = new int[n];
        int[] shiftX = new int[n];
        float[] mask = new float[n * h * w];
        Arrays.fill(mask, 1f);
        int maxShiftY = (int) (h * TRANSLATION + 0.5);
        int maxShiftX = (int) (w * TRANSLATION + 0.5);
        int cutH = (int) (h * CUTOUT + 0.5);
        int cutW = (int) (w * CUTOUT + 0.5);
        boolean photo = c > 1; // colour and cutout for colour images only (the class comment)
        for (int i = 0; i < n; i++) {
            // Each operation's coin is drawn for every image, also where the operation is skipped (the measured
            // runs drew so).
            boolean colour = rng.nextDouble() < p && photo;
            brightness[i] = colour ? (float) (rng.nextDouble() - 0.5) : 0f;
            saturation[i] = colour ? (float) (rng.nextDouble() * 2) : 1f;
            contrast[i] = colour ? (float) (rng.nextDouble() + 0.5) : 1f;
            if (rng.nextDouble() < p) {
                shiftY[i] = rng.nextInt(2 * maxShiftY + 1) - maxShiftY;
                shiftX[i] = rng.nextInt(2 * maxShiftX + 1) - maxShiftX;
            }
            if (rng.nextDouble() < p && photo) {
                int oy = rng.nextInt(h + (1 - cutH % 2)) - cutH / 2;
                int ox = rng.nextInt(w + (1 - cutW % 2)) - cutW / 2;
                for (int y = Math.max(0, oy); y < Math.min(h, oy + cutH); y++) {
                    for (int xx = Math.max(0, ox); xx < Math.min(w, ox + cutW); xx++) {
                        mask[i * h * w + y * w + xx] = 0f;
                    }
                }
            }
        }
        NDArray out = x.add(PortableOps.create(m, brightness, perImage));
        if (c > 1) {
            NDArray mean = out.mean(new int[] {1}, true);
            out = out.sub(mean).mul(PortableOps.create(m, saturation, perImage)).add(mean);
        }
        NDArray mean = PortableOps.mean(out, true, 1, 2, 3);
        out = out.sub(mean).mul(PortableOps.create(m, contrast, perImage)).add(mean);
        out = translate(out, shiftY, shiftX, m);
        return out.mul(PortableOps.create(m, mask, new Shape(n, 1, h, w)));
    }

    /** out[y][x] = in[y + dy][x + dx], zero outside: two batched products with shift matrices. */
    static NDArray translate(NDArray x, int[] dy, int[] dx, NDManager m) {
        Shape s = x.getShape();
        int n = (int) s.get(0);
        int c = (int) s.get(1);
        int h = (int) s.get(2);
        int w = (int) s.get(3);
        float[] rows = new float[n * h * h];
        float[] cols = new float[n * w * w];
        for (int i = 0; i < n; i++) {
            for (int y = 0; y < h; y++) {
                int from = y + dy[i];
                if (from >= 0 && from < h) {
                    rows[i * h * h + y * h + from] = 1f; // rows[i][y][from]
                }
            }
            for (int xx = 0; xx < w; xx++) {
                int from = xx + dx[i];
                if (from >= 0 && from < w) {
                    cols[i * w * w + from * w + xx] = 1f; // cols[i][from][x]
                }
            }
        }
        NDArray byRows = x.transpose(0, 2, 1, 3).reshape(n, h, (long) c * w);
        byRows = PortableOps.batchDot(PortableOps.create(m, rows, new Shape(n, h, h)), byRows);
        NDArray back = byRows.reshape(n, h, c, w).transpose(0, 2, 1, 3).reshape(n, (long) c * h, w);
        return PortableOps.batchDot(back, PortableOps.create(m, cols, new Shape(n, w, w))).reshape(n, c, h, w);
    }
}
