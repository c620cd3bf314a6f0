package io.ganstudio.jobs;

import io.ganstudio.core.image.SampleGrid;
import io.ganstudio.core.latent.GeneratorRunner;
import io.ganstudio.core.latent.LatentBook;
import io.ganstudio.core.latent.Latents;
import io.ganstudio.core.latent.VectorArithmetic;
import io.ganstudio.core.run.LoadedCheckpoint;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Concept arithmetic (Radford et al. 2015, section 6.3) for the command line's {@code arithmetic} and Explore's
 * arithmetic panel: three concepts A, B, C, each the mean z of its examples, give A - B + C and a few neighbours of
 * it (small noise around the result, the same seeds in both front ends, so both show the same images), beside the
 * same sum done on the examples' pixels, which shows what the latent space adds over blending pictures.
 */
public final class ArithmeticJob {

    public static final int CONCEPTS = 3;
    public static final int NEIGHBOURS = 4;
    private static final long NEIGHBOUR_SEED = 7_000;

    /**
     * @param examples each concept's examples
     * @param zs       A, B, C (each concept's mean z), A - B + C, then its {@value #NEIGHBOURS} neighbours
     */
    public record Plan(List<List<float[]>> examples, List<float[]> zs) {

        /** {@link #zs()}, then every concept's examples in turn: what a front end renders for the whole result. */
        public List<float[]> allZs() {
            List<float[]> all = new ArrayList<>(zs);
            examples.forEach(all::addAll);
            return all;
        }
    }

    private ArithmeticJob() {
    }

    /** The means, their sum and its neighbours with noise of standard deviation {@code noise}. */
    public static Plan plan(List<List<float[]>> examples, float noise) {
        if (examples.size() != CONCEPTS) {
            throw new IllegalArgumentException(CONCEPTS + " concepts, not " + examples.size());
        }
        List<float[]> means = examples.stream().map(VectorArithmetic::mean).toList();
        float[] sum = VectorArithmetic.combine(means.get(0), means.get(1), means.get(2));
        List<float[]> zs = new ArrayList<>(means);
        zs.add(sum);
        for (int i = 0; i < NEIGHBOURS; i++) {
            zs.add(VectorArithmetic.neighbour(sum, noise, NEIGHBOUR_SEED + i));
        }
        List<List<float[]>> copies = examples.stream().map(List::copyOf).toList();
        return new Plan(copies, List.copyOf(zs));
    }

    /**
     * An example named on the command line: a seed (a whole number) or a bookmark in the run's latents.json
     * ({@code book} null when the run has none); empty when it is neither.
     */
    public static Optional<float[]> example(String name, LatentBook book, int latentSize) {
        String t = name.strip();
        if (t.matches("-?\\d+")) {
            return Optional.of(Latents.fromSeed(Long.parseLong(t), latentSize));
        }
        return book == null ? Optional.empty() : book.bookmarks().stream().filter(x -> x.name().equals(t))
                .findFirst().map(LatentBook.Bookmark::z);
    }

    /**
     * The picture the command line writes: top row the plan's images, bottom row each concept's mean image and
     * A - B + C on those pixels (clamped to [-1, 1]); blank cells are black.
     *
     * @param classIndex a conditional run's class for every image, or -1 for an unconditional run
     */
    public static SampleGrid picture(LoadedCheckpoint checkpoint, Plan plan, int classIndex) throws IOException {
        var model = checkpoint.config().model();
        int f = model.channels() * model.imageSize() * model.imageSize();
        int columns = plan.zs().size();
        float[] cells = new float[2 * columns * f];
        Arrays.fill(cells, -1f);
        try (GeneratorRunner g = GeneratorRunner.load(checkpoint)) {
            if (classIndex >= 0) {
                g.useClass(classIndex);
            }
            System.arraycopy(g.sampleBatch(plan.zs()).join(), 0, cells, 0, columns * f);
            // Pixel space: the mean image of each concept's examples, then A - B + C on pixels.
            float[][] meanPixels = new float[CONCEPTS][];
            for (int k = 0; k < CONCEPTS; k++) {
                List<float[]> concept = plan.examples().get(k);
                float[] images = g.sampleBatch(concept).join();
                float[] m = new float[f];
                for (int i = 0; i < concept.size(); i++) {
                    for (int p = 0; p < f; p++) {
                        m[p] += images[i * f + p] / concept.size();
                    }
                }
                meanPixels[k] = m;
                System.arraycopy(m, 0, cells, (columns + k) * f, f);
            }
            for (int p = 0; p < f; p++) {
                cells[(columns + CONCEPTS) * f + p] = Math.max(-1f, Math.min(1f,
                        meanPixels[0][p] - meanPixels[1][p] + meanPixels[2][p]));
            }
        }
        return SampleGrid.classRows(cells, 2, columns, model.channels(), model.imageSize(), List.of("z", "pixels"));
    }

    /**
     * The pixel row for ARGB images as a screen renders them: each concept's mean image and A - B + C on them,
     * channel by channel on 0-255 values, clamped.
     *
     * @param images the rendered examples, concept after concept (as in {@link Plan#allZs()} after the plan's zs)
     */
    public static List<int[]> pixelSum(List<int[]> images, List<List<float[]>> examples) {
        List<float[]> means = new ArrayList<>();
        int at = 0;
        for (List<float[]> concept : examples) {
            List<float[]> rgb = new ArrayList<>();
            for (int i = 0; i < concept.size(); i++) {
                rgb.add(toRgb(images.get(at++)));
            }
            means.add(VectorArithmetic.mean(rgb));
        }
        List<int[]> out = new ArrayList<>();
        for (float[] m : means) {
            out.add(toArgb(m));
        }
        out.add(toArgb(VectorArithmetic.combine(means.get(0), means.get(1), means.get(2))));
        return out;
    }

    private static float[] toRgb(int[] argb) {
        float[] v = new float[argb.length * 3];
        for (int i = 0; i < argb.length; i++) {
            v[3 * i] = (argb[i] >> 16) & 0xFF;
            v[3 * i + 1] = (argb[i] >> 8) & 0xFF;
            v[3 * i + 2] = argb[i] & 0xFF;
        }
        return v;
    }

    private static int[] toArgb(float[] rgb) {
        int[] out = new int[rgb.length / 3];
        for (int i = 0; i < out.length; i++) {
            out[i] = 0xFF000000 | clamp(rgb[3 * i]) << 16 | clamp(rgb[3 * i + 1]) << 8 | clamp(rgb[3 * i + 2]);
        }
        return out;
    }

    private static int clamp(float v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }
}
