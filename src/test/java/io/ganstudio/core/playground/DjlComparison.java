package io.ganstudio.core.playground;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import io.ganstudio.core.engine.EngineSetup;

import java.util.List;
import java.util.Locale;

/**
 * The measurement behind the playground's choice of plain Java over DJL: the same training step (2 D updates and
 * 1 G update, batch 150, 2-8-2 generator, 2-8-1 discriminator, log loss, SGD) on DJL/MXNet with autograd, and with
 * the hand-written {@link PlaygroundGan}. Run: {@code java -cp CLASSPATH io.ganstudio.core.playground.DjlComparison}
 * (docs/performance.md, "Playground").
 */
public final class DjlComparison {

    private static final int BATCH = 150;
    private static final float LR = 0.1f;

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        EngineSetup.init();
        System.out.println("engine: " + Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
        double djl = djlStepsPerSecond(seconds);
        double java = javaStepsPerSecond(seconds);
        System.out.printf(Locale.ROOT, "DJL/MXNet: %.0f steps/s; plain Java: %.0f steps/s (%.0fx)%n", djl, java,
                java / djl);
    }

    static double javaStepsPerSecond(double seconds) {
        PlaygroundConfig c = new PlaygroundConfig(1, 8, 1, 8, 2, PlaygroundConfig.Noise.UNIFORM, Loss.LOG,
                PlaygroundConfig.Optimizer.SGD, 0.1, PlaygroundConfig.Optimizer.SGD, 0.1, 2, 1, 1);
        PlaygroundGan gan = new PlaygroundGan(c, PlaygroundGan.realPoints(Preset.RING, 1));
        for (int i = 0; i < 500; i++) {
            gan.trainStep();
        }
        long t0 = System.nanoTime();
        long n = 0;
        while (System.nanoTime() - t0 < seconds * 1e9) {
            gan.trainStep();
            n++;
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    static double djlStepsPerSecond(double seconds) {
        try (NDManager root = NDManager.newBaseManager()) {
            double[] realPoints = PlaygroundGan.realPoints(Preset.RING, 1);
            float[] realF = new float[realPoints.length];
            for (int i = 0; i < realF.length; i++) {
                realF[i] = (float) realPoints[i];
            }
            NDArray real = root.create(realF, new Shape(realF.length / 2, 2));
            List<NDArray> g = List.of(param(root, 2, 8), root.zeros(new Shape(8)), param(root, 8, 2),
                    root.zeros(new Shape(2)));
            List<NDArray> d = List.of(param(root, 2, 8), root.zeros(new Shape(8)), param(root, 8, 1),
                    root.zeros(new Shape(1)));
            g.forEach(p -> p.setRequiresGradient(true));
            d.forEach(p -> p.setRequiresGradient(true));
            Runnable step = () -> {
                for (int k = 0; k < 2; k++) {
                    try (NDManager m = root.newSubManager()) {
                        NDArray z = m.randomUniform(0, 1, new Shape(BATCH, 2));
                        NDArray idx = m.randomInteger(0, real.getShape().get(0), new Shape(BATCH),
                                DataType.INT32);
                        NDArray x = real.get(idx);
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            NDArray fake = mlp(g, z).stopGradient();
                            NDArray sr = mlp(d, x);
                            NDArray sf = mlp(d, fake);
                            // softplus(-s_real) + softplus(s_fake)
                            NDArray loss = softplus(sr.neg()).mean().add(softplus(sf).mean());
                            gc.backward(loss);
                        }
                        sgd(d);
                    }
                }
                try (NDManager m = root.newSubManager()) {
                    NDArray z = m.randomUniform(0, 1, new Shape(BATCH, 2));
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray sf = mlp(d, mlp(g, z));
                        gc.backward(softplus(sf.neg()).mean());
                    }
                    sgd(g);
                }
            };
            for (int i = 0; i < 200; i++) {
                step.run();
            }
            long t0 = System.nanoTime();
            long n = 0;
            while (System.nanoTime() - t0 < seconds * 1e9) {
                step.run();
                n++;
            }
            d.get(0).sum().getFloat(); // wait for queued work before stopping the clock
            return n / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private static NDArray param(NDManager m, int in, int out) {
        return m.randomNormal(0, (float) (1 / Math.sqrt(in)), new Shape(in, out), DataType.FLOAT32);
    }

    private static NDArray mlp(List<NDArray> p, NDArray x) {
        return Activation.relu(x.matMul(p.get(0)).add(p.get(1))).matMul(p.get(2)).add(p.get(3));
    }

    private static NDArray softplus(NDArray v) {
        return v.exp().add(1).log();
    }

    private static void sgd(List<NDArray> params) {
        for (NDArray p : params) {
            p.subi(p.getGradient().mul(LR));
        }
    }
}
