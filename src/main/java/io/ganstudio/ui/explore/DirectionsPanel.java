package io.ganstudio.ui.explore;

import io.ganstudio.ui.common.Tips;
import io.ganstudio.core.engine.AppDirs;
import io.ganstudio.core.latent.ClassDirections;
import io.ganstudio.core.latent.LatentBook;
import io.ganstudio.core.quality.ClassDirectionFit;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.LoadedCheckpoint;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.ui.fxutil.Subscriptions;
import io.ganstudio.ui.task.BackgroundTasks;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Explore's class directions (InterFaceGAN): a button that finds them in the background (progress, cancel; see
 * {@link ClassDirectionFit}), and one slider per class direction, named after its class with its held-out
 * accuracy. The directions are kept in the run's latents.json, so a run opened again shows its sliders at once.
 * The sliders add their sum to the point on show through {@link ExploreViewModel#setExtraEdit}.
 */
public final class DirectionsPanel extends VBox {

    /** Samples drawn to fit the directions (the CLI's default). */
    static final int SAMPLES = 4000;
    private static final String EDIT = "classDirections";

    private final ExploreViewModel vm;
    private final ExploreText text;
    private final Button find = new Button();
    private final Button cancel = new Button();
    private final ProgressBar progress = new ProgressBar();
    private final Label info = new Label();
    private final GridPane sliders = new GridPane();
    private final List<Slider> sliderList = new ArrayList<>();
    private final List<float[]> normals = new ArrayList<>();
    private Task<ClassDirectionFit.Report> running;
    private boolean zeroing;
    private long opened;
    /** False while the run's data is not known yet, or known to have no classes (a flat folder). */
    private boolean classes;

    public DirectionsPanel(ExploreViewModel vm, ExploreText text, Subscriptions subs) {
        super(6);
        this.vm = vm;
        this.text = text;
        setId("directionsPanel");
        Label heading = new Label(text.get("directions.heading"));
        heading.setStyle("-fx-font-weight: bold;");
        find.setText(text.get("directions.find"));
        find.setId("findDirections");
        find.setTooltip(Tips.of(text.format("directions.tooltip", SAMPLES)));
        find.setOnAction(e -> start());
        cancel.setText(text.get("directions.cancel"));
        cancel.setId("cancelDirections");
        cancel.setOnAction(e -> {
            if (running != null) {
                running.cancel();
            }
        });
        progress.setPrefWidth(120);
        progress.setId("directionsProgress");
        setBusy(false);
        HBox row = new HBox(8, heading, find, progress, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        info.setWrapText(true);
        info.setId("directionsInfo");
        sliders.setHgap(8);
        sliders.setVgap(2);
        getChildren().addAll(row, info, sliders);
        subs.onChange(vm.sourceProperty(), (o, a, s) -> openedChanged());
        subs.onChange(vm.picksProperty(), (o, a, n) -> zeroSliders());
        subs.onDispose(() -> {
            if (running != null) {
                running.cancel();
            }
        });
        openedChanged();
    }

    private void setBusy(boolean busy) {
        progress.setVisible(busy);
        progress.setManaged(busy);
        cancel.setVisible(busy);
        cancel.setManaged(busy);
        find.setDisable(busy || runDir() == null || !classes);
    }

    /** The run folder whose latents.json holds the directions: the opened folder, or a checkpoint's run. */
    private Path runDir() {
        Path p = vm.openedPathProperty().get();
        if (p == null) {
            return null;
        }
        if (Files.isDirectory(p)) {
            return p;
        }
        Path run = p.getParent() == null ? null : p.getParent().getParent();
        return run != null && RunFolder.isRunFolder(run) ? run : null;
    }

    private void openedChanged() {
        if (running != null) {
            running.cancel();
        }
        long generation = ++opened;
        show(List.of());
        ImageSource s = vm.sourceProperty().get();
        Path run = runDir();
        classes = false;
        setBusy(false);
        if (s == null) {
            info.setText("");
            return;
        }
        if (run == null) {
            info.setText(text.get("directions.noRun"));
            return;
        }
        info.setText(text.get("directions.none"));
        int latent = s.latentSize();
        BackgroundTasks.common().run(text.get("directions.loading"), () -> new Kept(
                        LatentBook.open(run, latent).directions(), RunClasses.possible(RunFolder.open(run).config())),
                kept -> {
                    if (generation != opened) {
                        return;
                    }
                    classes = kept.classes();
                    setBusy(running != null);
                    List<LatentBook.Direction> ds = kept.directions().stream().filter(d -> d.accuracy() != null)
                            .toList();
                    if (!ds.isEmpty()) {
                        info.setText(text.get("directions.kept"));
                        show(ds);
                    } else if (!classes) {
                        info.setText(text.get("directions.noClasses"));
                    }
                }, e -> {
                    if (generation == opened) {
                        classes = true; // not known: the fit says what it lacks
                        setBusy(running != null);
                        info.setText(text.format("directions.failed", e.getMessage()));
                    }
                });
    }

    /** A run's kept directions, and whether its images can have classes at all. */
    private record Kept(List<LatentBook.Direction> directions, boolean classes) {
    }

    private void start() {
        Path run = runDir();
        Path opened = vm.openedPathProperty().get();
        if (run == null || opened == null) {
            return;
        }
        long generation = this.opened;
        setBusy(true);
        progress.progressProperty().unbind(); // still bound to the previous search's task
        progress.setProgress(-1);
        info.setText(text.get("directions.working"));
        List<Task<ClassDirectionFit.Report>> self = new ArrayList<>(1);
        running = BackgroundTasks.common().<ClassDirectionFit.Report>job(text.get("directions.task"), ctx -> {
            LoadedCheckpoint checkpoint = Files.isDirectory(opened)
                    ? Checkpoints.readLatestGenerator(RunFolder.open(opened).checkpointDir())
                    : Checkpoints.readGenerator(opened);
            return ClassDirectionFit.run(run, checkpoint, new ClassDirectionFit.Settings(SAMPLES, 0, 1,
                            AppDirs.datasetCacheDir()), (stage, f) -> {
                        ctx.progress(Math.round(f * 1000), 1000);
                        ctx.message(text.get(stage == ClassDirectionFit.Stage.CLASSIFIER
                                ? "directions.stage.classifier" : "directions.stage.sampling"));
                    }, ctx::isCancelled);
        }).onSuccess(report -> {
            if (generation != this.opened) {
                return;
            }
            List<LatentBook.Direction> ds = new ArrayList<>();
            for (ClassDirections.Fitted d : report.result().directions()) {
                ds.add(new LatentBook.Direction(d.name(), d.normal(), d.balancedAccuracy()));
            }
            show(ds);
            info.setText(summary(report));
        }).onError(e -> {
            if (generation == this.opened) {
                info.setText(text.format("directions.failed", e.getMessage()));
            }
        }).onCancelled(() -> {
            if (generation == this.opened) {
                info.setText(text.get("directions.cancelled"));
            }
        }).andFinally(() -> {
            if (running != self.get(0)) {
                return; // a newer search is running
            }
            running = null;
            progress.progressProperty().unbind();
            setBusy(false);
        }).start();
        self.add(running);
        progress.progressProperty().bind(running.progressProperty());
    }

    private String summary(ClassDirectionFit.Report report) {
        ClassDirections.Result r = report.result();
        String classifier = report.classifier().equals("evaluator") ? text.get("directions.byEvaluator")
                : text.format("directions.byTrained", report.classifierImages(),
                String.format(Locale.ROOT, "%.0f%%", 100 * report.classifierAccuracy()));
        String s = text.format("directions.found", r.directions().size(), r.samples(), classifier);
        if (!r.skipped().isEmpty()) {
            s += " " + text.format("directions.skipped", String.join(", ", r.skipped().stream()
                    .map(ClassDirections.Skipped::className).toList()));
        }
        return s;
    }

    /** One slider per direction; the previous ones (and their edit) go. */
    private void show(List<LatentBook.Direction> ds) {
        sliders.getChildren().clear();
        sliderList.clear();
        normals.clear();
        vm.setExtraEdit(EDIT, null);
        for (int i = 0; i < ds.size(); i++) {
            LatentBook.Direction d = ds.get(i);
            String cls = d.name().startsWith("toward ") ? d.name().substring("toward ".length()) : d.name();
            Label name = new Label(text.format("directions.toward", cls));
            name.setMinWidth(110);
            Slider s = new Slider(-ExploreViewModel.RANGE, ExploreViewModel.RANGE, 0);
            s.setId("classSlider" + i);
            GridPane.setHgrow(s, Priority.ALWAYS);
            s.valueProperty().addListener((o, was, now) -> slid());
            Label value = new Label();
            value.setMinWidth(40);
            value.textProperty().bind(s.valueProperty().asString("%+.1f"));
            Label accuracy = new Label(String.format(Locale.ROOT, "%.0f%%", 100 * d.accuracy()));
            accuracy.setMinWidth(36);
            accuracy.setTooltip(Tips.of(text.get("directions.accuracyTip")));
            sliders.addRow(i, name, s, value, accuracy);
            sliderList.add(s);
            normals.add(d.z());
        }
    }

    private void slid() {
        if (zeroing || normals.isEmpty()) {
            return;
        }
        float[] delta = new float[normals.get(0).length];
        boolean any = false;
        for (int i = 0; i < normals.size(); i++) {
            double a = sliderList.get(i).getValue();
            if (a != 0) {
                any = true;
                float[] n = normals.get(i);
                for (int j = 0; j < delta.length; j++) {
                    delta[j] += (float) (a * n[j]);
                }
            }
        }
        vm.setExtraEdit(EDIT, any ? delta : null);
    }

    /** A new pick starts from its seed: the sliders go back to zero without editing anything. */
    private void zeroSliders() {
        zeroing = true;
        try {
            sliderList.forEach(s -> s.setValue(0));
        } finally {
            zeroing = false;
        }
    }

    /** The sliders' names as shown (for tests). */
    List<Slider> sliders() {
        return List.copyOf(sliderList);
    }
}
