package io.ganstudio.ui.explore;

import io.ganstudio.core.engine.AppDirs;
import io.ganstudio.core.quality.NearestLookup;
import io.ganstudio.ui.common.ErrorText;
import io.ganstudio.ui.fxutil.ArgbFrame;
import io.ganstudio.ui.task.BackgroundTasks;
import javafx.application.Platform;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * "Which training images is this sample nearest to?" for any screen (Explore's picked sample, a cell of the Train
 * screen's grid): loads the run's data and discriminator once per run or checkpoint (a few seconds, in the
 * background), then shows {@link NearestDialog}. FX thread only.
 */
public final class NearestPicker {

    public static final int NEAREST = 6;

    private final ExploreText text;
    private NearestLookup lookup;
    private Path lookupPath;

    public NearestPicker(ExploreText text) {
        this.text = text;
    }

    /**
     * Shows the sample's nearest training images in a dialog.
     *
     * @param runOrCheckpoint a run folder (its newest checkpoint's discriminator) or a checkpoint file
     * @param sample          the sample at the run's image size
     * @param status          where to say what is happening (finding, failed, "" when shown)
     */
    public void show(Window owner, Path runOrCheckpoint, ArgbFrame sample, Consumer<String> status) {
        status.accept(text.get("nearest.finding"));
        if (lookup != null && runOrCheckpoint.equals(lookupPath)) {
            find(owner, lookup, sample, status);
            return;
        }
        close();
        BackgroundTasks.common().run(text.get("nearest.finding"),
                () -> NearestLookup.open(runOrCheckpoint, AppDirs.datasetCacheDir()), opened -> {
                    lookup = opened;
                    lookupPath = runOrCheckpoint;
                    find(owner, opened, sample, status);
                }, e -> status.accept(text.format("nearest.failed", ErrorText.of(e, text.locale()))));
    }

    private void find(Window owner, NearestLookup l, ArgbFrame frame, Consumer<String> status) {
        l.find(frame.argb(), NEAREST).whenComplete((result, e) -> Platform.runLater(() -> {
            if (e != null) {
                status.accept(text.format("nearest.failed", ErrorText.of(e, text.locale())));
                return;
            }
            status.accept("");
            NearestDialog.create(owner, frame, result, text).show();
        }));
    }

    /** Frees the loaded run (its data and discriminator). */
    public void close() {
        if (lookup != null) {
            lookup.close();
            lookup = null;
            lookupPath = null;
        }
    }
}
