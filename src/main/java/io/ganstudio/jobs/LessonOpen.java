package io.ganstudio.jobs;

import io.ganstudio.core.lesson.Lesson;
import io.ganstudio.core.lesson.LessonException;
import io.ganstudio.core.lesson.LessonFile;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.session.SessionEvent;
import io.ganstudio.session.TrainingSession;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Opens a lesson file on this machine: reads and verifies it, puts its carried images where this machine keeps
 * them, and, for a lesson with a snapshot, makes the run folder that continues from it. The studio then shows the
 * lesson's settings (and that run); the command line trains it straight away.
 */
public final class LessonOpen {

    /**
     * @param file   the lesson file
     * @param lesson what it holds
     * @param config its settings with the data pointing at this machine's copy of the images
     */
    public record Opened(Path file, Lesson lesson, GanConfig config) {
    }

    private LessonOpen() {
    }

    /**
     * Blocking: reads, verifies and installs the lesson.
     *
     * @param imagesRoot where carried images are put (reused when the same lesson is opened again)
     */
    public static Opened open(Path file, Path imagesRoot) throws LessonException {
        Lesson lesson = LessonFile.read(file);
        return new Opened(file, lesson, lesson.install(imagesRoot));
    }

    /**
     * A lesson with a snapshot: a new run folder under {@code runsRoot}, named after the lesson's title, holding the
     * snapshot as its checkpoint; null for a lesson that starts at step 0 (its run is made when training starts).
     */
    public static Path snapshotRun(Opened o, Path runsRoot) throws IOException, LessonException {
        if (!o.lesson().hasSnapshot()) {
            return null;
        }
        Path dir = RunFolder.newRunDir(runsRoot, o.lesson().title().isBlank() ? "lesson" : o.lesson().title());
        o.lesson().createRun(dir, o.config());
        return dir;
    }

    /**
     * A session that trains the lesson's run in {@code runDir} (new or empty) with {@code config} (the opened one,
     * or it with another target step): from the snapshot when the lesson has one, else from step 0. Not started.
     */
    public static TrainingSession session(Opened o, GanConfig config, Path runDir, Path cacheDir,
                                          Consumer<SessionEvent> listener) throws IOException, LessonException {
        if (o.lesson().hasSnapshot()) {
            o.lesson().createRun(runDir, config);
            return TrainingSession.resumeRun(runDir, config.train(), cacheDir, listener);
        }
        return TrainingSession.newRun(config, runDir, cacheDir, listener);
    }
}
