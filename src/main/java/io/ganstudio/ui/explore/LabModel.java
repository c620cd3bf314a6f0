package io.ganstudio.ui.explore;

import io.ganstudio.ui.common.ErrorText;
import io.ganstudio.ui.task.BackgroundTasks;
import javafx.application.Platform;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.Executor;

/**
 * The latent lab beside Explore's sliders: projecting a photo, vector arithmetic, bookmarks and walks. One per
 * Explore ViewModel, so a running projection and the picked examples survive the view rebuild of a language switch.
 * FX thread only, like the Explore ViewModel it works on.
 */
public final class LabModel {

    private static final Map<ExploreViewModel, LabModel> BY_EXPLORE = new WeakHashMap<>();

    private final BookmarksModel bookmarks;
    private final ProjectionModel projection;
    private final ArithmeticModel arithmetic;

    /**
     * @param fx where engine results are delivered (the FX thread: {@code Platform::runLater})
     */
    public LabModel(ExploreViewModel explore, BackgroundTasks tasks, Executor fx, ExploreText text) {
        this.bookmarks = new BookmarksModel(explore, tasks, fx, text);
        this.projection = new ProjectionModel(explore, tasks, fx, text);
        this.arithmetic = new ArithmeticModel(explore, fx, text);
    }

    /** The studio's lab for this Explore ViewModel (made on first use). */
    public static synchronized LabModel of(ExploreViewModel explore, ExploreText text) {
        return BY_EXPLORE.computeIfAbsent(explore, e -> new LabModel(e, BackgroundTasks.common(), Platform::runLater,
                text));
    }

    public BookmarksModel bookmarks() {
        return bookmarks;
    }

    public ProjectionModel projection() {
        return projection;
    }

    public ArithmeticModel arithmetic() {
        return arithmetic;
    }

    /** What the person calls the point on show: its lab name, or its seed ("seed 12"), with "*" once edited. */
    static String pointName(ExploreViewModel explore, ExploreText text) {
        String name = explore.pointNameProperty().get().isEmpty()
                ? text.format("lab.seedName", Long.toString(explore.pickedSeedProperty().get()))
                : explore.pointNameProperty().get();
        return name + (explore.editedProperty().get() ? "*" : "");
    }

    /** The failure in the studio's language (futures wrap the engine's exceptions; they are unwrapped). */
    static String message(Throwable e, ExploreText text) {
        return ErrorText.of(e, text.locale());
    }
}
