package io.ganstudio.ui.train;

import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.train.TrainConfig;
import io.ganstudio.session.SessionEvent;
import io.ganstudio.session.TrainingSession;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Creates training sessions for the Train screen; an interface so the ViewModel can be tested without an engine.
 */
public interface SessionFactory {

    /** The commands the Train screen sends to a running session. */
    interface Handle {
        void start();

        void pause();

        void resume();

        void stepOnce();

        void stop();

        /** Ends after the current step without writing a checkpoint ("quit without saving"). */
        void abandon();

        /** Waits until the session's engine thread has ended; false on timeout. */
        boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException;
    }

    Handle newRun(GanConfig config, Path runDir, Consumer<SessionEvent> listener);

    /**
     * Continues a run with these training settings (the run's own, or changed where a resume allows it).
     *
     * @throws io.ganstudio.core.run.InvalidConfigException when a setting is invalid or may not change
     */
    Handle resumeRun(Path runDir, TrainConfig settings, Consumer<SessionEvent> listener) throws IOException;

    /** The real thing: {@link TrainingSession}s sharing one dataset cache folder (null for none). */
    static SessionFactory engine(Path cacheDir) {
        return new SessionFactory() {
            @Override
            public Handle newRun(GanConfig config, Path runDir, Consumer<SessionEvent> listener) {
                return wrap(TrainingSession.newRun(config, runDir, cacheDir, listener));
            }

            @Override
            public Handle resumeRun(Path runDir, TrainConfig settings, Consumer<SessionEvent> listener)
                    throws IOException {
                return wrap(TrainingSession.resumeRun(runDir, settings, cacheDir, listener));
            }
        };
    }

    /** The studio shows a new sample grid at least this often while training, whatever the model's speed. */
    double GRID_SECONDS = 10;

    private static Handle wrap(TrainingSession s) {
        s.setGridSeconds(GRID_SECONDS);
        return new Handle() {
            public void start() {
                s.start();
            }

            public void pause() {
                s.pause();
            }

            public void resume() {
                s.resume();
            }

            public void stepOnce() {
                s.stepOnce();
            }

            public void stop() {
                s.stop();
            }

            public void abandon() {
                s.abandon();
            }

            public boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
                return s.awaitEnd(timeout, unit);
            }
        };
    }
}
