package io.ganstudio.ui.app;

import io.ganstudio.core.run.InvalidConfigException;
import io.ganstudio.ui.common.Messages;
import io.ganstudio.ui.explore.ExploreText;
import io.ganstudio.ui.explore.ExploreViewModel;
import io.ganstudio.ui.model.ModelViewModel;
import io.ganstudio.ui.task.BackgroundTasks;
import io.ganstudio.ui.train.PlanTimer;
import io.ganstudio.ui.train.RunSnapshot;
import io.ganstudio.ui.train.SessionFactory;
import io.ganstudio.ui.train.TrainText;
import io.ganstudio.ui.train.TrainViewModel;
import io.ganstudio.ui.train.TrainingAlerts;
import javafx.application.Platform;

import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * The Train and Explore ViewModels of one studio window: made once and kept in the {@link StudioContext}, so a
 * training run and an explored generator survive the view rebuild of a language switch.
 */
public final class StudioWork {

    /** New runs go beside the user's documents, where a teacher finds them again: ~/GAN Studio/runs. */
    public static final Path DEFAULT_RUNS_ROOT = Path.of(System.getProperty("user.home"), "GAN Studio", "runs");

    private final TrainViewModel train;
    private final ExploreViewModel explore;

    StudioWork(StudioContext ctx, Path runsRoot, Path cacheDir) {
        ModelViewModel model = ctx.model();
        TrainingAlerts notifier = new TrainingAlerts() {
            public void info(String title, String text) {
                ctx.notifier().info(title, text);
            }

            public void error(String title, String text) {
                ctx.notifier().error(title, text);
            }
        };
        this.train = new TrainViewModel(() -> {
            if (!model.validProperty().get()) {
                throw new InvalidConfigException(model.problemsProperty().get());
            }
            return ctx.lesson().configToTrain(model.config()); // an opened lesson's exact settings while unchanged
        }, runsRoot, SessionFactory.engine(cacheDir), notifier, new TrainText(Messages::locale));
        train.setPlanTimer(PlanTimer.inBackground(
                new TrainText(Messages::locale).get("task.timePlan"))); // "about 9 minutes on this machine"
        train.driver().start(); // events (and finish or failure notifications) arrive whichever screen shows
        SecureRandom random = new SecureRandom();
        this.explore = new ExploreViewModel(Platform::runLater, () -> random.nextInt(1_000_000));
        explore.sayErrorsIn(Messages::locale);
        // A run opened from the Run menu shows its curves and samples on the Train screen, ready to continue.
        ctx.runFolderProperty().addListener((o, was, dir) -> showOpenedRun(ctx, dir));
        // Made on the first visit to Train or Explore: a run opened before then is shown now.
        showOpenedRun(ctx, ctx.runFolderProperty().get());
    }

    private void showOpenedRun(StudioContext ctx, Path dir) {
        if (dir != null) {
            ctx.tasks().run(Messages.get("run.opening"), () -> RunSnapshot.read(dir), train::showRun,
                    e -> ctx.notifier().error(Messages.get("run.openFailed"), String.valueOf(e.getMessage())));
        }
    }

    public TrainViewModel train() {
        return train;
    }

    public ExploreViewModel explore() {
        return explore;
    }

    /** The run on the Train screen (being trained, finished or opened), for Explore's "This run's latest". */
    public Path currentRun() {
        return train.runDirProperty().get();
    }
}
