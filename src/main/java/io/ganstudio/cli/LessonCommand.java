package io.ganstudio.cli;

import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.engine.AppDirs;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.files.FileErrors;
import io.ganstudio.core.lesson.Lesson;
import io.ganstudio.core.lesson.LessonException;
import io.ganstudio.core.lesson.LessonFile;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.OutputCheck;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.text.Decimals;
import io.ganstudio.core.text.Printable;
import io.ganstudio.core.train.TrainConfig;
import io.ganstudio.jobs.LessonOpen;
import io.ganstudio.jobs.LessonSave;
import io.ganstudio.session.SessionEvent;
import io.ganstudio.session.TrainingSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Lesson files: one file a teacher hands out that gives every pupil the same run, step for step. */
@Command(name = "lesson", mixinStandardHelpOptions = true,
        description = {"Save, inspect and train lesson files (.ganlesson): the data choice, model and training "
                + "settings, seed, and optionally a trained snapshot, in one file. Opened on another machine (here "
                + "or in the studio, Run > Open lesson) it trains the same steps.",
                "The built-in data is only named; a folder's or IDX file's images are carried, prepared at the "
                + "model's size (at most 64 MiB of images)."},
        subcommands = {LessonCommand.Save.class, LessonCommand.Info.class, LessonCommand.Train.class})
final class LessonCommand extends CommandGroup {

    /** Where opened lessons put their images on this machine: the per-user data folder. */
    static Path lessonsRoot() {
        return AppDirs.dataDir().resolve("lessons");
    }

    @Command(name = "save", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Write a lesson file: from a run folder (--from RUN, with --snapshot its newest "
                    + "checkpoint too), or from the same options 'train' takes."})
    static final class Save implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The lesson file to write (.ganlesson). An "
                + "existing lesson is replaced only with --force; other files never are.")
        Path file;

        @Mixin
        Outputs.Force force;

        @Option(names = "--title", paramLabel = "TEXT", description = "A title pupils see when they open it.")
        String title = "";

        @Option(names = "--from", paramLabel = "RUN", description = "Take the settings (and data) of this run "
                + "folder instead of the options below.")
        Path from;

        @Option(names = "--snapshot", description = "With --from: include the run's newest checkpoint, so the "
                + "lesson starts at its step instead of step 0.")
        boolean snapshot;

        @Option(names = "--steps", paramLabel = "N", description = "Steps the lesson trains (without --from). "
                + "Default: 2000.")
        Long steps;

        @Option(names = "--cache", paramLabel = "DIR", description = "Where decoded datasets are cached.")
        Path cache;

        @Mixin
        TrainOptions options;

        @Override
        public Integer call() throws Exception {
            if (snapshot && from == null) {
                throw new UsageError("--snapshot needs --from RUN (the run whose checkpoint to include)");
            }
            if (steps != null) {
                Ranges.steps("--steps", steps, 1);
            }
            options.checkRanges();
            Outputs.file("FILE", file, OutputCheck.Kind.LESSON, force.force);
            GanConfig config;
            if (from != null) {
                RunFolder run = RunFolders.open(from);
                config = run.config();
                if (steps != null) {
                    config = config.withTrain(config.train().withSteps(steps));
                }
            } else {
                DataSpec data = options.dataSpec();
                config = options.toConfig(data, steps != null ? steps : TrainConfig.defaults().steps());
            }
            if (!config.problems().isEmpty()) {
                throw new UsageError(config.problems());
            }
            LessonSave.Result saved;
            try {
                // Settings from options are completed for the images as train completes them (a small colour
                // folder's defaults); a run's (--from) are already its own.
                LessonSave.DataFit fit = from == null ? options::forData : (c, images, channels) -> c;
                saved = LessonSave.save(new LessonSave.Request(file, title, config, snapshot ? from : null,
                        cache != null ? cache : AppDirs.datasetCacheDir()), fit, () -> false);
            } catch (LessonSave.NoCheckpointException e) {
                throw new UsageError("--snapshot: " + from + " has no checkpoint yet; train it first or leave out "
                        + "--snapshot");
            } catch (DatasetException e) {
                throw new UsageError("the lesson's data: " + Cli.oneLine(e.getMessage()));
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("lesson: " + saved.file().toAbsolutePath());
            Info.describe(saved.lesson(), out);
            return Cli.OK;
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Print what a lesson file holds (and check it is whole).")
    static final class Info implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The lesson file.")
        Path file;

        @Override
        public Integer call() throws LessonException {
            Lesson lesson = LessonFile.read(file);
            describe(lesson, spec.commandLine().getOut());
            return Cli.OK;
        }

        static void describe(Lesson lesson, PrintWriter out) {
            GanConfig c = lesson.config();
            if (!lesson.title().isEmpty()) {
                out.println("title:    " + Printable.of(lesson.title()));
            }
            out.println("data:     " + (lesson.source() == Lesson.Source.BUILT_IN ? "the built-in Fashion-MNIST"
                    : lesson.images() + " images of " + lesson.imageSize() + "x" + lesson.imageSize() + " ("
                    + (lesson.channels() == 1 ? "gray" : "colour") + ", "
                    + String.format(Locale.ROOT, "%.1f MiB", lesson.dataBytes() / 1048576.0)
                    + ") carried in the lesson, from " + Printable.of(c.data().path())));
            out.println("model:    " + c.model().imageSize() + " px, latent " + c.model().latentSize()
                    + ", widths G " + c.model().generatorWidth() + " / D " + c.model().discriminatorWidth()
                    + ", " + c.model().normalization());
            out.println("training: " + c.train().steps() + " steps, batch " + c.train().batchSize() + ", loss "
                    + c.train().loss() + ", lr G " + Decimals.plain(c.train().generatorOptimizer().learningRate())
                    + " / D " + Decimals.plain(c.train().discriminatorOptimizer().learningRate())
                    + (c.train().emaDecay() > 0f ? ", generator average " + Decimals.plain(c.train().emaDecay()) : "")
                    + ", seed " + c.train().seed());
            out.println("starts:   " + (lesson.hasSnapshot() ? "from the snapshot at step " + lesson.startStep()
                    : "at step 0"));
            out.flush();
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Train the lesson's run: from step 0, or from its snapshot. The same lesson trains the "
                    + "same steps; on one machine and engine the losses are identical run after run.")
    static final class Train implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The lesson file.")
        Path file;

        @Option(names = "--steps", paramLabel = "N", description = "Train up to step N instead of the lesson's "
                + "own target.")
        Long steps;

        @Option(names = "--out", paramLabel = "DIR", description = "Run folder to create: a new or empty "
                + "folder. Default: runs/<timestamp>_lesson under the current directory.")
        Path out;

        @Option(names = "--quiet", description = "Print only warnings, errors and where the run folder is.")
        boolean quiet;

        @Option(names = "--images-dir", paramLabel = "DIR", description = "Where the lesson's carried images are "
                + "put (reused when the lesson is opened again). Default: the per-user data folder's lessons/ "
                + "(~/.local/share/gan-studio/lessons on Linux).")
        Path imagesDir;

        @Override
        public Integer call() throws LessonException, IOException, InterruptedException {
            if (steps != null) {
                Ranges.steps("--steps", steps, 1);
            }
            if (out != null && RunFolder.isRunFolder(out)) {
                throw new UsageError("--out: " + out + " already holds a run; choose another folder");
            }
            if (out != null) {
                try {
                    RunFolder.checkNewRunDir(out);
                } catch (IOException e) {
                    throw new UsageError("--out: " + Cli.oneLine(FileErrors.text(e)));
                }
            }
            LessonOpen.Opened opened = LessonOpen.open(file, imagesDir != null ? imagesDir : lessonsRoot());
            GanConfig config = opened.config();
            if (steps != null) {
                if (steps <= opened.lesson().startStep()) {
                    throw new UsageError("--steps: the lesson starts at step " + opened.lesson().startStep()
                            + "; give a later step");
                }
                config = config.withTrain(config.train().withSteps(steps));
            }
            EngineSetup.init();
            Path dir = out != null ? out : RunFolder.newRunDir(Path.of("runs"), "lesson");
            TrainProgress progress = new TrainProgress(spec.commandLine().getOut(), spec.commandLine().getErr(),
                    System.console() != null, quiet, config.train().steps(),
                    config.train().batchSize() * config.train().discriminatorSteps());
            TrainingSession session = LessonOpen.session(opened, config, dir, null, progress);
            session.start();
            session.awaitEnd(Long.MAX_VALUE, TimeUnit.DAYS);
            PrintWriter o = spec.commandLine().getOut();
            SessionEvent.Failed failed = progress.failure();
            if (failed != null) {
                spec.commandLine().getErr().println("error: " + failed.message());
                spec.commandLine().getErr().println(failed.advice());
                return Cli.FAILED;
            }
            SessionEvent.Finished f = progress.finished();
            if (f != null && !quiet) {
                o.println((f.reachedTarget() ? "finished at step " : "stopped at step ") + f.step());
            }
            o.println("run folder: " + dir.toAbsolutePath());
            o.flush();
            return Cli.OK;
        }
    }
}
