package io.ganstudio.cli;

import io.ganstudio.core.engine.EngineChoice;
import io.ganstudio.core.latent.LatentBook;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.jobs.ArithmeticJob;
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
    EngineOption engine = new EngineOption();

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
        ArithmeticJob.Plan plan = ArithmeticJob.plan(List.of(examples("--a", a, book, model),
                examples("--b", b, book, model), examples("--c", c, book, model)), noise);
        var checkpoint = RunFolders.latestGenerator(run, spec.commandLine().getErr());
        if (model.classCount() > 0 && className == null) {
            throw new UsageError("this run is conditional: give --class NAME|INDEX, one of "
                    + String.join(", ", model.classes()));
        }
        int classIndex = className != null ? ClassChoice.index(model, className) : -1;
        engine.start(EngineChoice.AUTO);
        ArithmeticJob.picture(checkpoint, plan, classIndex).writeImage(out);
        spec.commandLine().getOut().println("wrote " + out.toAbsolutePath() + " (top: A, B, C, A - B + C and "
                + ArithmeticJob.NEIGHBOURS + " neighbours; bottom: A, B, C, A - B + C on pixels)");
        return Cli.OK;
    }

    private static List<float[]> examples(String option, List<String> names, LatentBook book, ModelConfig model) {
        List<float[]> out = new ArrayList<>();
        for (String n : names) {
            out.add(ArithmeticJob.example(n, book, model.latentSize()).orElseThrow(() -> new UsageError(option
                    + ": \"" + n.strip() + "\" is neither a seed nor a bookmark in " + run(book)
                    + "; keep one with project --bookmark NAME")));
        }
        return out;
    }

    private static String run(LatentBook book) {
        return book == null ? "the run (it has no latents.json yet)" : "its latents.json";
    }
}
