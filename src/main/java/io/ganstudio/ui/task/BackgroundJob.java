package io.ganstudio.ui.task;

import io.ganstudio.core.engine.Autograd;
import javafx.concurrent.Task;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A fluent job around {@link Task}: {@code tasks.job(title, work).onSuccess(..).onError(..).andFinally(..).start()}.
 * Callbacks run on the FX thread; the work runs on the shared executor. Cancellation is cooperative: the work
 * polls {@link WorkContext#isCancelled()}, and onError is not called for a cancelled job.
 */
public final class BackgroundJob<T> {

    private final String title;
    private final Work<T> work;
    private final Executor executor;
    private final Consumer<Task<?>> tracker;
    private Consumer<T> onSuccess = v -> { };
    private Consumer<Throwable> onError = e -> { };
    private Runnable onCancelled = () -> { };
    private Runnable andFinally = () -> { };

    BackgroundJob(String title, Work<T> work, Executor executor, Consumer<Task<?>> tracker) {
        this.title = title;
        this.work = work;
        this.executor = executor;
        this.tracker = tracker;
    }

    public BackgroundJob<T> onSuccess(Consumer<T> action) {
        this.onSuccess = action;
        return this;
    }

    public BackgroundJob<T> onError(Consumer<Throwable> action) {
        this.onError = action;
        return this;
    }

    public BackgroundJob<T> onCancelled(Runnable action) {
        this.onCancelled = action;
        return this;
    }

    public BackgroundJob<T> andFinally(Runnable action) {
        this.andFinally = action;
        return this;
    }

    /** Submits the job; the returned task can be cancelled and observed (progress, message). */
    public Task<T> start() {
        Task<T> task = new Task<>() {
            {
                // Set before it runs, so the status bar shows the job's name while it is queued.
                updateTitle(title);
            }

            @Override
            protected T call() throws Exception {
                updateProgress(-1, 1);
                Autograd.followCollectorsOnThisThread();
                return work.call(new WorkContext() {
                    @Override
                    public void progress(long done, long total) {
                        updateProgress(done, total);
                    }

                    @Override
                    public void message(String text) {
                        updateMessage(text);
                    }

                    @Override
                    public boolean isCancelled() {
                        return Thread.currentThread().isInterrupted() || isTaskCancelled();
                    }
                });
            }

            private boolean isTaskCancelled() {
                return isCancelled();
            }
        };
        task.setOnSucceeded(e -> {
            try {
                onSuccess.accept(task.getValue());
            } finally {
                andFinally.run();
            }
        });
        task.setOnFailed(e -> {
            try {
                onError.accept(task.getException());
            } finally {
                andFinally.run();
            }
        });
        task.setOnCancelled(e -> {
            try {
                onCancelled.run();
            } finally {
                andFinally.run();
            }
        });
        tracker.accept(task);
        executor.execute(task);
        return task;
    }
}
