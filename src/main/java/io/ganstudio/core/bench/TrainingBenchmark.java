package io.ganstudio.core.bench;

import ai.djl.ndarray.NDManager;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.engine.Autograd;
import io.ganstudio.core.engine.EngineReport;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.model.GanNetworks;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.ModelStats;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.random.Rng;
import io.ganstudio.core.train.Augment;
import io.ganstudio.core.train.GanTrainer;
import io.ganstudio.core.train.GeneratorAverage;
import io.ganstudio.core.train.TrainConfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * How fast this machine trains, in the terms a person can compare: images per second for full training steps
 * (D step + G step through {@link GanTrainer}, on random data so decoding is not measured), the GFLOP/s that
 * means, and how that compares with the machine's own convolution peak measured in the same process.
 */
public final class TrainingBenchmark {

    /** One model to time. */
    public record Case(String name, int imageSize, int channels, int width, int latent, int batch) {

        ModelConfig model() {
            return new ModelConfig(imageSize, channels, latent, width, width, Normalization.BATCH_NORM);
        }
    }

    /**
     * @param warmupSteps   untimed steps first (oneDNN picks its kernels and MXNet allocates on the first steps)
     * @param measuredSteps timed steps per case
     * @param latencyCalls  single-image generator calls timed for the latency figures (0: skip)
     * @param peakRuns      timed runs of the peak convolution, the best counts (0: skip)
     */
    public record Options(List<Case> cases, Case latencyCase, int warmupSteps, int measuredSteps, int latencyCalls,
                          int peakRuns, int peakBatch, int peakChannels, int peakSize) {

        /** The standard benchmark: DCGAN ngf=ndf=64, nz=100, batch 64 at 64x64 RGB, 32x32 RGB, 28x28 gray. */
        public static Options standard(int warmupSteps, int measuredSteps) {
            List<Case> cases = List.of(new Case("64x64 RGB", 64, 3, 64, 100, 64),
                    new Case("32x32 RGB", 32, 3, 64, 100, 64),
                    new Case("28x28 gray", 28, 1, 64, 100, 64));
            return new Options(cases, cases.get(0), warmupSteps, measuredSteps, 200, 5, 64, 256, 32);
        }
    }

    /**
     * Timings of one case. Step time is the median of the timed steps, so one step slowed by a neighbour's burst
     * does not move the figure; CPU seconds per step (all of this process's threads) show the work done, which
     * load from other processes changes much less than wall time. fractionOfPeak is NaN when the peak was not
     * measured. averageCpuShare is the generator weight average's update (CPU time, waited for) as a share of a
     * step's CPU time: the steps are timed without it and without augmentation, as the built-in data trains.
     */
    public record CaseResult(String name, int imageSize, int channels, int batch, int steps, double stepSeconds,
                             double imagesPerSecond, double cpuSecondsPerStep, double gflopPerStep,
                             double achievedGflops, double fractionOfPeak, double averageCpuShare) {
    }

    /** Generator latency for one image, in milliseconds. */
    public record Latency(String name, int calls, double p50Millis, double p99Millis) {
    }

    /** Everything measured, with what it ran on. */
    public record Result(String engine, int cores, int threads, double peakGflops, String peakShape,
                         List<CaseResult> cases, Latency latency) {
    }

    private TrainingBenchmark() {
    }

    /** Runs the benchmark on the calling thread (which then owns the engine's autograd state for its duration). */
    public static Result run(Options o, Consumer<String> progress) {
        // Autograd records only inside gradient collectors, whichever thread loaded the engine (PyTorch records on
        // every other thread by default): the latency figure is the generator's, not its graph's.
        Autograd.beginEngineThread();
        EngineReport engine = EngineSetup.init();
        try (NDManager root = NDManager.newBaseManager(EngineSetup.device())) {
            double peak = Double.NaN;
            String peakShape = "";
            if (o.peakRuns() > 0) {
                peakShape = String.format("3x3 conv %d->%d on %dx%dx%d", o.peakChannels(), o.peakChannels(),
                        o.peakBatch(), o.peakSize(), o.peakSize());
                progress.accept("measuring the convolution peak (" + peakShape + ")");
                peak = ConvolutionPeak.measure(root, o.peakBatch(), o.peakChannels(), o.peakSize(), o.peakRuns());
            }
            List<CaseResult> results = new ArrayList<>();
            for (Case c : o.cases()) {
                progress.accept("training " + c.name() + ", batch " + c.batch());
                results.add(timeCase(root, c, o.warmupSteps(), o.measuredSteps(), peak));
            }
            Latency latency = null;
            if (o.latencyCalls() > 0 && o.latencyCase() != null) {
                progress.accept("generator latency, one " + o.latencyCase().imageSize() + "px image");
                latency = timeLatency(root, o.latencyCase(), o.latencyCalls());
            }
            return new Result(engine.engine() + " " + engine.version(), engine.cores(), engine.threads(), peak,
                    peakShape, List.copyOf(results), latency);
        }
    }

    private static CaseResult timeCase(NDManager root, Case c, int warmup, int measured, double peak) {
        ModelConfig model = c.model();
        TrainConfig train = TrainConfig.defaults().withBatchSize(c.batch()).withSteps(warmup + measured)
                .withEmaDecay(0f).withAugment(Augment.OFF);
        try (GanTrainer trainer = new GanTrainer(model, train, randomImages(c), root);
             GeneratorAverage average = new GeneratorAverage(trainer.networks(), TrainConfig.SUGGESTED_EMA_DECAY)) {
            for (int i = 0; i < warmup; i++) {
                trainer.step();
            }
            // Each step ends by reading its losses, which waits for the engine: wall time is the real step time.
            double[] seconds = new double[measured];
            long cpu0 = ProcessCpu.nanos();
            for (int i = 0; i < measured; i++) {
                long t0 = System.nanoTime();
                trainer.step();
                seconds[i] = (System.nanoTime() - t0) / 1e9;
            }
            double cpuPerStep = (ProcessCpu.nanos() - cpu0) / 1e9 / measured;
            long cpu1 = ProcessCpu.nanos();
            int updates = Math.max(10, 4 * measured);
            for (int i = 0; i < updates; i++) {
                average.update(warmup + measured + i);
                Autograd.waitAll();
            }
            double averageShare = (ProcessCpu.nanos() - cpu1) / 1e9 / updates / cpuPerStep;
            Arrays.sort(seconds);
            double stepSeconds = percentile(seconds, 0.5);
            double gflop = ModelStats.of(model).stepFlops(c.batch(), 1) / 1e9;
            double achieved = gflop / stepSeconds;
            return new CaseResult(c.name(), c.imageSize(), c.channels(), c.batch(), measured, stepSeconds,
                    c.batch() / stepSeconds, cpuPerStep, gflop, achieved, achieved / peak, averageShare);
        }
    }

    private static Latency timeLatency(NDManager root, Case c, int calls) {
        try (GanNetworks networks = new GanNetworks(c.model(), root, 1L)) {
            float[] z = new float[c.latent()];
            Rng.derive(1L, 9).fillGaussian(z, 0f, 1f);
            for (int i = 0; i < Math.min(10, calls); i++) {
                networks.sample(z, 1);
            }
            double[] millis = new double[calls];
            for (int i = 0; i < calls; i++) {
                long t0 = System.nanoTime();
                networks.sample(z, 1);
                millis[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(millis);
            return new Latency(c.name(), calls, percentile(millis, 0.50), percentile(millis, 0.99));
        }
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static ImageDataset randomImages(Case c) {
        int count = Math.max(256, c.batch() * 4);
        byte[] pixels = new byte[count * c.channels() * c.imageSize() * c.imageSize()];
        new Random(7).nextBytes(pixels);
        return new ImageDataset(count, c.imageSize(), c.channels(), pixels, null, List.of());
    }
}
