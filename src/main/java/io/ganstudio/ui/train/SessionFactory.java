package io.ganstudio.ui.train;

import io.ganstudio.core.train.GanConfig;
import io.ganstudio.session.SessionEvent;
import io.ganstudio.session.TrainingSession;

import java.io.IOException;
import java.nio.file.Path;
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
    }

    Handle newRun(GanConfig config, Path runDir, Consumer<SessionEvent> listener);

    Handle resumeRun(Path runDir, long targetSteps, Consumer<SessionEvent> listener) throws IOException;

    /** The real thing: {@link TrainingSession}s sharing one dataset cache folder (null for none). */
    static SessionFactory engine(Path cacheDir) {
        return new SessionFactory() {
            @Override
            public Handle newRun(GanConfig config, Path runDir, Consumer<SessionEvent> listener) {
                return wrap(TrainingSession.newRun(config, runDir, cacheDir, listener));
            }

            @Override
            public Handle resumeRun(Path runDir, long targetSteps, Consumer<SessionEvent> listener)
                    throws IOException {
                return wrap(TrainingSession.resumeRun(runDir, targetSteps, cacheDir, listener));
            }
        };
    }

    private static Handle wrap(TrainingSession s) {
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
        };
    }
}
