package io.ganstudio.cli;

import io.ganstudio.core.engine.EngineChoice;
import io.ganstudio.core.image.GifWriter;
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

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** A walk through latent space between seeds, as an animated GIF or PNG frames. */
@Command(name = "interpolate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Walk from one noise vector to another (or through several keyframes) and render each step.",
                "For a conditional run, --from-class A --to-class B walks from class A to class B at one fixed z "
                        + "(the z of seed --from), blending the two classes' embeddings in a straight line."})
final class InterpolateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    GeneratorSource source;

    @Option(names = "--from", paramLabel = "SEED", defaultValue = "0",
            description = "Seed of the start vector. Default: ${DEFAULT-VALUE}.")
    long from;

    @Option(names = "--to", paramLabel = "SEED", defaultValue = "1",
            description = "Seed of the end vector. Default: ${DEFAULT-VALUE}.")
    long to;

    @Option(names = "--seeds", paramLabel = "A,B,C", split = ",", description = "Keyframe seeds to pass through "
            + "in order, instead of --from/--to.")
    List<Long> seeds;

    @Option(names = "--from-class", paramLabel = "CLASS", description = "A conditional run's class to start "
            + "from (name or number), with --to-class: the walk changes the class, not z.")
    String fromClass;

    @Option(names = "--to-class", paramLabel = "CLASS", description = "The class to end at (with --from-class).")
    String toClass;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "32",
            description = "Frames between two keyframes. Default: ${DEFAULT-VALUE}.")
    int frames;

    @ArgGroup(exclusive = true)
    Method method = new Method();

    static final class Method {
        @Option(names = "--slerp", description = "Spherical interpolation (the default): keeps vectors at a "
                + "typical length, so middle frames do not fade.")
        boolean slerp;

        @Option(names = "--lerp", description = "Straight-line interpolation.")
        boolean lerp;
    }

    @Option(names = "--gif", paramLabel = "FILE.gif", description = "Write an animated GIF (a name ending in .gif).")
    Path gif;

    @Option(names = "--out", paramLabel = "DIR", description = "Write PNG frames (frame-0000.png...) to DIR. "
            + "Default when neither --gif nor --out is given: interpolation.gif. Existing files are replaced only "
            + "with --force, and never a run folder's own files.")
    Path out;

    @Mixin
    EngineOption engine = new EngineOption();

    @Mixin
    Outputs.Force force;

    @Option(names = "--fps", paramLabel = "N", defaultValue = "12",
            description = "GIF frames per second. Default: ${DEFAULT-VALUE}.")
    int fps;

    @Override
    public Integer call() throws Exception {
        List<Long> keys = seeds != null ? seeds : List.of(from, to);
        if (keys.size() < 2) {
            throw new UsageError("--seeds needs at least two seeds, e.g. --seeds 1,2,3");
        }
        if (frames < 2 || frames > 1000) {
            throw new UsageError("--frames must be between 2 and 1000, not " + frames);
        }
        if (fps < 1 || fps > 60) {
            throw new UsageError("--fps must be between 1 and 60, not " + fps);
        }
        boolean classWalk = fromClass != null || toClass != null;
        if (classWalk && (fromClass == null || toClass == null)) {
            throw new UsageError("--from-class and --to-class go together, e.g. --from-class Sneaker --to-class Bag");
        }
        if (classWalk && seeds != null) {
            throw new UsageError("--from-class/--to-class walk at the one z of --from; leave out --seeds");
        }
        checkOutputs(classWalk ? frames + 1 : (keys.size() - 1) * frames + 1);
        LoadedCheckpoint checkpoint = source.load(spec.commandLine().getErr());
        int fromIndex = classWalk ? ClassChoice.index(checkpoint.config().model(), fromClass, "--from-class") : -1;
        int toIndex = classWalk ? ClassChoice.index(checkpoint.config().model(), toClass, "--to-class") : -1;
        PrintWriter o = spec.commandLine().getOut();
        engine.start(EngineChoice.AUTO);
        try (GeneratorRunner generator = GeneratorRunner.load(checkpoint)) {
            List<int[]> images;
            if (classWalk) {
                images = classWalk(generator, fromIndex, toIndex);
            } else {
                List<float[]> keyVectors = new ArrayList<>();
                for (long s : keys) {
                    keyVectors.add(Latents.fromSeed(s, generator.latentSize()));
                }
                List<float[]> walk = Latents.keyframes(keyVectors, frames, !method.lerp);
                images = generator.renderBatch(walk).join();
            }
            int size = generator.imageSize();
            if (out != null) {
                for (int i = 0; i < images.size(); i++) {
                    SampleGrid.writePng(images.get(i), size, size, out.resolve(String.format("frame-%04d.png", i)));
                }
                o.println("wrote " + images.size() + " frames to " + out.toAbsolutePath());
            }
            if (gif != null || out == null) {
                Path file = gif != null ? gif : Path.of("interpolation.gif");
                // Small images are scaled up so the GIF is watchable without zooming.
                GifWriter.write(file, images, size, size, Math.round(1000f / fps), Math.max(1, 128 / size));
                o.println("wrote " + images.size() + " frames as a GIF: " + file.toAbsolutePath());
            }
        }
        return Cli.OK;
    }

    /** Checks every file the walk of {@code count} frames will write, before any work. */
    private void checkOutputs(int count) throws IOException {
        if (out != null) {
            List<String> names = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                names.add(String.format("frame-%04d.png", i));
            }
            Outputs.files("--out", out, names, OutputCheck.Kind.IMAGE, force.force);
        }
        if (gif != null || out == null) {
            Path file = gif != null ? gif : Path.of("interpolation.gif");
            if (!file.toString().toLowerCase(Locale.ROOT).endsWith(".gif")) {
                throw new UsageError("--gif " + file + ": an animated GIF is written, so its name must end with .gif");
            }
            Outputs.file("--gif", file, OutputCheck.Kind.GIF, force.force);
        }
    }

    /** frames + 1 images of the z of seed --from, the class blended from one to the other. */
    private List<int[]> classWalk(GeneratorRunner generator, int a, int b) {
        float[] z = Latents.fromSeed(from, generator.latentSize());
        int classes = generator.model().classCount();
        List<float[]> zs = new ArrayList<>();
        List<float[]> weights = new ArrayList<>();
        for (int i = 0; i <= frames; i++) {
            float t = (float) i / frames;
            float[] w = new float[classes];
            w[a] += 1 - t;
            w[b] += t;
            zs.add(z);
            weights.add(w);
        }
        return generator.renderBlend(zs, weights).join();
    }
}
