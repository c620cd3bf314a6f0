package io.ganstudio.ui.explore;

import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.data.SingleImage;
import io.ganstudio.core.image.SampleGrid;
import io.ganstudio.core.latent.Projector;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.jobs.ProjectionJob;
import io.ganstudio.ui.fxutil.ArgbFrame;
import io.ganstudio.ui.task.BackgroundTasks;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Projecting a photo into the generator's latent space from the Explore screen: the image is prepared like the run's
 * training data (core's SingleImage), the projector (Adam on z from the best of several random starts) runs as a
 * background job with progress and cancel, its best reconstruction so far is shown as it converges, and the z found
 * becomes Explore's point on show. Bad input (not an image, damaged, missing) is refused with the reason.
 */
public final class ProjectionModel {

    public static final int MIN_STEPS = 10;
    public static final int MAX_STEPS = 2_000;
    /** The live reconstruction is handed to the FX thread at most this often. */
    private static final long LIVE_EVERY_NANOS = 100_000_000L;

    /** What a finished projection found. */
    public record Found(String name, float[] z, int label, double pixelError, double startError) {
    }

    private final ExploreViewModel explore;
    private final BackgroundTasks tasks;
    private final Executor fx;
    private final ExploreText text;
    private final IntegerProperty steps = new SimpleIntegerProperty(300);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ArgbFrame> target = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ArgbFrame> reconstruction = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Found> found = new ReadOnlyObjectWrapper<>();
    private Task<?> task;
    private long generation;

    ProjectionModel(ExploreViewModel explore, BackgroundTasks tasks, Executor fx, ExploreText text) {
        this.explore = explore;
        this.tasks = tasks;
        this.fx = fx;
        this.text = text;
        explore.sourceProperty().addListener((o, was, now) -> {
            cancel(); // a projection belongs to the generator it started on
            target.set(null);
            reconstruction.set(null);
            found.set(null);
            notes.set("");
            message.set("");
        });
    }

    /** Projects an image file into the generator on show; refused while one is running. */
    public void project(Path file) {
        ImageSource source = explore.sourceProperty().get();
        Path opened = explore.openedPathProperty().get();
        if (running.get()) {
            message.set(text.get("lab.projectBusy"));
            return;
        }
        if (source == null || opened == null) {
            message.set(text.get("lab.projectNoRun"));
            return;
        }
        int n = Math.max(MIN_STEPS, Math.min(MAX_STEPS, steps.get()));
        long g = ++generation;
        running.set(true);
        progress.unbind();
        progress.set(-1);
        target.set(null);
        reconstruction.set(null);
        found.set(null);
        notes.set("");
        message.set(text.format("lab.projectPreparing", file.getFileName()));
        String name = text.format("lab.projectionName", file.getFileName());
        task = tasks.job(text.get("lab.projectTitle"), ctx -> {
            ProjectionJob job = ProjectionJob.open(opened);
            ModelConfig model = job.model();
            SingleImage.Prepared prepared;
            try {
                prepared = job.prepare(file);
            } catch (DatasetException e) {
                throw new RefusedImage(e.phrase().text(text.locale()));
            }
            int size = model.imageSize();
            ArgbFrame targetFrame = new ArgbFrame(size, size, job.argb(prepared.pixels()));
            String note = preparedNotes(prepared, size);
            fx.execute(() -> {
                if (g == generation) {
                    target.set(targetFrame);
                    notes.set(note);
                    message.set(text.format("lab.projectRunning", file.getFileName()));
                }
            });
            long[] lastLive = {0};
            Projector.Result r = job.project(prepared.pixels(), -1, Projector.Settings.defaults().withSteps(n),
                    new Projector.Progress() {
                        public void step(int done, int total, double loss, double pixelError) {
                            ctx.progress(done, total);
                        }

                        public boolean wantsBest() {
                            return true;
                        }

                        public void best(int done, float[] z, float[] image) {
                            long now = System.nanoTime();
                            if (now - lastLive[0] < LIVE_EVERY_NANOS && done < n) {
                                return;
                            }
                            lastLive[0] = now;
                            ArgbFrame f = new ArgbFrame(size, size, job.argb(image));
                            double error = Projector.pixelError(image, 0, prepared.pixels());
                            fx.execute(() -> {
                                if (g == generation && running.get()) {
                                    reconstruction.set(f);
                                    message.set(text.format("lab.projectStep", done, n, error));
                                }
                            });
                        }
                    }, ctx::isCancelled);
            return new Outcome(r, job.className(r), size, model.channels());
        }).onSuccess(out -> {
            Projector.Result r = out.result();
            int size = out.size();
            reconstruction.set(new ArgbFrame(size, size, SampleGrid.toArgb(r.image(), 0, out.channels(), size)));
            found.set(new Found(name, r.z(), r.label(), r.pixelError(), r.startError()));
            String cls = out.className();
            message.set(text.format(cls.isEmpty() ? "lab.projectDone" : "lab.projectDoneClass", r.pixelError(),
                    r.startError(), cls));
            if (explore.sourceProperty().get() == source) {
                if (r.label() >= 0) {
                    explore.requestClass(r.label()); // a conditional run shows the point in the class it was found in
                }
                explore.showPoint(r.z(), name);
            }
        }).onError(e -> message.set(e instanceof RefusedImage ? text.format("lab.projectRefused", e.getMessage())
                : text.format("lab.projectFailed", LabModel.message(e, text))))
                .onCancelled(() -> message.set(text.get("lab.projectCancelled")))
                .andFinally(() -> {
                    if (g == generation) {
                        running.set(false);
                    }
                }).start();
        progress.bind(task.progressProperty());
        task.stateProperty().addListener((o, was, now) -> {
            if (now != Worker.State.RUNNING && now != Worker.State.SCHEDULED) {
                progress.unbind();
            }
        });
    }

    /** Stops a running projection at its next step. */
    public void cancel() {
        if (task != null && task.isRunning()) {
            task.cancel(false); // the projector notices at its next step; never interrupt the engine's native calls
        }
    }

    private String preparedNotes(SingleImage.Prepared p, int size) {
        List<String> out = new ArrayList<>();
        if (p.width() != size || p.height() != size) {
            out.add(text.format("lab.noteResized", p.width(), p.height(), size));
        }
        if (p.madeGray()) {
            out.add(text.get("lab.noteGray"));
        }
        return String.join(" ", out);
    }

    private record Outcome(Projector.Result result, String className, int size, int channels) {
    }

    /** An image the data layer refused, with its reason in the person's language. */
    private static final class RefusedImage extends Exception {
        RefusedImage(String reason) {
            super(reason);
        }
    }

    // ---- properties

    /** Adam steps on z ({@value #MIN_STEPS} to {@value #MAX_STEPS}). */
    public IntegerProperty stepsProperty() {
        return steps;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0 to 1 while running (-1 while preparing). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the projection is doing, what it found, or why it could not. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** How the image was prepared (resized, made gray), or empty. */
    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }

    /** The image as the model sees it (cropped, resized, channels matched). */
    public ReadOnlyObjectProperty<ArgbFrame> targetProperty() {
        return target.getReadOnlyProperty();
    }

    /** The best reconstruction so far, updated as the projection converges. */
    public ReadOnlyObjectProperty<ArgbFrame> reconstructionProperty() {
        return reconstruction.getReadOnlyProperty();
    }

    /** The last finished projection, or null. */
    public ReadOnlyObjectProperty<Found> foundProperty() {
        return found.getReadOnlyProperty();
    }
}
