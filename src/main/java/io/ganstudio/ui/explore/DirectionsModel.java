package io.ganstudio.ui.explore;

import io.ganstudio.core.engine.AppDirs;
import io.ganstudio.core.latent.ClassDirections;
import io.ganstudio.core.latent.LatentBook;
import io.ganstudio.core.quality.ClassDirectionFit;
import io.ganstudio.jobs.DirectionsJob;
import io.ganstudio.jobs.GeneratorLoader;
import io.ganstudio.ui.common.ErrorText;
import io.ganstudio.ui.task.BackgroundTasks;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Explore's class directions (InterFaceGAN): finds them in the background through {@link DirectionsJob} (progress,
 * cancel), shows the ones the run keeps in its latents.json as soon as it is opened, and adds the sliders' sum to
 * the point on show through {@link ExploreViewModel#setExtraEdit}. No controls: the panel binds to it.
 */
public final class DirectionsModel {

    private static final String EDIT = "classDirections";

    private final ExploreViewModel vm;
    private final ExploreText text;
    private final BackgroundTasks tasks;
    private final ReadOnlyObjectWrapper<List<LatentBook.Direction>> directions =
            new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canFind = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private Task<ClassDirectionFit.Report> running;
    private long opened;
    /** False while the run's data is not known yet, or known to have no classes (a flat folder). */
    private boolean classes;

    public DirectionsModel(ExploreViewModel vm, ExploreText text, BackgroundTasks tasks) {
        this.vm = vm;
        this.text = text;
        this.tasks = tasks;
    }

    /** The run folder whose latents.json holds the directions: the opened folder, or a checkpoint's run. */
    private Path runDir() {
        Path p = vm.openedPathProperty().get();
        return p == null ? null : GeneratorLoader.runOf(p);
    }

    private void setBusy(boolean now) {
        busy.set(now);
        canFind.set(!now && runDir() != null && classes);
    }

    /** A generator was opened (or closed): its kept directions are read, a search for the old one stops. */
    public void openedChanged() {
        cancel();
        long generation = ++opened;
        show(List.of());
        ImageSource s = vm.sourceProperty().get();
        Path run = runDir();
        classes = false;
        setBusy(false);
        if (s == null) {
            info.set("");
            return;
        }
        if (run == null) {
            info.set(text.get("directions.noRun"));
            return;
        }
        info.set(text.get("directions.none"));
        int latent = s.latentSize();
        tasks.run(text.get("directions.loading"), () -> DirectionsJob.kept(run, latent), kept -> {
            if (generation != opened) {
                return;
            }
            classes = kept.classesPossible();
            setBusy(running != null);
            if (!kept.classDirections().isEmpty()) {
                info.set(text.get("directions.kept"));
                show(kept.classDirections());
            } else if (!classes) {
                info.set(text.get("directions.noClasses"));
            }
        }, e -> {
            if (generation == opened) {
                classes = true; // not known: the fit says what it lacks
                setBusy(running != null);
                info.set(text.format("directions.failed", ErrorText.of(e, text.locale())));
            }
        });
    }

    /** Fits class directions on the opened generator's run in the background. */
    public void find() {
        Path opened = vm.openedPathProperty().get();
        if (runDir() == null || opened == null) {
            return;
        }
        long generation = this.opened;
        setBusy(true);
        progress.unbind(); // still bound to the previous search's task
        progress.set(-1);
        info.set(text.get("directions.working"));
        Task<?>[] self = new Task<?>[1];
        running = tasks.<ClassDirectionFit.Report>job(text.get("directions.task"), ctx ->
                DirectionsJob.findClassDirections(opened, new ClassDirectionFit.Settings(DirectionsJob.CLASS_SAMPLES,
                        0, 1, AppDirs.datasetCacheDir()), (stage, f) -> {
                    ctx.progress(Math.round(f * 1000), 1000);
                    ctx.message(text.get(stage == ClassDirectionFit.Stage.CLASSIFIER
                            ? "directions.stage.classifier" : "directions.stage.sampling"));
                }, ctx::isCancelled)).onSuccess(report -> {
                    if (generation == this.opened) {
                        show(DirectionsJob.asKept(report));
                        info.set(summary(report));
                    }
                }).onError(e -> {
                    if (generation == this.opened) {
                        info.set(text.format("directions.failed", ErrorText.of(e, text.locale())));
                    }
                }).onCancelled(() -> {
                    if (generation == this.opened) {
                        info.set(text.get("directions.cancelled"));
                    }
                }).andFinally(() -> {
                    if (running != self[0]) {
                        return; // a newer search is running
                    }
                    running = null;
                    progress.unbind();
                    setBusy(false);
                }).start();
        self[0] = running;
        progress.bind(running.progressProperty());
    }

    /** Stops a running search at its next check. */
    public void cancel() {
        if (running != null) {
            running.cancel();
        }
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

    /** New directions replace the previous ones, and their edit goes. */
    private void show(List<LatentBook.Direction> ds) {
        vm.setExtraEdit(EDIT, null);
        directions.set(List.copyOf(ds));
    }

    /** The sliders' amounts (one per direction, in standard deviations): their sum edits the point on show. */
    public void slide(double[] amounts) {
        List<LatentBook.Direction> ds = directions.get();
        if (ds.isEmpty()) {
            return;
        }
        float[] delta = new float[ds.get(0).z().length];
        boolean any = false;
        for (int i = 0; i < ds.size() && i < amounts.length; i++) {
            double a = amounts[i];
            if (a != 0) {
                any = true;
                float[] n = ds.get(i).z();
                for (int j = 0; j < delta.length; j++) {
                    delta[j] += (float) (a * n[j]);
                }
            }
        }
        vm.setExtraEdit(EDIT, any ? delta : null);
    }

    /** The class name a direction moves toward ("toward Bag" is shown as Bag). */
    public static String className(LatentBook.Direction d) {
        return d.name().startsWith("toward ") ? d.name().substring("toward ".length()) : d.name();
    }

    // ---- properties

    /** The class directions on show, one slider each. */
    public ReadOnlyObjectProperty<List<LatentBook.Direction>> directionsProperty() {
        return directions.getReadOnlyProperty();
    }

    /** What the panel says: none kept, kept, working, found, failed. */
    public ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether a search can start: a run folder whose images can have classes, and none running. */
    public ReadOnlyBooleanProperty canFindProperty() {
        return canFind.getReadOnlyProperty();
    }

    /** 0 to 1 while a search runs (-1 while it prepares). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
