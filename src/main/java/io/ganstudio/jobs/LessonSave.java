package io.ganstudio.jobs;

import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.data.DatasetLoader;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.data.LoadOptions;
import io.ganstudio.core.lesson.Lesson;
import io.ganstudio.core.lesson.LessonException;
import io.ganstudio.core.lesson.LessonFile;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.text.Phrase;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Writes a lesson file: a run's settings (what Start or {@code train} would train), or a run's newest checkpoint
 * with the settings it was trained with. A folder's or IDX file's images are prepared at the model's size and
 * carried; the lesson is read back, so what is reported is what a pupil will open.
 */
public final class LessonSave {

    /**
     * @param file        the lesson file to write
     * @param title       what pupils see when they open it ("" for none)
     * @param config      the settings to hand out; ignored with a snapshot (the checkpoint's own are)
     * @param snapshotRun a run folder whose newest checkpoint the lesson starts from, or null to start at step 0
     * @param cacheDir    decoded-dataset cache folder, or null for none
     */
    public record Request(Path file, String title, GanConfig config, Path snapshotRun, Path cacheDir) {
    }

    /** The lesson as written and read back. */
    public record Result(Path file, Lesson lesson) {
    }

    /** A snapshot was asked of a run that has no checkpoint yet. */
    public static final class NoCheckpointException extends LessonException {
        public NoCheckpointException(Path run) {
            super(Phrase.of("lesson.noSnapshot", run));
        }
    }

    /**
     * Settings that depend on the images, chosen once they are loaded (as {@code train} chooses them): the command
     * line's defaults for a small colour folder, say.
     */
    @FunctionalInterface
    public interface DataFit {
        GanConfig fit(GanConfig config, int images, int channels);
    }

    private LessonSave() {
    }

    /**
     * Blocking.
     *
     * @param cancelled polled while the images are decoded
     * @throws DatasetException    the images to carry cannot be loaded
     * @throws LessonException     the lesson cannot be written (too big, invalid settings, unreadable snapshot)
     * @throws NoCheckpointException a snapshot was asked of a run without checkpoints
     */
    public static Result save(Request r, BooleanSupplier cancelled)
            throws IOException, DatasetException, LessonException {
        return save(r, (config, images, channels) -> config, cancelled);
    }

    /**
     * Like {@link #save(Request, BooleanSupplier)}; {@code fit} completes the request's settings once the images are
     * loaded (not a snapshot's, which are the checkpoint's own).
     */
    public static Result save(Request r, DataFit fit, BooleanSupplier cancelled)
            throws IOException, DatasetException, LessonException {
        GanConfig config = r.config();
        Path checkpoint = null;
        Path metrics = null;
        if (r.snapshotRun() != null) {
            RunFolder run = RunFolder.open(r.snapshotRun());
            List<Path> all = Checkpoints.list(run.checkpointDir());
            if (all.isEmpty()) {
                throw new NoCheckpointException(r.snapshotRun());
            }
            checkpoint = all.get(all.size() - 1);
            metrics = run.metricsFile();
            config = Checkpoints.read(checkpoint).config(); // the lesson carries the weights' own settings
        }
        ImageDataset images = null;
        if (config.data().kind() != DataSpec.Kind.BUILT_IN) {
            images = DatasetLoader.load(config.data(), config.model().imageSize(),
                    new LoadOptions(r.cacheDir(), Runtime.getRuntime().availableProcessors(), cancelled),
                    null).dataset();
            // Training takes the channels from the images (grey folders train a grey model): so does the lesson.
            config = config.withModel(config.model().withChannels(images.channels()));
            if (checkpoint == null) {
                config = fit.fit(config, images.count(), images.channels());
            }
        }
        LessonFile.save(r.file(), r.title(), config, images, checkpoint, metrics);
        return new Result(r.file(), LessonFile.read(r.file()));
    }
}
