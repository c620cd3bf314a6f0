package io.ganstudio.ui.app;

import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.engine.EngineReport;
import io.ganstudio.ui.common.CornerNotifications;
import io.ganstudio.ui.common.Messages;
import io.ganstudio.ui.common.StudioPrefs;
import io.ganstudio.ui.data.DataState;
import io.ganstudio.ui.data.DataViewModel;
import io.ganstudio.ui.explain.Explanations;
import io.ganstudio.ui.lesson.LessonState;
import io.ganstudio.ui.model.ModelViewModel;
import io.ganstudio.ui.playground.PlaygroundViewModel;
import io.ganstudio.ui.task.BackgroundTasks;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * What every screen shares, handed to each screen's view factory: the ViewModels (which outlive a UI rebuild),
 * the background job runner, preferences, notifications, and the engine once it has loaded.
 */
public final class StudioContext {

    private final BackgroundTasks tasks;
    private final StudioPrefs prefs;
    private final CornerNotifications notifier;
    private final ModelViewModel model;
    private final DataViewModel data;
    private final Supplier<Window> window;
    private final ReadOnlyObjectWrapper<EngineReport> engine = new ReadOnlyObjectWrapper<>(this, "engine");
    private final ReadOnlyObjectWrapper<Path> runFolder = new ReadOnlyObjectWrapper<>(this, "runFolder");
    private final Explanations explanations = new Explanations();
    private StudioWork work;
    private Path runsRoot = StudioWork.DEFAULT_RUNS_ROOT;
    private PlaygroundViewModel playground;
    private final LessonState lesson = new LessonState();

    public StudioContext(BackgroundTasks tasks, StudioPrefs prefs, ModelViewModel model, DataViewModel data,
                         Supplier<Window> window) {
        this.tasks = tasks;
        this.prefs = prefs;
        this.model = model;
        this.data = data;
        this.window = window;
        this.notifier = new CornerNotifications(window);
        linkDataToModel();
        linkLessonToExplanations();
    }

    /** An opened lesson starts with the Train screen's explanation open; closing it ends the lesson's request. */
    private void linkLessonToExplanations() {
        BooleanProperty trainPanel = explanations.openProperty(
                Screens.TRAIN);
        lesson.explanationsWantedProperty().addListener((o, was, wanted) -> {
            if (wanted) {
                trainPanel.set(true);
            }
        });
        trainPanel.addListener((o, was, open) -> {
            if (!open) {
                lesson.explanationsWantedProperty().set(false);
            }
        });
    }

    /** The run configuration follows the chosen data; the model takes the dataset's channels. */
    private void linkDataToModel() {
        model.dataSpecProperty().bind(data.specProperty());
        data.datasetProperty().addListener((o, a, d) -> model.datasetSizeProperty().set(d == null ? 0 : d.count()));
        data.stateProperty().addListener((o, a, s) -> {
            ImageDataset d = data.datasetProperty().get();
            if (s == DataState.LOADED && d != null) {
                model.channelsProperty().set(d.channels());
                model.dataClassesProperty().set(d.hasLabels() ? d.classNames().size() : 0);
                model.dataLoaded(d.count(), d.channels());
            }
        });
    }

    /** Which screens' "What am I seeing?" panels are open; {@code show(Screens.TRAIN)} opens one from code. */
    public Explanations explanations() {
        return explanations;
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    public StudioPrefs prefs() {
        return prefs;
    }

    public CornerNotifications notifier() {
        return notifier;
    }

    public ModelViewModel model() {
        return model;
    }

    public DataViewModel data() {
        return data;
    }

    public Supplier<Window> windowSupplier() {
        return window;
    }

    /** The engine once {@code EngineSetup.init()} finished in the background; null until then. */
    public ReadOnlyObjectProperty<EngineReport> engineProperty() {
        return engine.getReadOnlyProperty();
    }

    /** Training and exploring, made on first use (the Train and Explore screens). */
    public StudioWork work() {
        if (work == null) {
            work = new StudioWork(this, runsRoot, data.cacheDir());
        }
        return work;
    }

    /** Where new runs and opened lessons' runs go: ~/GAN Studio/runs unless {@link #useRunsRoot} chose another. */
    public Path runsRoot() {
        return runsRoot;
    }

    /** Tests train into a throw-away folder; only before the Train or Explore screen is first shown. */
    public void useRunsRoot(Path root) {
        if (work != null) {
            throw new IllegalStateException("the runs folder is fixed once training is set up");
        }
        runsRoot = root;
    }

    /** The Train and Explore ViewModels if a screen has made them, else null (quitting must not make them). */
    public StudioWork workIfMade() {
        return work;
    }

    /** The 2-D playground, made on first use; its jobs run through the one background-work helper. */
    public PlaygroundViewModel playground() {
        if (playground == null) {
            playground = new PlaygroundViewModel(
                    job -> tasks.job(Messages.get("task.playground"), c -> {
                        job.run();
                        return null;
                    }).start(), Platform::runLater, Messages::locale);
        }
        return playground;
    }

    /** The lesson opened last, and whether its explanations are wanted (the explanation panel's hook). */
    public LessonState lesson() {
        return lesson;
    }

    void engineReady(EngineReport report) {
        engine.set(report);
    }

    /** The run folder opened from the Run menu (the Train screen continues it), or null for a new run. */
    public ReadOnlyObjectProperty<Path> runFolderProperty() {
        return runFolder.getReadOnlyProperty();
    }

    void setRunFolder(Path dir) {
        runFolder.set(dir);
    }
}
