package io.ganstudio.core.anomaly;

import ai.djl.ndarray.NDManager;
import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.data.DatasetLoader;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.data.LoadOptions;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.train.GanTrainer;
import io.ganstudio.core.train.TrainConfig;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/** A tiny trained run on "normal" images (dark, faint noise, a soft grey blob) for the anomaly tests. */
public final class TinyRuns {

    public static final int SIZE = 16;

    private TinyRuns() {
    }

    /** Normal image i: dark background with faint noise and a dim blob near the centre. */
    public static byte[] normalImage(Random r) {
        byte[] px = new byte[SIZE * SIZE];
        int cx = 6 + r.nextInt(4);
        int cy = 6 + r.nextInt(4);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                int v = (int) (20 + 80 * Math.exp(-d2 / 8.0) + r.nextInt(10));
                px[y * SIZE + x] = (byte) v;
            }
        }
        return px;
    }

    /** The same image with a bright square pasted at (x0, y0), side 4. */
    public static byte[] withSquare(byte[] image, int x0, int y0) {
        byte[] out = image.clone();
        for (int y = y0; y < y0 + 4; y++) {
            for (int x = x0; x < x0 + 4; x++) {
                out[y * SIZE + x] = (byte) 250;
            }
        }
        return out;
    }

    public static ImageDataset normalSet(int count, long seed) {
        Random r = new Random(seed);
        byte[] px = new byte[count * SIZE * SIZE];
        for (int i = 0; i < count; i++) {
            System.arraycopy(normalImage(r), 0, px, i * SIZE * SIZE, SIZE * SIZE);
        }
        return new ImageDataset(count, SIZE, 1, px, null, List.of());
    }

    /** Writes a grey image as a PNG. */
    public static void writePng(byte[] image, Path file) throws IOException {
        BufferedImage img = new BufferedImage(SIZE, SIZE,
                BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setDataElements(0, 0, SIZE, SIZE, image);
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    public static float[] toFloats(byte[] image) {
        float[] out = new float[image.length];
        for (int i = 0; i < image.length; i++) {
            out[i] = (image[i] & 0xFF) * (2f / 255f) - 1f;
        }
        return out;
    }

    public static Normalization norm = Normalization.BATCH_NORM;

    public static ModelConfig model() {
        return new ModelConfig(SIZE, 1, 8, 8, 8, norm);
    }

    private static Path shared;

    /**
     * A copy of one run trained once per test JVM (200 steps on 150 normal images written as PNGs, so the run's data
     * folder loads like a user's): tests that fit encoders write into their own copy.
     *
     * @return the copied run folder inside {@code dir}
     */
    public static synchronized Path sharedRunCopy(Path dir) throws IOException {
        if (shared == null) {
            Path root = Files.createTempDirectory("tiny-anomaly-run");
            Path normal = root.resolve("normal");
            Random r = new Random(1);
            for (int i = 0; i < 150; i++) {
                writePng(normalImage(r), normal.resolve(String.format("n%03d.png", i)));
            }
            ImageDataset data;
            try {
                data = DatasetLoader.load(DataSpec.folder(normal.toString()), SIZE,
                        LoadOptions.defaults(), null).dataset();
            } catch (DatasetException e) {
                throw new IOException(e);
            }
            shared = train(root.resolve("run"), data, 200, DataSpec.folder(normal.toString())).dir();
        }
        Path copy = dir.resolve("run");
        try (var files = Files.walk(shared)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(shared.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return copy;
    }

    /** The normal images of the shared run, as loaded from its folder. */
    public static ImageDataset sharedData(Path runCopy) throws IOException {
        try {
            return RunData.load(RunFolder.open(runCopy), null, () -> false);
        } catch (DatasetException e) {
            throw new IOException(e);
        }
    }

    /** Trains {@code steps} GAN steps on {@code data} into a new run folder with one checkpoint. */
    public static RunFolder train(Path dir, ImageDataset data, int steps) throws IOException {
        return train(dir, data, steps, DataSpec.folder(dir.resolve("unused").toString()));
    }

    /** Like {@link #train(Path, ImageDataset, int)}, recording {@code spec} as the run's data. */
    public static RunFolder train(Path dir, ImageDataset data, int steps, DataSpec spec) throws IOException {
        return train(dir, data, steps, spec, model());
    }

    /** Like {@link #train(Path, ImageDataset, int, DataSpec)} with another model (its image size is the data's). */
    public static RunFolder train(Path dir, ImageDataset data, int steps, DataSpec spec, ModelConfig model)
            throws IOException {
        EngineSetup.init();
        TrainConfig t = TrainConfig.defaults().withSteps(steps);
        t = new TrainConfig(t.loss(), t.labelSmoothing(), new TrainConfig.AdamSettings(1e-3f, 0.5f, 0.999f),
                new TrainConfig.AdamSettings(1e-3f, 0.5f, 0.999f), 1, 16, 7L, steps, 1000, 1000, 3, 16);
        GanConfig config = new GanConfig(spec, model, t);
        RunFolder run = RunFolder.create(dir, config);
        try (NDManager m = NDManager.newBaseManager();
             GanTrainer trainer = new GanTrainer(model, t, data, m)) {
            for (int i = 0; i < steps; i++) {
                trainer.step();
            }
            run.writeCheckpoint(trainer.exportState());
        }
        return run;
    }
}
