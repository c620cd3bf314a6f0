package io.ganstudio.jobs;

import io.ganstudio.core.image.SampleGrid;
import io.ganstudio.core.latent.ClassDirections;
import io.ganstudio.core.latent.Directions;
import io.ganstudio.core.latent.GeneratorRunner;
import io.ganstudio.core.latent.LatentBook;
import io.ganstudio.core.latent.Latents;
import io.ganstudio.core.quality.ClassDirectionFit;
import io.ganstudio.core.run.LoadedCheckpoint;
import io.ganstudio.core.run.RunFolder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * Directions in z for the command line's {@code directions} and Explore's sliders. Principal directions
 * (GANSpace-style, see {@link Directions}) run on the generator's own engine thread, one request at a time, and
 * {@link Directions} finishes each chunk before the next starts: MXNet's oneDNN rewrites a deconvolution's weights
 * in place, so two chunks at once would fail or read half-rewritten weights. Class directions (InterFaceGAN, see {@link ClassDirectionFit}) are fitted on a
 * run's samples labelled by a classifier and kept in the run's latents.json, where both front ends find them again.
 */
public final class DirectionsJob {

    /** Samples for principal directions: steady directions in a few seconds on a CPU. */
    public static final int PRINCIPAL_SAMPLES = 1000;
    /** A fixed seed, so a run shows the same principal directions every time it is opened. */
    public static final long PRINCIPAL_SEED = 1L;
    /** Samples drawn to fit class directions (the command line's default and the studio's). */
    public static final int CLASS_SAMPLES = 4000;
    /** A figure's cells are scaled up this many times. */
    public static final int FIGURE_SCALE = 3;

    /** A run's kept class directions, and whether its images can have classes at all. */
    public record Kept(List<LatentBook.Direction> classDirections, boolean classesPossible) {
    }

    private DirectionsJob() {
    }

    /** Unit principal directions in z by decreasing explained variance, computed on {@code generator}'s thread. */
    public static CompletableFuture<List<float[]>> principal(GeneratorRunner generator, int count) {
        return generator.directions(count, PRINCIPAL_SAMPLES, PRINCIPAL_SEED)
                .thenApply(ds -> ds.stream().map(Directions.Direction::z).toList());
    }

    /** The class directions a run keeps (those with an accuracy: fitted, not named principal ones). */
    public static Kept kept(Path run, int latentSize) throws IOException {
        List<LatentBook.Direction> ds = LatentBook.open(run, latentSize).directions().stream()
                .filter(d -> d.accuracy() != null).toList();
        return new Kept(ds, RunClasses.possible(RunFolder.open(run).config()));
    }

    /**
     * Fits class directions on a run folder's or checkpoint's generator and keeps them in its run's latents.json.
     *
     * @throws RunNotUsableException when the path belongs to no run folder (there is no latents.json to keep them in)
     */
    public static ClassDirectionFit.Report findClassDirections(Path runOrCheckpoint, ClassDirectionFit.Settings
            settings, ClassDirectionFit.Progress progress, BooleanSupplier cancelled) throws Exception {
        Path run = GeneratorLoader.runOf(runOrCheckpoint);
        if (run == null) {
            throw new RunNotUsableException(RunNotUsableException.Problem.NOT_A_RUN, runOrCheckpoint.getParent()
                    == null ? runOrCheckpoint : runOrCheckpoint.getParent(), null);
        }
        return findClassDirections(run, GeneratorLoader.generator(runOrCheckpoint), settings, progress, cancelled);
    }

    /** Like {@link #findClassDirections(Path, ClassDirectionFit.Settings, ClassDirectionFit.Progress,
     * BooleanSupplier)} with the checkpoint already loaded. */
    public static ClassDirectionFit.Report findClassDirections(Path run, LoadedCheckpoint checkpoint,
                                                               ClassDirectionFit.Settings settings,
                                                               ClassDirectionFit.Progress progress,
                                                               BooleanSupplier cancelled) throws Exception {
        return ClassDirectionFit.run(run, checkpoint, settings, progress, cancelled);
    }

    /** A report's directions as the run's latents.json keeps them (name, unit normal, balanced accuracy). */
    public static List<LatentBook.Direction> asKept(ClassDirectionFit.Report report) {
        List<LatentBook.Direction> ds = new ArrayList<>();
        for (ClassDirections.Fitted d : report.result().directions()) {
            ds.add(new LatentBook.Direction(d.name(), d.normal(), d.balancedAccuracy()));
        }
        return ds;
    }

    /**
     * A picture of the directions: one row per direction, the z of {@code seed} moved along it by each of
     * {@link ClassDirectionFit#EFFECT_STEPS} standard deviations, scaled up {@value #FIGURE_SCALE}x; written to
     * {@code file} (PNG or JPEG by its name).
     */
    public static void writeFigure(LoadedCheckpoint checkpoint, ClassDirections.Result r, long seed, Path file)
            throws IOException {
        double[] steps = ClassDirectionFit.EFFECT_STEPS;
        try (GeneratorRunner generator = GeneratorRunner.load(checkpoint)) {
            float[] z = Latents.fromSeed(seed, generator.latentSize());
            List<float[]> zs = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (ClassDirections.Fitted d : r.directions()) {
                names.add(d.name());
                for (double s : steps) {
                    zs.add(Latents.shift(z, d.normal(), (float) s));
                }
            }
            float[] pixels = generator.sampleBatch(zs).join();
            SampleGrid grid = SampleGrid.classRows(pixels, names.size(), steps.length, generator.channels(),
                    generator.imageSize(), names);
            int scale = FIGURE_SCALE;
            int w = grid.width() * scale;
            int h = grid.height() * scale;
            int[] big = new int[w * h];
            int[] small = grid.argb();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    big[y * w + x] = small[(y / scale) * grid.width() + x / scale];
                }
            }
            SampleGrid.writeImage(big, w, h, file);
        }
    }
}
