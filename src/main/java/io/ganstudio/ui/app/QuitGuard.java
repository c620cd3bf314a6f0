package io.ganstudio.ui.app;

import io.ganstudio.ui.train.TrainViewModel;

import java.util.function.Supplier;

/**
 * Quitting the studio while training (window close, Run > Quit, Ctrl+Q) asks first: stop and save a checkpoint of
 * the current step, keep training, or quit without saving. SIGTERM (a desktop logout) is covered by the training
 * session's own shutdown hook, which stops after the current step and writes the checkpoint before the JVM exits.
 */
public final class QuitGuard {

    /** The user's answer to "Training is running". */
    public enum Choice { SAVE, KEEP_TRAINING, DISCARD }

    private final Supplier<TrainViewModel> training;
    private final Supplier<Choice> ask;
    private final Runnable exit;
    private volatile boolean saving;

    /**
     * @param training the Train screen's ViewModel, or null while none was made
     * @param ask      shows the question (on the FX thread) and returns the answer
     * @param exit     ends the app; called on the FX thread's behalf once the checkpoint is written (not when the
     *                 final save failed: the studio stays open on the failure)
     */
    public QuitGuard(Supplier<TrainViewModel> training, Supplier<Choice> ask, Runnable exit) {
        this.training = training;
        this.ask = ask;
        this.exit = exit;
    }

    /** Whether the window may close now; when not, it closes later by itself (after saving) or stays (keep). */
    public boolean mayQuitNow() {
        TrainViewModel t = training.get();
        if (t == null || !t.isTraining()) {
            return true;
        }
        if (saving) {
            return false; // already stopping; the app exits when the checkpoint is written
        }
        switch (ask.get()) {
            case SAVE -> {
                saving = true;
                // A final checkpoint that could not be written keeps the window open on the failure it shows.
                t.stopThen(exit, () -> saving = false);
                return false;
            }
            case DISCARD -> {
                t.abandon();
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** Whether a stop-and-save is under way. */
    public boolean isSaving() {
        return saving;
    }
}
