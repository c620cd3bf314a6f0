package io.ganstudio.core.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.ganstudio.core.TestData;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.latent.GeneratorRunner;
import io.ganstudio.core.latent.Latents;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.model.Upsampling;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.train.Augment;
import io.ganstudio.core.train.GanTrainer;
import io.ganstudio.core.train.StepMetrics;
import io.ganstudio.core.train.TrainConfig;
import io.ganstudio.core.train.TrainerState;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link SecondEngineTest} runs on one engine, in a process of its own (DJL takes one default engine per
 * process): the images a run's checkpoint generates, and a few training steps straight and resumed. Prints one
 * "name value" line per finding.
 *
 * <p>Arguments: {@code OUT RUN...}: writes each run's images for latent seeds 0..7 to OUT/i.f32 (i from 0, in the
 * order given), then trains.
 */
public final class EngineChecks {

    public static final int IMAGES = 8;

    private EngineChecks() {
    }

    public static void main(String[] args) throws Exception {
        EngineReport report = EngineSetup.init();
        System.out.println("engine " + report.engine());
        Path out = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            write(images(Path.of(args[i])), out.resolve((i - 1) + ".f32"));
        }
        phases();
        train();
        System.out.println("done true");
    }

    /** The generator of the run's newest checkpoint on latents from seeds 0..7: NCHW floats in [-1, 1]. */
    public static float[] images(Path run) throws Exception {
        try (GeneratorRunner g = GeneratorRunner.open(RunFolder.open(run))) {
            List<float[]> zs = new ArrayList<>();
            for (int i = 0; i < IMAGES; i++) {
                zs.add(Latents.fromSeed(i, g.latentSize()));
            }
            return g.sampleBatch(zs).join();
        }
    }

    /**
     * The short ways of the usual upsampling layer and of the first layer (a 1x1 input) against the general one, on
     * random numbers, with a bias.
     */
    private static void phases() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(3, 5, 4, 6));
            NDArray w = m.randomNormal(new Shape(5, 7, 4, 4));
            NDArray b = m.randomNormal(new Shape(7));
            TransposedConvolution op = new TransposedConvolution(4, 2, 1, 7, true);
            NDArray general = op.byZeros(x, w, b);
            NDArray phases = TransposedConvolution.byPhases(x, w, b);
            System.out.println("phases-shape " + phases.getShape().equals(general.getShape()));
            System.out.println("phases-difference " + phases.sub(general).abs().max().getFloat());
            // The generator's first layer: a 1x1 input, kernel 4, stride 1, no padding.
            NDArray pixel = m.randomNormal(new Shape(3, 5, 1, 1));
            TransposedConvolution first = new TransposedConvolution(4, 1, 0, 7, true);
            NDArray generalPixel = first.byZeros(pixel, w, b);
            NDArray product = TransposedConvolution.fromPixel(pixel, w, b);
            System.out.println("pixel-shape " + product.getShape().equals(generalPixel.getShape()));
            System.out.println("pixel-difference " + product.sub(generalPixel).abs().max().getFloat());
            float whole = x.mean().getFloat() * 3; // three images of equal size: the mean of their means
            float byImage = PortableOps.mean(x, false, 1, 2, 3).sum().getFloat();
            System.out.println("mean-shape " + PortableOps.mean(x, true, 1, 2, 3).getShape().equals(
                    new Shape(3, 1, 1, 1)));
            System.out.println("mean-difference " + Math.abs(whole - byImage));
        }
    }

    /** The tiny training runs, by name: both kinds of upsampling, and augmentation with EMA. */
    public static Map<String, Object[]> runs() {
        ModelConfig tiny = new ModelConfig(16, 1, 16, 8, 8, Normalization.BATCH_NORM);
        TrainConfig train = TrainConfig.defaults().withBatchSize(8).withSteps(6).withSeed(42);
        Map<String, Object[]> runs = new LinkedHashMap<>();
        for (Upsampling u : Upsampling.values()) {
            runs.put(u.cliName(), new Object[] {tiny.withUpsampling(u), train});
        }
        // Augmentation uses the operations DJL's PyTorch lacks (PortableOps); with EMA, the weight average too.
        runs.put("augmented", new Object[] {tiny, train.withAugment(Augment.DIFFAUGMENT)
                .withEmaDecay(0.99f)});
        return runs;
    }

    /** D and G loss of each of the 6 steps of run {@code name} of {@link #runs()}, trained straight. */
    public static double[] losses(String name) {
        Object[] run = runs().get(name);
        return losses(straight((ModelConfig) run[0], (TrainConfig) run[1], new float[1][]));
    }

    private static double[] losses(List<StepMetrics> steps) {
        double[] out = new double[2 * steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            out[2 * i] = steps.get(i).dLoss();
            out[2 * i + 1] = steps.get(i).gLoss();
        }
        return out;
    }

    private static List<StepMetrics> straight(ModelConfig model, TrainConfig train, float[][] samples) {
        List<StepMetrics> straight = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager();
             GanTrainer t = new GanTrainer(model, train, TestData.noise(20, 16, 1, 5), m)) {
            for (int i = 0; i < 6; i++) {
                straight.add(t.step());
            }
            samples[0] = t.sampleFixedNoise();
        }
        return straight;
    }

    private static void train() {
        for (var run : runs().entrySet()) {
            trainAndResume(run.getKey(), (ModelConfig) run.getValue()[0], (TrainConfig) run.getValue()[1]);
        }
    }

    /** 6 steps straight, and 2 steps, saved, then 4 more in fresh networks: the two must agree bit for bit. */
    private static void trainAndResume(String name, ModelConfig model, TrainConfig train) {
        ImageDataset data = TestData.noise(20, 16, 1, 5);
        float[][] samples = new float[1][];
        List<StepMetrics> straight = straight(model, train, samples);
        float[] straightSamples = samples[0];
        TrainerState saved;
        try (NDManager m = NDManager.newBaseManager(); GanTrainer t = new GanTrainer(model, train, data, m)) {
            t.step();
            t.step();
            saved = t.exportState();
        }
        List<StepMetrics> resumed = new ArrayList<>();
        float[] resumedSamples;
        try (NDManager m = NDManager.newBaseManager(); GanTrainer t = new GanTrainer(model, train, data, m)) {
            t.importState(saved);
            for (int i = 2; i < 6; i++) {
                resumed.add(t.step());
            }
            resumedSamples = t.sampleFixedNoise();
        }
        boolean finite = true;
        for (StepMetrics s : straight) {
            finite &= Double.isFinite(s.dLoss()) && Double.isFinite(s.gLoss());
        }
        for (float v : straightSamples) {
            finite &= Float.isFinite(v);
        }
        boolean exact = Arrays.equals(straightSamples, resumedSamples);
        for (int i = 0; i < resumed.size(); i++) {
            StepMetrics a = straight.get(i + 2);
            StepMetrics b = resumed.get(i);
            exact &= a.dLoss() == b.dLoss() && a.gLoss() == b.gLoss() && a.dReal() == b.dReal()
                    && a.dFake() == b.dFake();
        }
        System.out.println(name + "-finite " + finite);
        System.out.println(name + "-losses " + Arrays.toString(losses(straight)).replace(" ", "")
                .replace("[", "").replace("]", ""));
        System.out.println(name + "-resume-exact " + exact);
        System.out.println(name + "-d-loss-first " + straight.get(0).dLoss());
        System.out.println(name + "-d-loss-last " + straight.get(straight.size() - 1).dLoss());
    }

    public static void write(float[] values, Path file) throws IOException {
        try (OutputStream o = Files.newOutputStream(file); DataOutputStream d = new DataOutputStream(o)) {
            d.writeInt(values.length);
            for (float v : values) {
                d.writeFloat(v);
            }
        }
    }

    public static float[] read(Path file) throws IOException {
        try (InputStream i = Files.newInputStream(file); DataInputStream d = new DataInputStream(i)) {
            float[] values = new float[d.readInt()];
            for (int k = 0; k < values.length; k++) {
                values[k] = d.readFloat();
            }
            return values;
        }
    }
}
