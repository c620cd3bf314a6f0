package io.ganstudio.ui.train;

import io.ganstudio.core.files.FileErrors;
import io.ganstudio.core.quality.QualityProbe;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.HistoryGif;
import io.ganstudio.core.run.OutputCheck;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.session.SessionEvent;
import io.ganstudio.session.SessionState;
import io.ganstudio.ui.common.Tips;
import io.ganstudio.ui.fxutil.Disposable;
import io.ganstudio.ui.fxutil.Subscriptions;
import io.ganstudio.ui.fxutil.WrappingRow;
import io.ganstudio.ui.present.PresentationLayout;
import io.ganstudio.ui.task.BackgroundTasks;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The Train screen: controls on top, the sample grid (with its history) beside the live charts, progress below.
 * All it shows comes from {@link TrainViewModel}; session events reach it through a {@link PumpDriver} once per frame.
 */
public final class TrainView extends BorderPane implements Disposable {

    /** The exported history: 12.5 frames a second; a long run is thinned evenly to a size people can share. */
    private static final int GIF_DELAY_MS = 80;
    private static final int GIF_MAX_FRAMES = 400;

    private final TrainViewModel vm;
    private final TrainText text;
    private final TrainingCharts charts;
    private final QualityChart qualityChart;
    private final SampleHistoryView history;
    private final HealthStrip healthStrip;
    private final GridPick gridPick;
    private final Subscriptions subs = new Subscriptions();
    private final Label warningsLabel = new Label();

    /**
     * Plug-in constructor for the studio shell.
     *
     * @param configToTrain the configuration from the Model and Data screens, read when Start is pressed
     * @param runsRoot      folder for new runs (e.g. ~/GAN Studio/runs)
     * @param cacheDir      folder for decoded-dataset caches, or null for none
     * @param notifier      how to tell the user that training ended or failed; null for ControlsFX popups
     */
    public TrainView(Supplier<GanConfig> configToTrain, Path runsRoot, Path cacheDir, TrainingAlerts notifier,
                     Locale locale) {
        this(timed(new TrainViewModel(configToTrain, runsRoot, SessionFactory.engine(cacheDir),
                notifier != null ? notifier : new ControlsFxTrainingAlerts(null), new TrainText(locale)), locale),
                new TrainText(locale));
    }

    private static TrainViewModel timed(TrainViewModel vm, Locale locale) {
        vm.setPlanTimer(PlanTimer.inBackground(new TrainText(locale).get("task.timePlan")));
        return vm;
    }

    /** For tests and benchmarks that build the ViewModel themselves. */
    public TrainView(TrainViewModel vm, TrainText text) {
        this.vm = vm;
        this.text = text;
        vm.reword(); // built anew on a language switch: the texts the ViewModel holds follow
        this.charts = new TrainingCharts(text);
        this.qualityChart = new QualityChart(text);
        this.history = new SampleHistoryView(vm, text);
        this.healthStrip = new HealthStrip(vm.health(), vm.runDirProperty().isNotNull(), text);
        healthStrip.showEarly(vm.earlyHealthProperty());
        this.gridPick = new GridPick(history.pixels(), vm, text);
        subs.onDispose(healthStrip::dispose);
        subs.onDispose(gridPick::dispose);
        getStyleClass().addAll("screen", "train-view");
        setPadding(new Insets(10));
        setTop(new VBox(8, toolbar(), problemsBox(), failureBanner()));
        setCenter(centre());
        setBottom(statusBar());
        // Charts are drawn while the screen shows; shown again, they catch up in one drawing.
        subs.onChange(vm.metricsChangedProperty(), (o, a, b) -> updateCharts());
        subs.onChange(vm.smoothingProperty(), (o, a, b) -> updateCharts());
        subs.onDispose(charts::dispose);
        subs.onDispose(history::dispose);
        charts.update(vm.metrics(), vm.smoothingProperty().get()); // a rebuilt view starts from the history
        subs.onList(vm.quality(), c -> qualityChart.update(vm.quality()));
        subs.onDispose(qualityChart::dispose);
        qualityChart.update(vm.quality());
        // The studio measures quality about 10 times a run (QualityProbe.AUTO): say how often for this run's length.
        ChangeListener<Number> every = (o, a, b) -> qualityChart.setEvery(
                QualityProbe.autoEvery(vm.targetStepsProperty().get() > 0
                        ? vm.targetStepsProperty().get() : vm.plannedStepsProperty().get()));
        subs.onChange(vm.targetStepsProperty(), every);
        subs.onChange(vm.plannedStepsProperty(), every);
        warmUpFormats();
        vm.refreshPlan();
        every.changed(null, null, null);
        sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.refreshPlan(); // the Model screen may have changed the steps since
            }
            updateCharts();
        });
        vm.driver().start(); // the ViewModel's own: it keeps running when this view is hidden or replaced
    }

    private void updateCharts() {
        if (getScene() != null) {
            charts.update(vm.metrics(), vm.smoothingProperty().get());
        }
    }

    /** Removes this view's listeners from the ViewModel and ends its chart thread (the shell replaced it). */
    @Override
    public void dispose() {
        subs.dispose();
    }

    /**
     * The first number formatted through MessageFormat loads locale data and formatter classes; done here, while
     * nothing is training, instead of on the FX thread at the first step (the benchmark saw a one-off 100 ms gap).
     */
    private void warmUpFormats() {
        text.format("label.imagesPerSecond", 1.5);
        text.format("label.step", 1L, 2L);
        text.format("label.elapsed", TrainText.clock(61));
    }

    /** Asks for the new target and any changed settings, then continues the run with them. */
    private void continueTraining() {
        GanConfig run = vm.runConfigProperty().get();
        if (run == null || vm.runDirProperty().get() == null) {
            return;
        }
        ContinueDialog dialog = new ContinueDialog(getScene() == null ? null : getScene().getWindow(),
                new ContinueSettings(run, vm.suggestedContinueTarget()), text,
                vm.runDirProperty().get().getFileName().toString(), vm.stepProperty().get());
        dialog.showAndWait().ifPresent(vm::continueTraining);
    }

    public PumpDriver driver() {
        return vm.driver();
    }

    public TrainViewModel viewModel() {
        return vm;
    }

    public SampleHistoryView history() {
        return history;
    }

    public TrainingCharts charts() {
        return charts;
    }

    public HealthStrip healthStrip() {
        return healthStrip;
    }

    GridPick gridPick() {
        return gridPick;
    }

    public QualityChart qualityChart() {
        return qualityChart;
    }

    private WrappingRow toolbar() {
        Button start = button("start", "button.start", vm::start, vm.canStartProperty().not());
        start.setTooltip(Tips.of(text.get("tooltip.start")));
        start.setDefaultButton(true);
        Button pause = button("pause", "button.pause", vm::pause, vm.canPauseProperty().not());
        Button resume = button("resume", "button.resume", vm::resume, vm.canResumeProperty().not());
        Button stop = button("stop", "button.stop", vm::stop, vm.canStopProperty().not());
        Button step = button("step", "button.step", vm::stepOnce, vm.canStepProperty().not());
        step.setTooltip(Tips.of(text.get("tooltip.step")));
        Button open = button("openRun", "button.openRun", this::openRun, vm.canStartProperty().not());
        open.setTooltip(Tips.of(text.get("tooltip.openRun")));
        Button cont = button("continue", "button.continue", this::continueTraining, vm.canContinueProperty().not());
        cont.setTooltip(Tips.of(text.get("tooltip.continue")));
        WrappingRow bar = new WrappingRow(6, 6, start, pause, resume,
                stop, step, new Separator(Orientation.VERTICAL), open, cont);
        return bar;
    }

    private Button button(String id, String key, Runnable action, ObservableBooleanValue disabled) {
        Button b = new Button(text.get(key));
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.disableProperty().bind(disabled);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    private VBox problemsBox() {
        Label title = new Label(text.get("label.problems"));
        title.setStyle("-fx-font-weight: bold;");
        Label list = new Label();
        list.setWrapText(true);
        list.setId("problems");
        VBox box = new VBox(2, title, list);
        box.setStyle("-fx-background-color: #fff4e5; -fx-border-color: #e0a040; -fx-padding: 8;");
        subs.onChange(vm.problemsProperty(), (o, a, p) -> list.setText(bullets(p)));
        list.setText(bullets(vm.problemsProperty().get()));
        box.visibleProperty().bind(Bindings.createBooleanBinding(() -> !vm.problemsProperty().get().isEmpty(),
                vm.problemsProperty()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static String bullets(List<String> lines) {
        return String.join("\n", lines.stream().map(s -> "• " + s).toList());
    }

    private HBox failureBanner() {
        Label message = new Label();
        message.setWrapText(true);
        message.setId("failure");
        Button dismiss = new Button(text.get("button.dismiss"));
        dismiss.setOnAction(e -> vm.dismissFailure());
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox banner = new HBox(10, message, dismiss);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setStyle("-fx-background-color: #fdecea; -fx-border-color: #d9534f; -fx-padding: 8;");
        subs.onChange(vm.failureProperty(), (o, a, f) -> message.setText(failureText(f)));
        message.setText(failureText(vm.failureProperty().get()));
        banner.visibleProperty().bind(vm.failureProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private String failureText(SessionEvent.Failed f) {
        return f == null ? "" : text.get("failed.title") + ": " + f.what().text(text.locale()) + "\n"
                + f.todo().text(text.locale());
    }

    private SplitPane centre() {
        Slider smoothing = new Slider(0, 0.99, vm.smoothingProperty().get());
        smoothing.setId("smoothing");
        smoothing.valueProperty().bindBidirectional(vm.smoothingProperty());
        smoothing.setPrefWidth(160);
        Label smoothingValue = new Label();
        smoothingValue.textProperty().bind(vm.smoothingProperty().asString("%.2f"));
        smoothingValue.setMinWidth(36);
        HBox smoothingRow = new HBox(6, new Label(text.get("label.smoothing")), smoothing, smoothingValue);
        smoothingRow.setAlignment(Pos.CENTER_RIGHT);
        PresentationLayout.hideWhenPresenting(smoothingRow); // an advanced setting
        Region lossView = charts.lossView();
        Region scoreView = charts.scoreView();
        VBox.setVgrow(lossView, Priority.ALWAYS);
        VBox.setVgrow(scoreView, Priority.ALWAYS);
        Region qualityView = qualityChart.view();
        VBox.setVgrow(qualityView, Priority.ALWAYS);
        VBox chartsBox = new VBox(4, healthStrip, smoothingRow, lossView, scoreView, qualityView);

        Button exportGif = new Button(text.get("button.exportGif"));
        exportGif.setId("exportGif");
        exportGif.setTooltip(Tips.of(text.get("tooltip.exportGif")));
        exportGif.disableProperty().bind(Bindings.isEmpty(vm.samples()));
        exportGif.setOnAction(e -> exportGif());
        Region pickGrow = new Region();
        HBox.setHgrow(pickGrow, Priority.ALWAYS);
        HBox exportRow = new HBox(8, gridPick.status(), pickGrow, exportGif);
        exportRow.setAlignment(Pos.CENTER_RIGHT);
        exportRow.setPadding(new Insets(6, 0, 0, 0));
        VBox.setVgrow(history, Priority.ALWAYS);
        VBox left = new VBox(history, exportRow);

        SplitPane split = new SplitPane(left, chartsBox);
        // Presentation mode gives the sample grid more of the width, so it is drawn larger.
        PresentationLayout.divider(split, 0.45, 0.5, subs);
        BorderPane.setMargin(split, new Insets(10, 0, 0, 0));
        VBox.setVgrow(split, Priority.ALWAYS);
        return split;
    }

    private VBox statusBar() {
        ProgressBar bar = new ProgressBar();
        bar.setId("progress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        Label step = new Label();
        step.setId("stepLabel");
        // Before the first start there is no run yet: say it is ready and what Start would train. Once a run has
        // ended, its last step stays in view beside what Start would train next (a new run, not more of this one).
        step.textProperty().bind(Bindings.createStringBinding(() -> {
            SessionState s = vm.stateProperty().get();
            long planned = vm.plannedStepsProperty().get();
            double seconds = vm.plannedSecondsProperty().get();
            String ready = planned <= 0 ? text.get("label.readyNoPlan") : Double.isNaN(seconds)
                    ? text.format("label.ready", planned)
                    : text.format("label.readyTime", planned, text.aboutTime(seconds));
            if (s == null && vm.targetStepsProperty().get() == 0) {
                return ready;
            }
            String at = text.format("label.step", vm.stepProperty().get(), vm.targetStepsProperty().get());
            return s == SessionState.FINISHED ? text.format("label.endedThenReady", at, ready) : at;
        }, vm.stepProperty(), vm.targetStepsProperty(), vm.stateProperty(), vm.plannedStepsProperty(),
                vm.plannedSecondsProperty()));
        Label speed = new Label();
        speed.textProperty().bind(Bindings.createStringBinding(() -> {
            double v = vm.imagesPerSecondProperty().get();
            return Double.isNaN(v) ? "" : text.format("label.imagesPerSecond", v);
        }, vm.imagesPerSecondProperty()));
        Label augment = new Label();
        augment.setId("augmentLabel");
        augment.textProperty().bind(Bindings.createStringBinding(() -> {
            double p = vm.augmentPProperty().get();
            double r = vm.augmentRProperty().get();
            if (Double.isNaN(p)) {
                return "";
            }
            return Double.isNaN(r) ? text.format("label.augment", p) : text.format("label.augmentAda", p, r);
        }, vm.augmentPProperty(), vm.augmentRProperty()));
        augment.setTooltip(Tips.of(text.get("label.augment.help")));
        Label elapsed = new Label();
        elapsed.textProperty().bind(Bindings.createStringBinding(() -> text.format("label.elapsed",
                TrainText.clock(vm.elapsedSecondsProperty().get())), vm.elapsedSecondsProperty()));
        Label eta = new Label();
        eta.setId("etaLabel");
        // Only while training: an ended or opened run has no remaining time.
        eta.textProperty().bind(Bindings.createStringBinding(() -> Double.isNaN(vm.etaSecondsProperty().get()) ? ""
                : text.format("label.eta", TrainText.clock(vm.etaSecondsProperty().get())), vm.etaSecondsProperty()));
        warningsLabel.setId("warnings");
        warningsLabel.setStyle("-fx-text-fill: #9a6400;");
        subs.onList(vm.warnings(), c -> updateWarnings());
        updateWarnings();
        // What the session is and does, then its numbers: a line that goes on in a second one rather than cut a
        // phrase short (Japanese, presentation mode).
        Label state = new Label();
        state.setId("stateLabel");
        state.textProperty().bind(Bindings.createStringBinding(vm::stateText, vm.stateProperty(),
                vm.stoppedEarlyProperty(), vm.stepProperty()));
        state.getStyleClass().add("state-label");
        state.setStyle("-fx-font-weight: bold;");
        Label activity = new Label();
        activity.setId("activityLabel");
        activity.textProperty().bind(vm.activityProperty());
        for (Label l : new Label[] {state, activity, step, speed, augment, elapsed, eta}) {
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
            l.managedProperty().bind(l.visibleProperty());
        }
        warningsLabel.managedProperty().bind(warningsLabel.visibleProperty());
        warningsLabel.setWrapText(true);
        WrappingRow row = new WrappingRow(16, 4, state, activity, step,
                speed, augment, elapsed, eta, warningsLabel);
        VBox box = new VBox(4, bar, row);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private void updateWarnings() {
        List<String> w = vm.warnings();
        warningsLabel.setVisible(!w.isEmpty());
        if (w.isEmpty()) {
            return;
        }
        // Unobtrusive: a count with the newest in view; all of them on hover.
        warningsLabel.setText("⚠ " + text.format("label.warnings", w.size()) + ": " + w.get(w.size() - 1));
        warningsLabel.setMaxWidth(520);
        warningsLabel.setTooltip(Tips.of(String.join("\n", w)));
    }

    private void openRun() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(text.get("dialog.openRun"));
        File dir = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        if (dir != null) {
            openRun(dir.toPath());
        }
    }

    /** Shows a run folder's history (e.g. from the shell's "Open run" menu). */
    public void openRun(Path dir) {
        BackgroundTasks.common().run(text.get("dialog.openRun"), () -> RunSnapshot.read(dir), vm::showRun,
                e -> vm.warnings().add(text.format("open.failed", e.getMessage())));
    }

    private void exportGif() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text.get("dialog.exportGif"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(text.get("dialog.gifFilter"), "*.gif"));
        if (vm.runDirProperty().get() != null) {
            chooser.setInitialDirectory(vm.runDirProperty().get().toFile());
            chooser.setInitialFileName(vm.runDirProperty().get().getFileName() + ".gif");
        }
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file == null) {
            return;
        }
        List<RunFolder.Sample> samples = List.copyOf(vm.samples());
        BackgroundTasks.common().run(text.get("button.exportGif"), () -> {
            OutputCheck.requireChosen(file.toPath(),
                    OutputCheck.Kind.GIF);
            return HistoryGif.write(samples, file.toPath(), GIF_DELAY_MS, GIF_MAX_FRAMES, HistoryGif.AUTO_SCALE);
        },
                n -> vm.notifier().info(text.get("button.exportGif"), text.format("export.done", n, file)),
                e -> vm.warnings().add(text.format("export.failed", FileErrors.text(e))));
    }
}
