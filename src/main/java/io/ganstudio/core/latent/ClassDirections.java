package io.ganstudio.core.latent;

import io.ganstudio.core.random.Rng;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Class directions in z, InterFaceGAN-style (Shen et al. 2020): sample many z from a generator, let a classifier
 * say which class each image shows, and fit a linear boundary in z per class, one against the rest (logistic
 * regression, Newton's method, classes weighted to balance). The boundary's unit normal is the direction "toward"
 * that class; a held-out part of the samples measures how well the boundary separates them. Plain Java: z has a
 * hundred numbers or so, the samples a few thousand.
 *
 * <p>Engine-free: the images and the classifier come in through {@link Images} and {@link Classifier}, so the fit
 * can be tested on synthetic generators with known boundaries.
 */
public final class ClassDirections {

    /** Images are sampled and classified in chunks of this many z. */
    public static final int CHUNK = 200;
    /** A class needs this many samples on each side of its boundary in the training part to be fit. */
    public static final int MIN_SAMPLES = 10;
    private static final double RIDGE = 1.0;
    private static final int NEWTON_STEPS = 25;

    private ClassDirections() {
    }

    /** A generator: the images (any layout the classifier takes) of a list of z, blocking. */
    @FunctionalInterface
    public interface Images {
        float[] sample(List<float[]> zs) throws Exception;
    }

    /** A classifier of the generator's images. */
    public interface Classifier {
        int classes();

        /** n rows of {@link #classes()} probabilities for n images from {@link Images}. */
        float[] probabilities(float[] images, int n) throws Exception;
    }

    /** Progress of a fit: a fraction in [0, 1]. */
    @FunctionalInterface
    public interface Progress {
        void update(double fraction);
    }

    /**
     * @param samples         z to sample and label
     * @param validationShare share of them held out to measure each boundary (0.2 is usual)
     * @param seed            draws the z and the split: the same seed and generator give the same directions
     */
    public record Settings(int samples, double validationShare, long seed) {
        public Settings {
            if (samples < 100) {
                throw new IllegalArgumentException("use at least 100 samples, not " + samples);
            }
            if (!(validationShare > 0 && validationShare < 0.9)) {
                throw new IllegalArgumentException("the validation share must be above 0 and below 0.9, not "
                        + validationShare);
            }
        }
    }

    /**
     * One class's direction.
     *
     * @param normal             unit vector in z; moving along it raises the classifier's score of the class
     * @param validationAccuracy share of held-out samples on the right side of the boundary
     * @param balancedAccuracy   mean of the held-out accuracies on the class and on the rest (0.5 = chance)
     * @param share              share of all samples the classifier gave this class
     */
    public record Fitted(int classIndex, String className, float[] normal, double validationAccuracy,
                         double balancedAccuracy, double share) {
        /** The direction's name as the studio shows and stores it. */
        public String name() {
            return directionName(className);
        }
    }

    /** A class with too few samples on one side to fit. */
    public record Skipped(int classIndex, String className, int samplesOfClass) {
    }

    public record Result(List<Fitted> directions, List<Skipped> skipped, int samples, int validation,
                         int[] samplesPerClass) {
    }

    /** "toward Sneaker": the name of a class direction in latents.json. */
    public static String directionName(String className) {
        return "toward " + className;
    }

    /**
     * Samples, labels and fits.
     *
     * @param classNames the classifier's class names, index by index
     * @throws CancellationException when {@code cancelled} says so (checked between chunks and classes)
     */
    public static Result fit(Images images, Classifier classifier, List<String> classNames, int latent,
                             Settings settings, Progress progress, BooleanSupplier cancelled) throws Exception {
        int n = settings.samples();
        int k = classifier.classes();
        if (classNames.size() != k) {
            throw new IllegalArgumentException(k + " classes but " + classNames.size() + " names");
        }
        float[] all = new float[n * latent];
        Rng.derive(settings.seed(), 0xC1A55).fillGaussian(all, 0f, 1f);
        double[][] z = new double[n][latent];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < latent; j++) {
                z[i][j] = all[i * latent + j];
            }
        }
        int[] label = new int[n];
        for (int from = 0; from < n; from += CHUNK) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("cancelled");
            }
            int count = Math.min(CHUNK, n - from);
            List<float[]> zs = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                zs.add(Arrays.copyOfRange(all, (from + i) * latent, (from + i + 1) * latent));
            }
            float[] p = classifier.probabilities(images.sample(zs), count);
            for (int i = 0; i < count; i++) {
                label[from + i] = argmax(p, i * k, k);
            }
            progress.update(0.8 * (from + count) / n);
        }
        int[] order = Rng.derive(settings.seed(), 0x5B117).permutation(n);
        int validation = Math.max(1, (int) Math.round(n * settings.validationShare()));
        int[] perClass = new int[k];
        for (int l : label) {
            perClass[l]++;
        }
        List<Fitted> fitted = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("cancelled");
            }
            int positives = 0;
            for (int i = validation; i < n; i++) {
                positives += label[order[i]] == c ? 1 : 0;
            }
            if (positives < MIN_SAMPLES || (n - validation) - positives < MIN_SAMPLES) {
                skipped.add(new Skipped(c, classNames.get(c), perClass[c]));
            } else {
                double[][] trainZ = new double[n - validation][];
                boolean[] trainY = new boolean[n - validation];
                for (int i = validation; i < n; i++) {
                    trainZ[i - validation] = z[order[i]];
                    trainY[i - validation] = label[order[i]] == c;
                }
                double[] theta = logistic(trainZ, trainY);
                int right = 0;
                int pos = 0;
                int posRight = 0;
                for (int i = 0; i < validation; i++) {
                    boolean y = label[order[i]] == c;
                    boolean said = score(theta, z[order[i]]) > 0;
                    right += said == y ? 1 : 0;
                    pos += y ? 1 : 0;
                    posRight += y && said ? 1 : 0;
                }
                int neg = validation - pos;
                int negRight = right - posRight;
                double balanced = pos == 0 || neg == 0 ? Double.NaN
                        : 0.5 * ((double) posRight / pos + (double) negRight / neg);
                fitted.add(new Fitted(c, classNames.get(c), unit(theta, latent), (double) right / validation,
                        balanced, (double) perClass[c] / n));
            }
            progress.update(0.8 + 0.2 * (c + 1) / k);
        }
        return new Result(fitted, skipped, n, validation, perClass);
    }

    /**
     * What moving along a direction does: the classifier's mean probability of the class, and the share of images
     * it gives that class, at each step (in standard deviations of the prior) from the same starting z.
     */
    public record Effect(double[] steps, double[] meanProbability, double[] shareOfClass) {
    }

    public static Effect effect(Images images, Classifier classifier, float[] normal, int classIndex,
                                List<float[]> starts, double[] steps) throws Exception {
        int k = classifier.classes();
        double[] mean = new double[steps.length];
        double[] share = new double[steps.length];
        for (int s = 0; s < steps.length; s++) {
            for (int from = 0; from < starts.size(); from += CHUNK) {
                int count = Math.min(CHUNK, starts.size() - from);
                List<float[]> zs = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    zs.add(Latents.shift(starts.get(from + i), normal, (float) steps[s]));
                }
                float[] p = classifier.probabilities(images.sample(zs), count);
                for (int i = 0; i < count; i++) {
                    mean[s] += p[i * k + classIndex];
                    share[s] += argmax(p, i * k, k) == classIndex ? 1 : 0;
                }
            }
            mean[s] /= starts.size();
            share[s] /= starts.size();
        }
        return new Effect(steps.clone(), mean, share);
    }

    private static int argmax(float[] p, int offset, int k) {
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (p[offset + c] > p[offset + best]) {
                best = c;
            }
        }
        return best;
    }

    private static double score(double[] theta, double[] z) {
        double s = theta[z.length];
        for (int j = 0; j < z.length; j++) {
            s += theta[j] * z[j];
        }
        return s;
    }

    private static float[] unit(double[] theta, int latent) {
        double norm = 0;
        for (int j = 0; j < latent; j++) {
            norm += theta[j] * theta[j];
        }
        norm = Math.sqrt(norm);
        float[] out = new float[latent];
        for (int j = 0; j < latent; j++) {
            out[j] = norm == 0 ? 0f : (float) (theta[j] / norm);
        }
        return out;
    }

    /**
     * Logistic regression with the two sides weighted to equal total weight, a small ridge on the weights (not
     * the bias) so that separable data stays finite, fit by Newton's method.
     *
     * @return d weights, then the bias
     */
    static double[] logistic(double[][] x, boolean[] y) {
        int n = x.length;
        int d = x[0].length;
        int pos = 0;
        for (boolean b : y) {
            pos += b ? 1 : 0;
        }
        double wPos = n / (2.0 * pos);
        double wNeg = n / (2.0 * (n - pos));
        double[] theta = new double[d + 1];
        double[] g = new double[d + 1];
        double[][] h = new double[d + 1][d + 1];
        double[] row = new double[d + 1];
        row[d] = 1;
        for (int step = 0; step < NEWTON_STEPS; step++) {
            Arrays.fill(g, 0);
            for (double[] hr : h) {
                Arrays.fill(hr, 0);
            }
            for (int i = 0; i < n; i++) {
                System.arraycopy(x[i], 0, row, 0, d);
                double s = 0;
                for (int j = 0; j <= d; j++) {
                    s += theta[j] * row[j];
                }
                double p = 1 / (1 + Math.exp(-s));
                double w = y[i] ? wPos : wNeg;
                double r = w * (p - (y[i] ? 1 : 0));
                double c = w * p * (1 - p);
                for (int a = 0; a <= d; a++) {
                    g[a] += r * row[a];
                    double ca = c * row[a];
                    double[] ha = h[a];
                    for (int b = 0; b <= a; b++) {
                        ha[b] += ca * row[b];
                    }
                }
            }
            for (int a = 0; a <= d; a++) {
                for (int b = 0; b < a; b++) {
                    h[b][a] = h[a][b];
                }
                if (a < d) {
                    g[a] += RIDGE * theta[a];
                    h[a][a] += RIDGE;
                } else {
                    h[a][a] += 1e-9;
                }
            }
            double[] delta = choleskySolve(h, g);
            double change = 0;
            for (int j = 0; j <= d; j++) {
                theta[j] -= delta[j];
                change = Math.max(change, Math.abs(delta[j]));
            }
            if (change < 1e-7) {
                break;
            }
        }
        return theta;
    }

    /** Solves a x = b for a symmetric positive definite a (a is left as it was). */
    static double[] choleskySolve(double[][] a, double[] b) {
        int n = b.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int q = 0; q < j; q++) {
                    s -= l[i][q] * l[j][q];
                }
                if (i == j) {
                    l[i][i] = Math.sqrt(Math.max(s, 1e-12));
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int q = 0; q < i; q++) {
                s -= l[i][q] * y[q];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int q = i + 1; q < n; q++) {
                s -= l[q][i] * x[q];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }
}
