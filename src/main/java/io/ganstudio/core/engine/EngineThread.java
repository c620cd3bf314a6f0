package io.ganstudio.core.engine;

import ai.djl.ndarray.NDManager;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * One daemon thread that owns a piece of engine state (networks and the arrays they hold, in one NDManager) and does
 * all the work on it, one request after another: the studio's generator (Explore) and its nearest-image lookup each
 * have one. The state is built on that thread and touched only there; requests come back as futures. A daemon
 * thread, so that an open screen never keeps the app from exiting.
 *
 * @param <S> what lives on the thread (the networks, a finder)
 */
public final class EngineThread<S> implements AutoCloseable {

    /** Builds the state on the engine thread, in the manager that {@link #close()} frees. */
    @FunctionalInterface
    public interface Loader<S> {
        S load(NDManager manager) throws Exception;
    }

    private final ExecutorService executor;
    private final String closedMessage;
    // Touched only on the engine thread.
    private NDManager manager;
    private S state;

    private EngineThread(String name, String closedMessage) {
        this.closedMessage = closedMessage;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(() -> {
                Autograd.beginEngineThread();
                r.run();
            }, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts the thread and builds the state on it (the engine is set up first). Blocks until it is built: call it
     * off the FX thread.
     *
     * @param closedMessage what a request made after {@link #close()} fails with
     * @throws ExecutionException   the loader failed (its exception is the cause); the thread is ended
     * @throws InterruptedException the caller was interrupted while waiting; the thread is ended
     */
    public static <S> EngineThread<S> start(String name, String closedMessage, Loader<S> loader)
            throws ExecutionException, InterruptedException {
        return start(name, closedMessage, false, loader);
    }

    /**
     * Like {@link #start(String, String, Loader)}; {@code interactive}: the work answers the user, so it runs on
     * {@link EngineSetup#interactiveDevice()}, ahead of training.
     */
    public static <S> EngineThread<S> start(String name, String closedMessage, boolean interactive, Loader<S> loader)
            throws ExecutionException, InterruptedException {
        EngineThread<S> t = new EngineThread<>(name, closedMessage);
        try {
            t.executor.submit(() -> {
                EngineSetup.init();
                t.manager = interactive ? NDManager.newBaseManager(EngineSetup.interactiveDevice())
                        : NDManager.newBaseManager(EngineSetup.device());
                t.state = loader.load(t.manager);
                return null;
            }).get();
            return t;
        } catch (ExecutionException | InterruptedException e) {
            t.close();
            throw e;
        }
    }

    /** Runs work on the state, on the engine thread, after the requests before it; a closed one fails the future. */
    public <T> CompletableFuture<T> call(Function<S, T> work) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                if (state == null) {
                    throw new IllegalStateException(closedMessage);
                }
                return work.apply(state);
            }, executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new IllegalStateException(closedMessage));
        }
    }

    /** Frees the engine memory after any requests already queued, and ends the thread. Does not wait. */
    @Override
    public void close() {
        try {
            executor.execute(() -> {
                if (manager != null) {
                    manager.close();
                }
                state = null;
                manager = null;
            });
        } catch (RejectedExecutionException e) {
            return; // already closed
        }
        executor.shutdown();
    }
}
