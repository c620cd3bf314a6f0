package io.ganstudio.jobs;

import io.ganstudio.core.anomaly.EncoderFile;
import io.ganstudio.core.anomaly.EncoderFit;
import io.ganstudio.core.anomaly.FolderInspection;
import io.ganstudio.core.anomaly.Inspection;
import io.ganstudio.core.anomaly.Inspector;
import io.ganstudio.core.anomaly.LabelledMetrics;
import io.ganstudio.core.anomaly.PixelNearest;
import io.ganstudio.core.anomaly.ScoreMethod;
import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.data.DatasetLoader;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.data.LoadOptions;
import io.ganstudio.core.files.AtomicFiles;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.train.TrainConfig;
import io.ganstudio.session.SessionEvent;
import io.ganstudio.session.TrainingSession;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The standard one-class protocol on Fashion-MNIST, one class at a time: train the GAN on the training images of
 * class c only, fit the encoder on them, score the 10,000 built-in test images, anomalous = not class c. Test labels
 * are used for nothing but the final AUROC. The pixel-nearest-neighbour baseline is measured on the same split.
 */
public final class OneClassProtocol {

    /**
     * @param trainImages the 60,000-image training set (IDX, its labels file beside it)
     * @param ganSteps    GAN training steps (batch 64)
     * @param encoderSteps encoder steps (batch 32)
     */
    public record Settings(Path trainImages, long ganSteps, int encoderSteps, long seed, boolean reuse) {
        public Settings(Path trainImages, long ganSteps, int encoderSteps, long seed) {
            this(trainImages, ganSteps, encoderSteps, seed, false);
        }
    }

    /**
     * One class's figures.
     *
     * @param aurocs         every score method's AUROC, indexed by {@link ScoreMethod#ordinal()}
     * @param ganSeconds     NaN when an earlier run's GAN was reused
     * @param encoderSeconds the inspection model's fit (encoder and feature statistics)
     * @param encoderReused  whether an earlier fit's encoder to the same checkpoint was reused
     */
    public record Result(int normalClass, String className, int trainImages, double[] aurocs, double baselineAuroc,
                         double ganSeconds, double encoderSeconds, double scoreSeconds, int testImages,
                         boolean encoderReused) {

        /** The default method's AUROC. */
        public double ganAuroc() {
            return aurocs[ScoreMethod.DEFAULT.ordinal()];
        }

        public double auroc(ScoreMethod m) {
            return aurocs[m.ordinal()];
        }
    }

    /** What the protocol reports while it works, class by class; every method may be left empty. */
    public interface Progress {
        /** The class's training images were written as an IDX file. */
        default void subsetWritten(int normalClass, int images, Path idx) {
        }

        default void ganTrained(int normalClass, long steps, double seconds) {
        }

        /** The class's run from an earlier protocol had its final checkpoint, and is used as it is. */
        default void ganReused(int normalClass, Path runDir) {
        }

        default void encoderFitted(int normalClass, int steps, double seconds) {
        }

        /** One class is measured (the next one starts after this returns). */
        default void classDone(Result result) {
        }
    }

    private OneClassProtocol() {
    }

    /** Every chosen class in turn, each into {@code outDir/class-C}. */
    public static List<Result> runAll(List<Integer> classes, Settings s, Path outDir, Progress progress)
            throws IOException, InterruptedException, DatasetException {
        List<Result> results = new ArrayList<>();
        for (int c : classes) {
            Result r = run(c, s, outDir, progress);
            results.add(r);
            progress.classDone(r);
        }
        return results;
    }

    /** One class: the GAN and the encoder on its training images, then the AUROC on the built-in test images. */
    public static Result run(int c, Settings s, Path outDir, Progress progress)
            throws IOException, InterruptedException, DatasetException {
        ImageDataset all = DatasetLoader.load(DataSpec.idx(s.trainImages().toString()), 28,
                LoadOptions.defaults(), null).dataset();
        if (!all.hasLabels()) {
            throw new DatasetException("the training set at " + s.trainImages() + " has no labels file beside it");
        }
        ImageDataset normal = subset(all, c);
        Path classDir = outDir.resolve("class-" + c);
        Path idx = classDir.resolve("train-class" + c + "-images-idx3-ubyte");
        writeIdx(idx, normal);
        progress.subsetWritten(c, normal.count(), idx);

        ModelConfig model = ModelConfig.dcgan(28, 1);
        TrainConfig train = TrainConfig.defaults().withSteps(s.ganSteps()).withSeed(s.seed());
        GanConfig config = new GanConfig(DataSpec.idx(idx.toAbsolutePath().toString()), model, train);
        Path runDir = classDir.resolve("run");
        Path finalCheckpoint = runDir.resolve("checkpoints").resolve(Checkpoints.fileName(s.ganSteps()));
        double ganSeconds = Double.NaN;
        if (s.reuse() && Files.isRegularFile(finalCheckpoint)) {
            progress.ganReused(c, runDir);
        } else {
            long t0 = System.nanoTime();
            AtomicReference<SessionEvent.Failed> failed = new AtomicReference<>();
            try (TrainingSession session = TrainingSession.newRun(config, runDir, null, e -> {
                if (e instanceof SessionEvent.Failed f) {
                    failed.set(f);
                }
            })) {
                session.start();
                session.awaitEnd(Long.MAX_VALUE, TimeUnit.DAYS);
            }
            if (failed.get() != null) {
                throw new IOException("training the GAN failed: " + failed.get().message());
            }
            ganSeconds = (System.nanoTime() - t0) / 1e9;
            progress.ganTrained(c, s.ganSteps(), ganSeconds);
        }

        RunFolder run = RunFolder.open(runDir);
        EncoderFile earlier = null;
        if (s.reuse() && Files.isRegularFile(EncoderFile.path(runDir))) {
            EncoderFile e = EncoderFile.read(runDir);
            if (e.header().ganStep() == s.ganSteps() && e.header().steps() == s.encoderSteps()) {
                earlier = e;
            }
        }
        long t1 = System.nanoTime();
        EncoderFit.fit(run, normal, EncoderFit.Settings.defaults().withSteps(s.encoderSteps()), earlier, null,
                () -> false);
        double encoderSeconds = (System.nanoTime() - t1) / 1e9;
        progress.encoderFitted(c, s.encoderSteps(), encoderSeconds);

        ImageDataset test = DatasetLoader.load(DataSpec.builtIn(), 28, LoadOptions.defaults(), null).dataset();
        long t2 = System.nanoTime();
        int methods = ScoreMethod.values().length;
        double[][] scores = new double[methods][test.count()];
        double[] nearest = new double[test.count()];
        boolean[] anomalous = new boolean[test.count()];
        try (Inspector inspector = Inspector.open(run); PixelNearest baseline = new PixelNearest(normal, s.seed())) {
            int v = test.imageBytes();
            for (int from = 0; from < test.count(); from += FolderInspection.CHUNK) {
                int n = Math.min(FolderInspection.CHUNK, test.count() - from);
                int[] idxs = new int[n];
                final int start = from;
                Arrays.setAll(idxs, i -> start + i);
                float[] batch = new float[n * v];
                test.fillBatch(idxs, batch);
                List<float[]> images = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    images.add(Arrays.copyOfRange(batch, i * v, (i + 1) * v));
                }
                List<Inspection> r = inspector.inspect(images);
                double[] d = baseline.distances(images);
                for (int i = 0; i < n; i++) {
                    for (ScoreMethod m : ScoreMethod.values()) {
                        scores[m.ordinal()][from + i] = r.get(i).score(m);
                    }
                    nearest[from + i] = d[i];
                    anomalous[from + i] = test.label(from + i) != c;
                }
            }
        }
        double scoreSeconds = (System.nanoTime() - t2) / 1e9;
        double[] aurocs = new double[methods];
        for (int m = 0; m < methods; m++) {
            aurocs[m] = LabelledMetrics.of(scores[m], anomalous, Double.POSITIVE_INFINITY).auroc();
        }
        double base = LabelledMetrics.of(nearest, anomalous, Double.POSITIVE_INFINITY).auroc();
        return new Result(c, test.classNames().get(c), normal.count(), aurocs, base, ganSeconds, encoderSeconds,
                scoreSeconds, test.count(), earlier != null);
    }

    /** The images of class c (the label numbers of the IDX file). */
    static ImageDataset subset(ImageDataset all, int c) throws DatasetException {
        String name = className(all, c);
        int v = all.imageBytes();
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < all.count(); i++) {
            if (all.classNames().get(all.label(i)).equals(name)) {
                keep.add(i);
            }
        }
        if (keep.isEmpty()) {
            throw new DatasetException("the training set has no images of class " + c);
        }
        byte[] px = new byte[keep.size() * v];
        for (int k = 0; k < keep.size(); k++) {
            System.arraycopy(all.pixels(), keep.get(k) * v, px, k * v, v);
        }
        return new ImageDataset(keep.size(), all.imageSize(), all.channels(), px, null, List.of());
    }

    private static String className(ImageDataset all, int c) throws DatasetException {
        String name = String.valueOf(c);
        if (!all.classNames().contains(name)) {
            throw new DatasetException("class " + c + " is not in the training set's labels " + all.classNames());
        }
        return name;
    }

    /** An IDX images file (magic 0x00000803, count, rows, columns, then the bytes), written atomically. */
    static void writeIdx(Path file, ImageDataset d) throws IOException {
        if (d.channels() != 1) {
            throw new IllegalArgumentException("IDX files hold grey images");
        }
        AtomicFiles.write(file, out -> {
            DataOutputStream data = new DataOutputStream(out);
            data.writeInt(0x00000803);
            data.writeInt(d.count());
            data.writeInt(d.imageSize());
            data.writeInt(d.imageSize());
            data.write(d.pixels());
            data.flush();
        });
    }
}
