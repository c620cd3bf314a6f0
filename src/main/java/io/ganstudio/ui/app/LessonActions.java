package io.ganstudio.ui.app;

import io.ganstudio.core.engine.AppDirs;
import io.ganstudio.core.lesson.LessonFile;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.jobs.LessonOpen;
import io.ganstudio.jobs.LessonSave;
import io.ganstudio.ui.common.ErrorText;
import io.ganstudio.ui.lesson.LessonState;
import io.ganstudio.ui.lesson.LessonText;
import io.ganstudio.ui.present.PresentationLayout;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Run > Save lesson... and Open lesson...: the dialogs, and the work behind them in the background. Opening a lesson
 * fills the Data and Model screens, makes a run folder when the lesson carries a snapshot, and goes to the Train
 * screen (ready at step 0, or at the snapshot's step); {@link LessonState} tells the explanation panel.
 */
public final class LessonActions {

    /** The per-user folder where opened lessons put their carried images. */
    public static final Path LESSONS_ROOT = AppDirs.dataDir().resolve("lessons");

    private final StudioContext ctx;
    private final LessonState state;
    private final LessonText text;
    private final Path runsRoot;
    private final Path lessonsRoot;
    private final Consumer<Path> showRun;
    private final Runnable showTrainScreen;

    /**
     * @param showRun         shows a run folder on the Train screen (as Run > Open run does)
     * @param showTrainScreen switches the window to the Train screen
     */
    public LessonActions(StudioContext ctx, LessonState state, LessonText text, Path runsRoot, Consumer<Path> showRun,
                         Runnable showTrainScreen) {
        this(ctx, state, text, runsRoot, LESSONS_ROOT, showRun, showTrainScreen);
    }

    /** @param lessonsRoot where opened lessons put their carried images */
    public LessonActions(StudioContext ctx, LessonState state, LessonText text, Path runsRoot, Path lessonsRoot,
                         Consumer<Path> showRun, Runnable showTrainScreen) {
        this.lessonsRoot = lessonsRoot;
        this.ctx = ctx;
        this.state = state;
        this.text = text;
        this.runsRoot = runsRoot;
        this.showRun = showRun;
        this.showTrainScreen = showTrainScreen;
    }

    // ---- open

    public void chooseAndOpen() {
        FileChooser chooser = chooser(text.get("open.title"));
        File f = chooser.showOpenDialog(window());
        if (f != null) {
            open(f.toPath());
        }
    }

    /** Reads, verifies and installs the lesson in the background; on success sets the screens up. */
    public void open(Path file) {
        if (ctx.workIfMade() != null && ctx.workIfMade().train().isTraining()) {
            alert(text.get("open.failed"), text.get("open.busy")); // the running run keeps the screens
            return;
        }
        ctx.tasks().job(text.get("task.opening"), c -> {
            LessonOpen.Opened o = LessonOpen.open(file, lessonsRoot);
            Path runDir = LessonOpen.snapshotRun(o, runsRoot);
            return new LessonState.Opened(o.lesson().title(), file, o.config(), o.lesson().startStep(), runDir);
        }).onSuccess(this::opened).onError(e -> fail(text.get("open.failed"), e)).start();
    }

    private void opened(LessonState.Opened o) {
        GanConfig c = o.config();
        ctx.model().fill(c.model(), c.train());
        ctx.data().load(c.data(), c.model().imageSize());
        state.opened(o);
        ctx.work(); // the Train screen's model must exist to pick up the run folder
        if (o.runDir() != null) {
            showRun.accept(o.runDir());
        }
        showTrainScreen.run();
        String name = o.title().isBlank() ? o.file().getFileName().toString() : o.title();
        ctx.notifier().info(text.get("open.done"), o.startStep() > 0 ? text.format("open.doneAtStep", name,
                o.startStep()) : text.format("open.doneAtZero", name, c.train().steps()));
    }

    // ---- save

    /** The run on the Train screen when it has a checkpoint to hand out as the snapshot, else null. */
    private Path runWithCheckpoint() {
        Path run = ctx.workIfMade() == null ? null : ctx.workIfMade().currentRun();
        return run != null && !Checkpoints.list(run.resolve(RunFolder.CHECKPOINTS)).isEmpty() ? run : null;
    }

    /** The Save dialog's snapshot checkbox: its label holds a run's name, underscores and all. */
    static CheckBox snapshotBox() {
        CheckBox snapshot = new CheckBox();
        snapshot.setId("lesson-snapshot");
        snapshot.setMnemonicParsing(false); // "2026-12-05_06-54-04" is a name, not "_0" as a keyboard shortcut
        return snapshot;
    }

    public void chooseAndSave() {
        Path run = runWithCheckpoint();
        if (run == null && !ctx.model().validProperty().get()) {
            alert(text.get("save.failed"), String.join("\n", ctx.model().problemsProperty().get()));
            return;
        }
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(window());
        d.setTitle(text.get("save.title"));
        d.setHeaderText(text.get("save.header"));
        TextField title = new TextField();
        title.setId("lesson-title");
        title.setPromptText(text.get("save.titlePrompt"));
        CheckBox snapshot = snapshotBox();
        if (run != null) {
            long step = Checkpoints.stepOf(Checkpoints.list(run.resolve(RunFolder.CHECKPOINTS)).get(
                    Checkpoints.list(run.resolve(RunFolder.CHECKPOINTS)).size() - 1));
            snapshot.setText(text.format("save.snapshot", step, run.getFileName()));
        } else {
            snapshot.setText(text.get("save.noSnapshot"));
            snapshot.setDisable(true);
        }
        Label note = new Label(text.format("save.note", LessonFile.maxDataMiB()));
        note.setWrapText(true);
        note.setMaxWidth(420);
        d.getDialogPane().setContent(new VBox(10, new Label(text.get("save.titleLabel")), title, snapshot, note));
        // Own buttons: JavaFX's stock ones follow the JVM's language, not the studio's.
        ButtonType ok = new ButtonType(text.get("save.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(text.get("save.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        d.getDialogPane().getButtonTypes().addAll(ok, cancel);
        PresentationLayout.followInDialog(d, text.locale());
        if (d.showAndWait().orElse(cancel) != ok) {
            return;
        }
        if (!snapshot.isSelected() && !ctx.model().validProperty().get()) {
            alert(text.get("save.failed"), String.join("\n", ctx.model().problemsProperty().get()));
            return;
        }
        FileChooser chooser = chooser(text.get("save.fileTitle"));
        chooser.setInitialFileName((title.getText().isBlank() ? "lesson" : title.getText().strip()
                .replaceAll("[\\\\/:*?\"<>|]", "-")) + LessonFile.EXTENSION);
        File f = chooser.showSaveDialog(window());
        if (f != null) {
            Path out = f.getName().endsWith(LessonFile.EXTENSION) ? f.toPath()
                    : f.toPath().resolveSibling(f.getName() + LessonFile.EXTENSION);
            save(out, title.getText(), snapshot.isSelected() ? run : null);
        }
    }

    /**
     * Saves the Model and Data screens' settings (what Start trains), or with {@code snapshotRun} that run's newest
     * checkpoint and its own settings, in the background.
     */
    public void save(Path out, String title, Path snapshotRun) {
        GanConfig form = snapshotRun == null ? state.configToTrain(ctx.model().config()) : null;
        Path cache = ctx.data().cacheDir();
        ctx.tasks().job(text.get("task.saving"), c -> LessonSave.save(new LessonSave.Request(out, title, form,
                        snapshotRun, cache), c::isCancelled).file())
                .onSuccess(p -> ctx.notifier().info(text.get("save.done"), p.toString()))
                .onError(e -> fail(text.get("save.failed"), e)).start();
    }

    // ---- helpers

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(text.get("filter"),
                "*" + LessonFile.EXTENSION));
        return chooser;
    }

    private void fail(String title, Throwable e) {
        alert(title, ErrorText.of(e, text.locale()));
    }

    private void alert(String title, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        a.initOwner(window());
        a.setTitle(title);
        a.setHeaderText(title);
        a.getDialogPane().setMinWidth(460);
        PresentationLayout.followInDialog(a, text.locale());
        a.show();
    }

    private Window window() {
        return ctx.windowSupplier().get();
    }
}
