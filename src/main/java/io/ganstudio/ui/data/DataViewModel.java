package io.ganstudio.ui.data;

import io.ganstudio.core.data.DataReport;
import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.data.Fit;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.data.LoadOptions;
import io.ganstudio.core.data.LoadResult;
import io.ganstudio.ui.common.Messages;
import io.ganstudio.ui.common.StudioPrefs;
import io.ganstudio.ui.task.BackgroundTasks;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;

/**
 * State of the Data screen: which images are chosen, the decoding in progress, and the loaded dataset with its
 * report. The Train screen reads {@link #datasetProperty()} and {@link #specProperty()}.
 */
public final class DataViewModel {

    private final BackgroundTasks tasks;
    private final DatasetSource source;
    private final StudioPrefs prefs;
    private final Path cacheDir;
    private final ReadOnlyObjectWrapper<DataState> state = new ReadOnlyObjectWrapper<>(this, "state", DataState.EMPTY);
    private final ReadOnlyObjectWrapper<DataSpec> spec = new ReadOnlyObjectWrapper<>(this, "spec", DataSpec.builtIn());
    private final ReadOnlyObjectWrapper<ImageDataset> dataset = new ReadOnlyObjectWrapper<>(this, "dataset");
    private final ReadOnlyObjectWrapper<DataReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyIntegerWrapper loadedSize = new ReadOnlyIntegerWrapper(this, "loadedSize");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyObjectWrapper<String> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ReadOnlyListWrapper<String> recentFolders =
            new ReadOnlyListWrapper<>(this, "recentFolders", FXCollections.observableArrayList());
    private Task<LoadResult> running;
    private DataSpec loadedSpec;
    private final ObjectProperty<Fit> fit = new SimpleObjectProperty<>(this, "fit", Fit.RESIZE);

    /** @param cacheDir where decoded datasets are cached between starts; null for no cache */
    public DataViewModel(BackgroundTasks tasks, DatasetSource source, StudioPrefs prefs, Path cacheDir) {
        this.tasks = tasks;
        this.source = source;
        this.prefs = prefs;
        this.cacheDir = cacheDir;
        recentFolders.setAll(prefs.recentDataFolders());
        fit.addListener((o, a, f) -> refit(f));
    }

    // ---- outputs ----

    public ReadOnlyObjectProperty<DataState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The chosen data: what is loaded, or being loaded. */
    public ReadOnlyObjectProperty<DataSpec> specProperty() {
        return spec.getReadOnlyProperty();
    }

    /** The loaded images, or null while none are loaded. */
    public ReadOnlyObjectProperty<ImageDataset> datasetProperty() {
        return dataset.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DataReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** Side of the loaded images (0 when none); the model must use this size, or the data is loaded again. */
    public ReadOnlyIntegerProperty loadedSizeProperty() {
        return loadedSize.getReadOnlyProperty();
    }

    /** Fraction decoded in [0, 1], or -1 while the total is not known yet. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Why the last load failed (a sentence from the loader), or null. */
    public ReadOnlyObjectProperty<String> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<String> recentFoldersProperty() {
        return recentFolders.getReadOnlyProperty();
    }

    // ---- actions ----

    public void loadBuiltIn(int imageSize) {
        load(DataSpec.builtIn().withFit(fit.get()), imageSize);
    }

    /** How images smaller than the model are brought to its size; changing it reloads the current data. */
    public ObjectProperty<Fit> fitProperty() {
        return fit;
    }

    private void refit(Fit newFit) {
        DataSpec current = spec.get();
        int size = loadedSize.get();
        if (current != null && current.fit() != newFit && size > 0 && state.get() == DataState.LOADED) {
            load(current.withFit(newFit), size);
        }
    }

    public void loadFolder(Path folder, int imageSize) {
        String path = folder.toAbsolutePath().toString();
        prefs.addRecentDataFolder(path);
        recentFolders.setAll(prefs.recentDataFolders());
        load(DataSpec.folder(path).withFit(fit.get()), imageSize);
    }

    /** Decodes in the background; a load already running is cancelled first (the newest choice wins). */
    public void load(DataSpec newSpec, int imageSize) {
        cancel();
        spec.set(newSpec);
        state.set(DataState.LOADING);
        progress.set(-1);
        error.set(null);
        Task<LoadResult>[] self = new Task[1];
        self[0] = tasks.job(Messages.format("data.task", label(newSpec)), ctx -> {
            LoadOptions options = new LoadOptions(cacheDir, Runtime.getRuntime().availableProcessors(),
                    ctx::isCancelled);
            return source.load(newSpec, imageSize, options, (done, total) -> ctx.progress(done, total));
        }).onSuccess(result -> {
            if (running == self[0]) {
                dataset.set(result.dataset());
                report.set(result.report());
                loadedSize.set(result.dataset().imageSize());
                loadedSpec = newSpec;
                state.set(DataState.LOADED);
            }
        }).onError(e -> {
            if (running == self[0]) {
                if (e instanceof CancellationException) {
                    cancelled();
                } else {
                    state.set(DataState.FAILED);
                    error.set(message(e));
                }
            }
        }).onCancelled(() -> {
            if (running == self[0]) {
                cancelled();
            }
        }).start();
        running = self[0];
        self[0].progressProperty().addListener((o, a, p) -> {
            if (running == self[0]) {
                progress.set(p.doubleValue());
            }
        });
    }

    public void cancel() {
        // isDone, not isRunning: a job that was submitted but has not started yet must stop too.
        if (running != null && !running.isDone()) {
            running.cancel();
        }
    }

    /** A cancelled load leaves the earlier dataset in place, if there was one. */
    private void cancelled() {
        if (dataset.get() != null) {
            spec.set(loadedSpec);
            state.set(DataState.LOADED);
        } else {
            state.set(DataState.CANCELLED);
        }
    }

    private static String label(DataSpec s) {
        return s.kind() == DataSpec.Kind.BUILT_IN ? Messages.get("data.builtIn") : Path.of(s.path()).getFileName()
                .toString();
    }

    private static String message(Throwable e) {
        if (e instanceof DatasetException d) {
            return d.phrase().text(Messages.locale());
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** Where decoded datasets are cached (the Train screen's sessions share it); null for none. */
    public Path cacheDir() {
        return cacheDir;
    }
}
