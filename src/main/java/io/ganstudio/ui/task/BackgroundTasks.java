package io.ganstudio.ui.task;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The studio's one way to run work off the FX thread. Threads are daemons (closing the window ends the app) and
 * {@link #latestProperty()} exposes the most recently started running job for the status bar.
 */
public final class BackgroundTasks {

    /** The studio's instance, also for views built without the studio's context (harnesses, benchmarks). */
    private static final BackgroundTasks COMMON = new BackgroundTasks();

    private final ExecutorService executor;
    private final ReadOnlyObjectWrapper<Task<?>> latest = new ReadOnlyObjectWrapper<>(this, "latest");

    public BackgroundTasks() {
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "studio-background-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The process's shared instance: its threads are daemons and live as long as the app. */
    public static BackgroundTasks common() {
        return COMMON;
    }

    public <T> BackgroundJob<T> job(String title, Work<T> work) {
        return new BackgroundJob<>(title, work, executor, this::track);
    }

    /** Short form of {@link #job}: blocking file work whose result or error comes back on the FX thread. */
    public <T> Task<T> run(String title, Callable<T> work,
                                             Consumer<T> onSuccess,
                                             Consumer<Throwable> onError) {
        return job(title, c -> work.call()).onSuccess(onSuccess).onError(onError).start();
    }

    /** The latest job that is still scheduled or running, or null when none is. */
    public ReadOnlyObjectProperty<Task<?>> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    private void track(Task<?> task) {
        // The status bar binds to what this property holds: it changes on the FX thread only, also when a job is
        // started from another thread (a view model's own executor), so that no scene graph is touched off it.
        if (Platform.isFxApplicationThread()) {
            follow(task);
        } else {
            Platform.runLater(() -> follow(task));
        }
    }

    private void follow(Task<?> task) {
        if (task.isDone()) {
            return;
        }
        latest.set(task);
        task.stateProperty().addListener((obs, old, state) -> {
            boolean done = state == Worker.State.SUCCEEDED || state == Worker.State.FAILED
                    || state == Worker.State.CANCELLED;
            if (done && latest.get() == task) {
                latest.set(null);
            }
        });
    }

    public void shutdown() {
        executor.shutdownNow();
    }
}
