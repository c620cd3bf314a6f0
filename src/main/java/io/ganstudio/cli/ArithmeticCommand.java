package io.ganstudio.cli;

import io.ganstudio.core.latent.GeneratorRunner;

import io.ganstudio.core.latent.LatentBook;
import io.ganstudio.core.latent.Latents;
import io.ganstudio.core.latent.VectorArithmetic;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.image.SampleGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** A - B + C in latent space, beside the same sum on pixels. */
@Command(name = "arithmetic", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Vector arithmetic: each concept is the mean z of its examples (bookmark names from the run's "
                + "latents.json, or seeds); writes one PNG: top row A, B, C, A - B + C and four neighbours of it "
                + "(small noise around the result); bottom row the same sum done on the examples' pixels.")
final class ArithmeticCommand implements Callable<Integer> {

    private static final int NEIGHBOURS = 4;

    @Spec
    CommandSpec spec;

    @Option(names = "--run", paramLabel = "RUN", required = true, description = "The run folder.")
    Path run;

    @Option(names = "--a", paramLabel = "X,Y,Z", split = ",", required = true,
            description = "Examples of concept A: bookmark names or seeds (three or more is steadier).")
    List<String> a;

    @Option(names = "--b", paramLabel = "X,Y,Z", split = ",", required = true, description = "Examples of B.")
    List<String> b;

    @Option(names = "--c", paramLabel = "X,Y,Z", split = ",", required = true, description = "Examples of C.")
    List<String> c;

    @Option(names = "--noise", paramLabel = "S", defaultValue = "0.25",
            description = "Scale of the neighbours' noise. Default: ${DEFAULT-VALUE}.")
    float noise;

    @Option(names = "--class", paramLabel = "NAME|INDEX", description = "A conditional run's class for every "
            + "image (needed for a conditional run).")
    String className;

    @Option(names = "--out", paramLabel = "FILE.png", defaultValue = "arithmetic.png",
            description = "The picture: a .png, .jpg or .jpeg file, replaced only with --force when it exists. "
                    + "Default: ${DEFAULT-VALUE}.")
    Path out;

    @Mixin
    Outputs.Force force;

    @Override
    public Integer call() throws Exception {
        Ranges.check("--noise", noise, 0, 10);
        Outputs.image("--out", out, force.force);
        RunFolder folder = RunFolders.open(run);
        ModelConfig model = folder.config().model();
        LatentBook book = Files.exists(run.resolve(LatentBook.FILE))
                ? LatentBook.open(run, model.latentSize()) : null;
        List<List<float[]>> concepts = List.of(examples("--a", a, book, model), examples("--b", b, book, model),
                examples("--c", c, book, model));
        List<float[]> means = concepts.stream().map(VectorArithmetic::mean).toList();
        float[] result = VectorArithmetic.combine(means.get(0), means.get(1), means.get(2));
        List<float[]> top = new ArrayList<>(means);
        top.add(result);
        for (int i = 0; i < NEIGHBOURS; i++) {
            top.add(VectorArithmetic.neighbour(result, noise, 7_000 + i));
        }
        var checkpoint = RunFolders.latestGenerator(run, spec.commandLine().getErr());
        int f = model.channels() * model.imageSize() * model.imageSize();
        int columns = top.size();
        float[] cells = new float[2 * columns * f];
        java.util.Arrays.fill(cells, -1f);
        if (model.classCount() > 0 && className == null) {
            throw new UsageError("this run is conditional: give --class NAME|INDEX, one of "
                    + String.join(", ", model.classes()));
        }
        try (GeneratorRunner g = GeneratorRunner.load(checkpoint)) {
            if (className != null) {
                g.useClass(ClassChoice.index(model, className));
            }
            System.arraycopy(g.sampleBatch(top).join(), 0, cells, 0, columns * f);
            // Pixel space: the mean image of each concept's examples, then A - B + C on pixels.
            float[][] meanPixels = new float[3][];
            for (int k = 0; k < 3; k++) {
                float[] images = g.sampleBatch(concepts.get(k)).join();
                float[] m = new float[f];
                for (int i = 0; i < concepts.get(k).size(); i++) {
                    for (int p = 0; p < f; p++) {
                        m[p] += images[i * f + p] / concepts.get(k).size();
                    }
                }
                meanPixels[k] = m;
                System.arraycopy(m, 0, cells, (columns + k) * f, f);
            }
            for (int p = 0; p < f; p++) {
                cells[(columns + 3) * f + p] = Math.max(-1f, Math.min(1f,
                        meanPixels[0][p] - meanPixels[1][p] + meanPixels[2][p]));
            }
        }
        SampleGrid grid = SampleGrid.classRows(cells, 2, columns, model.channels(), model.imageSize(),
                List.of("z", "pixels"));
        grid.writeImage(out);
        spec.commandLine().getOut().println("wrote " + out.toAbsolutePath() + " (top: A, B, C, A - B + C and "
                + NEIGHBOURS + " neighbours; bottom: A, B, C, A - B + C on pixels)");
        return Cli.OK;
    }

    private static List<float[]> examples(String option, List<String> names, LatentBook book, ModelConfig model) {
        List<float[]> out = new ArrayList<>();
        for (String n : names) {
            String t = n.strip();
            if (t.matches("-?\\d+")) {
                out.add(Latents.fromSeed(Long.parseLong(t), model.latentSize()));
                continue;
            }
            LatentBook.Bookmark found = book == null ? null : book.bookmarks().stream()
                    .filter(x -> x.name().equals(t)).findFirst().orElse(null);
            if (found == null) {
                throw new UsageError(option + ": \"" + t + "\" is neither a seed nor a bookmark in "
                        + run(book) + "; keep one with project --bookmark NAME");
            }
            out.add(found.z());
        }
        return out;
    }

    private static String run(LatentBook book) {
        return book == null ? "the run (it has no latents.json yet)" : "its latents.json";
    }
}
