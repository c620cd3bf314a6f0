package io.ganstudio.core.playground;

import java.util.function.Consumer;

/**
 * Runs a {@link PlaygroundGan} for a screen or a benchmark: trains at a chosen pace and hands a fresh
 * {@link PlaygroundFrame} to a sink about {@link #FPS} times a second, or walks through each update sub-step by
 * sub-step with a pause on each (slow motion). All work on the networks happens in the calling worker thread while
 * it holds this runner's lock; the sink must only store the frame (it is called on that thread).
 */
public final class PlaygroundRunner {

    /**
     * Frames offered per second. Above the 30 a screen needs: a frame that reaches the FX thread between pulses waits
     * for the next one and a late pulse drops a frame, so offering 30 painted 28.9 a second on a quiet 2-core machine;
     * offering 40 painted 37.6-38.2 (PlaygroundUiBenchmark 15 100).
     */
    public static final int FPS = 40;
    /** Pause on each sub-step in slow motion (GAN Lab's 1,250 ms). */
    public static final long SLOW_PAUSE_MS = 1250;

    private final Consumer<PlaygroundFrame> sink;
    private final Object lock = new Object();
    private PlaygroundGan gan;
    private volatile boolean playing;
    private volatile boolean slowMotion;
    private volatile int stepsPerSecond;
    private volatile long pauseMs = SLOW_PAUSE_MS;

    /**
     * @param stepsPerSecond training pace while playing; 0 runs as fast as the machine allows
     */
    public PlaygroundRunner(PlaygroundGan gan, int stepsPerSecond, Consumer<PlaygroundFrame> sink) {
        this.gan = gan;
        this.stepsPerSecond = stepsPerSecond;
        this.sink = sink;
    }

    /** Replaces the run (reset, new data or settings) and publishes its first frame. Worker thread. */
    public void replace(PlaygroundGan fresh) {
        synchronized (lock) {
            gan = fresh;
            sink.accept(gan.frame(null));
        }
    }

    /** Publishes a frame of the run as it is. Worker thread. */
    public void publish() {
        synchronized (lock) {
            sink.accept(gan.frame(null));
        }
    }

    public void setStepsPerSecond(int v) {
        stepsPerSecond = v;
    }

    public void setSlowMotion(boolean on) {
        slowMotion = on;
    }

    /** Shortens the slow-motion pause (tests). */
    public void setPauseMs(long ms) {
        pauseMs = ms;
    }

    public boolean isPlaying() {
        return playing;
    }

    /** Asks {@link #play()} to return after the current step or sub-step; any thread. */
    public void pause() {
        playing = false;
    }

    /**
     * Trains until {@link #pause()} or the thread is interrupted. Worker thread; returns the steps done. The pace is
     * kept by sleeping between steps, so the frames keep coming at a steady rate.
     */
    public long play() {
        playing = true;
        long frameInterval = 1_000_000_000L / FPS;
        long now = System.nanoTime();
        long nextStep = now;
        long nextFrame = now;
        long done = 0;
        try {
            while (playing && !Thread.currentThread().isInterrupted()) {
                if (slowMotion) {
                    if (!slowStep()) {
                        break;
                    }
                    done++;
                    continue;
                }
                int pace = stepsPerSecond;
                now = System.nanoTime();
                if (pace <= 0 || now >= nextStep) {
                    synchronized (lock) {
                        gan.trainStep();
                    }
                    done++;
                    // Never more than a tenth of a second behind: after a stall, go on at the pace, no burst.
                    nextStep = pace <= 0 ? now : Math.max(nextStep + 1_000_000_000L / pace, now - 100_000_000L);
                }
                if (now >= nextFrame) {
                    publish();
                    // Keep the cadence: the next frame is one interval after this one was due, not after it was
                    // sent (a step or a late wake-up would otherwise stretch every interval); after a stall, no burst.
                    nextFrame += frameInterval;
                    if (nextFrame <= now) {
                        nextFrame = now + frameInterval;
                    }
                } else if (pace > 0 && now < nextStep) {
                    sleepNanos(Math.min(nextStep, nextFrame) - now);
                }
            }
        } finally {
            playing = false;
            publish();
        }
        return done;
    }

    /** One full training step; in slow motion, sub-step by sub-step with pauses. Worker thread. */
    public void oneStep() {
        if (slowMotion) {
            playing = true;
            try {
                slowStep();
            } finally {
                playing = false;
                publish();
            }
            return;
        }
        synchronized (lock) {
            gan.trainStep();
            sink.accept(gan.frame(null));
        }
    }

    /** One update of one network; in slow motion, sub-step by sub-step with pauses. Worker thread. */
    public void oneUpdate(Side side) {
        if (slowMotion) {
            playing = true;
            try {
                slowUpdate(side);
            } finally {
                playing = false;
                publish();
            }
            return;
        }
        synchronized (lock) {
            gan.update(side).finish();
            sink.accept(gan.frame(null));
        }
    }

    /** A whole step in slow motion; false when paused or interrupted part way (the step stays unfinished). */
    private boolean slowStep() {
        PlaygroundConfig c;
        synchronized (lock) {
            c = gan.config();
        }
        for (int i = 0; i < c.dSteps(); i++) {
            if (!slowUpdate(Side.DISCRIMINATOR)) {
                return false;
            }
        }
        for (int i = 0; i < c.gSteps(); i++) {
            if (!slowUpdate(Side.GENERATOR)) {
                return false;
            }
        }
        synchronized (lock) {
            gan.countStep();
        }
        return true;
    }

    private boolean slowUpdate(Side side) {
        PlaygroundGan.Update u;
        synchronized (lock) {
            u = gan.update(side);
        }
        while (!u.finished()) {
            synchronized (lock) {
                u.advance();
                sink.accept(gan.frame(u));
            }
            if (!playing || !sleepNanos(pauseMs * 1_000_000L)) {
                if (!u.finished()) {
                    // Finish the update so the networks never stay half-updated; then stop.
                    synchronized (lock) {
                        u.finish();
                    }
                }
                return false;
            }
        }
        return true;
    }

    private static boolean sleepNanos(long nanos) {
        if (nanos <= 0) {
            return true;
        }
        try {
            Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
