package io.ganstudio.cli;

import io.ganstudio.core.engine.EngineChoice;
import io.ganstudio.core.image.ImageFormats;
import io.ganstudio.core.image.SampleGrid;
import io.ganstudio.core.latent.GeneratorRunner;
import io.ganstudio.core.latent.Latents;
import io.ganstudio.core.run.LoadedCheckpoint;
import io.ganstudio.core.run.OutputCheck;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Writes images from a trained generator: separate PNGs, or one grid. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Generate images from a trained generator. Image i uses seed SEED+i, so the same seed and "
                + "checkpoint give the same images.")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    GeneratorSource source;

    @Option(names = "-n", paramLabel = "N", defaultValue = "16",
            description = "How many images. Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--grid", description = "Write one grid of the N images (PNG or JPEG, as --out's extension "
            + "says) instead of N files.")
    boolean grid;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the first image's noise vector. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--truncation", paramLabel = "PSI", defaultValue = "1", description = "Scale the noise by PSI "
            + "(0 < PSI <= 1): lower gives more typical, less varied images. Default: ${DEFAULT-VALUE} (off).")
    float truncation;

    @Option(names = "--class", paramLabel = "NAME|INDEX", description = "A conditional run's class for every "
            + "image: its name (any case) or number from 0. Default: the classes in turn.")
    String className;

    @Option(names = "--out", paramLabel = "DIR|FILE.png", description = "A folder for the images "
            + "(image-SEED.png), or a .png, .jpg or .jpeg file for --grid. Existing files are replaced only with "
            + "--force, and never a run folder's own files. Default: generated/ or generated.png.")
    Path out;

    @Mixin
    Outputs.Force force;

    @Mixin
    EngineOption engine = new EngineOption();

    @Override
    public Integer call() throws Exception {
        if (count < 1 || count > 10_000) {
            throw new UsageError("-n must be between 1 and 10000, not " + count);
        }
        if (!(truncation > 0f && truncation <= 1f)) {
            throw new UsageError("--truncation must be above 0 and at most 1, not " + truncation);
        }
        boolean pngTarget = out != null && ImageFormats.formatOf(out) != null;
        if (pngTarget && !grid && count > 1) {
            throw new UsageError("--out " + out + " is one file: add --grid, or name a folder for " + count
                    + " images");
        }
        if (grid || pngTarget) {
            Outputs.image("--out", out != null ? out : Path.of("generated.png"), force.force);
        } else {
            List<String> names = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                names.add("image-" + (seed + i) + ".png");
            }
            Outputs.files("--out", out != null ? out : Path.of("generated"), names, OutputCheck.Kind.IMAGE,
                    force.force);
        }
        LoadedCheckpoint checkpoint = source.load(spec.commandLine().getErr());
        engine.start(EngineChoice.AUTO);
        PrintWriter o = spec.commandLine().getOut();
        try (GeneratorRunner generator = GeneratorRunner.load(checkpoint)) {
            if (className != null) {
                generator.useClass(ClassChoice.index(generator.model(), className));
            }
            List<float[]> latents = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                latents.add(Latents.truncate(Latents.fromSeed(seed + i, generator.latentSize()), truncation));
            }
            if (grid || pngTarget) {
                Path file = out != null ? out : Path.of("generated.png");
                SampleGrid g = SampleGrid.of(generator.sampleBatch(latents).join(), count, generator.channels(),
                        generator.imageSize());
                g.writeImage(file);
                o.println("wrote " + count + " images as a grid: " + file.toAbsolutePath());
            } else {
                Path dir = out != null ? out : Path.of("generated");
                List<int[]> images = generator.renderBatch(latents).join();
                int size = generator.imageSize();
                for (int i = 0; i < count; i++) {
                    SampleGrid.writePng(images.get(i), size, size, dir.resolve("image-" + (seed + i) + ".png"));
                }
                o.println("wrote " + count + " images to " + dir.toAbsolutePath());
            }
        }
        o.println("from checkpoint " + checkpoint.file() + " (step " + checkpoint.state().step() + ")");
        return Cli.OK;
    }
}
