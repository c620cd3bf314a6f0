package io.ganstudio.core.playground;

import io.ganstudio.core.random.Rng;

import java.util.Arrays;

/**
 * A 2-D GAN: an MLP generator that maps noise to points and an MLP discriminator that scores points, trained
 * against a set of real points. One training step is dSteps discriminator updates then gSteps generator updates;
 * every update can also be walked through sub-step by sub-step ({@link Update}) for slow motion. The same config
 * and real points give the same run, step for step. Not thread-safe: one thread trains and draws frames.
 */
public final class PlaygroundGan {

    /** Real points drawn from a preset or a drawing (a CSV's points are used as they are). */
    public static final int REAL_POINTS = 3000;
    public static final int SHOWN_REAL = 450;
    public static final int SHOWN_FAKE = 300;
    /** Generated points for the densities, KL and JS (fixed noise, so the figures do not jitter). */
    public static final int EVAL_FAKE = 3000;
    public static final int MANIFOLD_CELLS = 20;

    /**
     * The generator shown (points, densities, KL/JS, noise grid) is a running average of G's weights over about the
     * last 100 G updates (decay 0.99): it follows G but not G's step-to-step wobble.
     */
    static final double SHOWN_G_DECAY = 0.99;
    /** Spread of the nudges by which the penalty measures how steeply D changes around real points. */
    static final double PROBE_SD = 0.01;
    private final Mlp gShow;
    private final Rng probe;
    private final PlaygroundConfig config;
    private final double[] real;
    private final int realCount;
    private final Mlp g;
    private final Mlp d;
    private final ParamOptimizer gOpt;
    private final ParamOptimizer dOpt;
    private final Rng noise;
    private final Rng batches;
    private final double[] evalNoise;
    private final double[] realDensity;
    private final float[] shownReal;
    private long step;
    private double dLossSum;
    private int dLossCount;
    private double gLossSum;
    private int gLossCount;
    private double lastDLoss = Double.NaN;
    private double lastGLoss = Double.NaN;

    public PlaygroundGan(PlaygroundConfig config, double[] realPoints) {
        this.config = config.validated();
        if (realPoints.length < 4 || realPoints.length % 2 != 0) {
            throw new IllegalArgumentException("need at least 2 real points as x,y pairs");
        }
        this.real = realPoints.clone();
        this.realCount = real.length / 2;
        long seed = config.seed();
        Rng init = Rng.derive(seed, 1);
        // Both networks work in [-1, 1] inside; the square the user sees is [0, 1].
        g = new Mlp(config.noiseDim(), config.gLayers(), config.gNeurons(), 2, 0.5, 2, 0.5, 0.5);
        d = new Mlp(2, config.dLayers(), config.dNeurons(), 1, 0.5, 2, 0, 1);
        g.initialise(init);
        d.initialise(init);
        gShow = new Mlp(config.noiseDim(), config.gLayers(), config.gNeurons(), 2, 0.5, 2, 0.5, 0.5);
        System.arraycopy(g.params(), 0, gShow.params(), 0, g.parameterCount());
        probe = Rng.derive(seed, 5);
        gOpt = new ParamOptimizer(config.gOptimizer(), config.gLearningRate(), g.parameterCount());
        dOpt = new ParamOptimizer(config.dOptimizer(), config.dLearningRate(), d.parameterCount());
        noise = Rng.derive(seed, 2);
        batches = Rng.derive(seed, 3);
        evalNoise = sampleNoise(Rng.derive(seed, 4), EVAL_FAKE);
        realDensity = GridDensity.of(real);
        int shown = Math.min(SHOWN_REAL, realCount);
        shownReal = new float[2 * shown];
        for (int i = 0; i < shown; i++) {
            // Evenly spread through the points (a CSV's may come in order, along a curve).
            int k = (int) ((long) i * realCount / shown);
            shownReal[2 * i] = (float) real[2 * k];
            shownReal[2 * i + 1] = (float) real[2 * k + 1];
        }
    }

    /** The real points for a preset: REAL_POINTS of them, drawn from the seed. */
    public static double[] realPoints(Preset preset, long seed) {
        return preset.sample(REAL_POINTS, Rng.derive(seed, 0));
    }

    /** The real points for a drawing: REAL_POINTS along its strokes, drawn from the seed. */
    public static double[] realPoints(Drawing drawing, long seed) {
        return drawing.sample(REAL_POINTS, Rng.derive(seed, 0));
    }

    public PlaygroundConfig config() {
        return config;
    }

    public long step() {
        return step;
    }

    /** The losses of the latest D and G update (NaN before the first). */
    public double lastDLoss() {
        return lastDLoss;
    }

    public double lastGLoss() {
        return lastGLoss;
    }

    /** One training step: dSteps discriminator updates, then gSteps generator updates. */
    public void trainStep() {
        for (int i = 0; i < config.dSteps(); i++) {
            update(Side.DISCRIMINATOR).finish();
        }
        for (int i = 0; i < config.gSteps(); i++) {
            update(Side.GENERATOR).finish();
        }
        step++;
    }

    /** Counts a step made of updates walked one by one (slow motion, or one D then one G update by hand). */
    public void countStep() {
        step++;
    }

    /** Starts an update of one network, to be walked through with {@link Update#advance()}. */
    public Update update(Side side) {
        return new Update(side);
    }

    /**
     * One update, sub-step by sub-step: generate a batch, classify it with D, compute the loss, backpropagate,
     * apply the optimizer. Only the last sub-step changes a network.
     */
    public final class Update {
        private final Side side;
        private Phase done;
        private double[] fake;
        private double[] input;
        private double[] scores;
        private double[] gradScores;
        private double loss = Double.NaN;

        private Update(Side side) {
            this.side = side;
        }

        public Side side() {
            return side;
        }

        /** The sub-step done last, or null before the first. */
        public Phase done() {
            return done;
        }

        public boolean finished() {
            return done == Phase.UPDATE;
        }

        /** This update's loss once computed (NaN before the LOSS sub-step). */
        public double loss() {
            return loss;
        }

        public void finish() {
            while (!finished()) {
                advance();
            }
        }

        /** Does the next sub-step and returns it. */
        public Phase advance() {
            Phase next = done == null ? Phase.GENERATE : Phase.values()[done.ordinal() + 1];
            int n = PlaygroundConfig.BATCH;
            switch (next) {
                case GENERATE -> {
                    double[] z = sampleNoise(noise, n);
                    if (side == Side.DISCRIMINATOR) {
                        fake = g.predict(z, n);
                        input = new double[4 * n];
                        for (int i = 0; i < n; i++) {
                            int k = batches.nextInt(realCount);
                            input[2 * i] = real[2 * k];
                            input[2 * i + 1] = real[2 * k + 1];
                        }
                        System.arraycopy(fake, 0, input, 2 * n, 2 * n);
                        if (config.penalty() > 0) {
                            // The real points once more, each nudged a little, for the penalty.
                            double[] more = new double[6 * n];
                            System.arraycopy(input, 0, more, 0, 4 * n);
                            for (int i = 0; i < 2 * n; i++) {
                                more[4 * n + i] = input[i] + PROBE_SD * probe.nextGaussian();
                            }
                            input = more;
                        }
                    } else {
                        fake = g.forward(z, n);
                        input = fake;
                    }
                }
                case CLASSIFY -> scores = d.forward(input, input.length / 2);
                case LOSS -> {
                    gradScores = new double[scores.length];
                    if (side == Side.DISCRIMINATOR) {
                        double[] sr = Arrays.copyOfRange(scores, 0, n);
                        double[] sf = Arrays.copyOfRange(scores, n, 2 * n);
                        double[] gr = new double[n];
                        double[] gf = new double[n];
                        loss = config.loss().dLoss(sr, true, gr) + config.loss().dLoss(sf, false, gf);
                        System.arraycopy(gr, 0, gradScores, 0, n);
                        System.arraycopy(gf, 0, gradScores, n, n);
                        if (config.penalty() > 0) {
                            // R1 without second derivatives: (D(x + e) - D(x))^2 / sd^2 averages |grad D(x)|^2
                            // over nudges e of spread sd, so penalty/2 times it keeps D flat on the real points.
                            double gamma = config.penalty();
                            double var = PROBE_SD * PROBE_SD;
                            for (int i = 0; i < n; i++) {
                                double diff = scores[2 * n + i] - scores[i];
                                loss += 0.5 * gamma * diff * diff / var / n;
                                double gg = gamma * diff / var / n;
                                gradScores[2 * n + i] += gg;
                                gradScores[i] -= gg;
                            }
                        }
                    } else {
                        loss = config.loss().gLoss(scores, gradScores);
                    }
                }
                case GRADIENTS -> {
                    double[] gx = d.backward(gradScores);
                    if (side == Side.GENERATOR) {
                        g.backward(gx);
                    }
                }
                case UPDATE -> {
                    if (side == Side.DISCRIMINATOR) {
                        dOpt.step(d.params(), d.grads());
                        lastDLoss = loss;
                        dLossSum += loss;
                        dLossCount++;
                    } else {
                        gOpt.step(g.params(), g.grads());
                        double[] shown = gShow.params();
                        double[] now = g.params();
                        for (int i = 0; i < shown.length; i++) {
                            shown[i] = SHOWN_G_DECAY * shown[i] + (1 - SHOWN_G_DECAY) * now[i];
                        }
                        lastGLoss = loss;
                        gLossSum += loss;
                        gLossCount++;
                    }
                }
                default -> throw new IllegalStateException();
            }
            done = next;
            return next;
        }

        /** This update's generated points once made, x then y (null before). */
        public double[] fakePoints() {
            return fake;
        }
    }

    private double[] sampleNoise(Rng rng, int n) {
        int dim = config.noiseDim();
        double[] z = new double[n * dim];
        for (int i = 0; i < z.length; i++) {
            if (config.noise() == PlaygroundConfig.Noise.UNIFORM) {
                z[i] = rng.nextDouble();
            } else {
                // Normal around 0.5 with sd 0.25, cut at two sd so both kinds of noise fill the unit interval.
                double v;
                do {
                    v = 0.5 + 0.25 * rng.nextGaussian();
                } while (v < 0 || v > 1);
                z[i] = v;
            }
        }
        return z;
    }

    /** Densities of the generated points on the grid (from fixed noise). */
    public double[] generatedDensity() {
        return GridDensity.of(gShow.predict(evalNoise, EVAL_FAKE));
    }

    public double js() {
        return GridDensity.js(realDensity, generatedDensity());
    }

    public double kl() {
        return GridDensity.kl(realDensity, generatedDensity());
    }

    /** The shown generator's output for noise (n * noiseDim values), for tests and drawing. */
    public double[] generate(double[] z, int n) {
        return gShow.predict(z, n);
    }

    /** D's raw output at points. */
    public double[] discriminate(double[] xy, int n) {
        return d.predict(xy, n);
    }

    /** The networks, for the gradient check and the benchmark. */
    Mlp generator() {
        return g;
    }

    Mlp discriminator() {
        return d;
    }

    /**
     * A picture of the run now; resets the loss means. Cheap (a few thousand network evaluations), so the trainer's
     * thread makes one per displayed frame.
     *
     * @param during the update being walked through in slow motion, or null
     */
    public PlaygroundFrame frame(Update during) {
        double dMean = dLossCount == 0 ? lastDLoss : dLossSum / dLossCount;
        double gMean = gLossCount == 0 ? lastGLoss : gLossSum / gLossCount;
        dLossSum = 0;
        gLossSum = 0;
        dLossCount = 0;
        gLossCount = 0;
        double[] evalFake = gShow.predict(evalNoise, EVAL_FAKE);
        double[] genDensity = GridDensity.of(evalFake);
        int nf = SHOWN_FAKE;
        double[] shownFake = Arrays.copyOf(evalFake, 2 * nf);
        float[] fake = toFloat(shownFake);
        float[] arrows = arrows(shownFake, nf);
        int cells = GridDensity.CELLS;
        double[] centres = new double[2 * cells * cells];
        for (int y = 0; y < cells; y++) {
            for (int x = 0; x < cells; x++) {
                centres[2 * (y * cells + x)] = (x + 0.5) / cells;
                centres[2 * (y * cells + x) + 1] = (y + 0.5) / cells;
            }
        }
        double[] s = d.predict(centres, cells * cells);
        float[] heat = new float[cells * cells];
        for (int i = 0; i < heat.length; i++) {
            heat[i] = (float) config.loss().realness(s[i]);
        }
        float[][] manifold = manifold();
        return new PlaygroundFrame(step, dMean, gMean, GridDensity.kl(realDensity, genDensity),
                GridDensity.js(realDensity, genDensity), shownReal, fake, arrows, cells, heat, config.noiseDim(),
                MANIFOLD_CELLS, manifold[0], manifold[1], during == null ? null : during.done(),
                during == null ? null : during.side(), during == null ? Double.NaN : during.loss());
    }

    /** Per point, minus the gradient of G's loss (the way G pushes it), scaled so the longest arrow is 0.08. */
    private float[] arrows(double[] xy, int n) {
        double[] s = d.predict(xy, n);
        double[] gs = new double[n];
        config.loss().gLoss(s, gs);
        double[] gx = d.inputGradient(xy, n, gs);
        double max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.hypot(gx[2 * i], gx[2 * i + 1]));
        }
        float[] a = new float[2 * n];
        if (max > 0 && Double.isFinite(max)) {
            for (int i = 0; i < 2 * n; i++) {
                a[i] = (float) (-gx[i] / max * 0.08);
            }
        }
        return a;
    }

    /** The noise grid through G ([0]: vertices) and how densely each cell is packed ([1]: shade 0-1). */
    private float[][] manifold() {
        int c = MANIFOLD_CELLS;
        boolean gaussian = config.noise() == PlaygroundConfig.Noise.GAUSSIAN;
        if (config.noiseDim() == 1) {
            double[] z = new double[c + 1];
            for (int i = 0; i <= c; i++) {
                z[i] = (double) i / c;
            }
            double[] v = gShow.predict(z, c + 1);
            float[] shade = new float[c];
            for (int i = 0; i < c; i++) {
                double len = Math.hypot(v[2 * i + 2] - v[2 * i], v[2 * i + 3] - v[2 * i + 1]);
                double mass = gaussian ? density1((i + 0.5) / c) / c : 1.0 / c;
                shade[i] = shade(mass / Math.max(len, 1e-9), 1.0);
            }
            return new float[][] {toFloat(v), shade};
        }
        int side = c + 1;
        double[] z = new double[2 * side * side];
        for (int j = 0; j < side; j++) {
            for (int i = 0; i < side; i++) {
                z[2 * (j * side + i)] = (double) i / c;
                z[2 * (j * side + i) + 1] = (double) j / c;
            }
        }
        double[] v = gShow.predict(z, side * side);
        float[] shade = new float[c * c];
        for (int j = 0; j < c; j++) {
            for (int i = 0; i < c; i++) {
                int a = j * side + i;
                int b = a + 1;
                int cc = a + side + 1;
                int dd = a + side;
                double area = Math.abs(shoelace(v, a, b, cc, dd));
                double mass = gaussian ? density1((i + 0.5) / c) * density1((j + 0.5) / c) / (c * c)
                        : 1.0 / (c * c);
                shade[j * c + i] = shade(mass / Math.max(area, 1e-12), 1.0);
            }
        }
        return new float[][] {toFloat(v), shade};
    }

    /** Noise mass per unit of area (or length) relative to spread-out noise, to 0-1: denser is darker. */
    private static float shade(double density, double unwarped) {
        double ratio = density / unwarped;
        return (float) (1 - Math.exp(-ratio / 12));
    }

    /** The truncated normal's density on [0, 1] (mean 0.5, sd 0.25, cut at two sd). */
    private static double density1(double x) {
        double sd = 0.25;
        double norm = 0.9545 * sd * Math.sqrt(2 * Math.PI);
        return Math.exp(-0.5 * (x - 0.5) * (x - 0.5) / (sd * sd)) / norm;
    }

    private static double shoelace(double[] v, int a, int b, int c, int d) {
        int[] idx = {a, b, c, d};
        double s = 0;
        for (int k = 0; k < 4; k++) {
            int p = idx[k];
            int q = idx[(k + 1) % 4];
            s += v[2 * p] * v[2 * q + 1] - v[2 * q] * v[2 * p + 1];
        }
        return s / 2;
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
