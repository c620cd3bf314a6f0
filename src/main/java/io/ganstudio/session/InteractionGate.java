package io.ganstudio.session;

import io.ganstudio.core.engine.EngineSetup;

import java.util.function.BooleanSupplier;

/**
 * Lets what the user touches go first: while a screen renders in answer to the user (a slider dragged in Explore),
 * a running training waits between steps, so that the render has the CPU cores to itself instead of sharing them
 * with a whole training step. The training loses at most the time the user interacted; its measured training time
 * ({@code seconds} in metrics.csv) does not count the waiting.
 * <p>
 * One per process ({@link #shared()}): the studio's renderers mark their work with {@link #begin()} and
 * {@link #end()}, the training loop asks {@link #awaitQuiet} before each step and, while the user is about, between
 * a step's discriminator and generator halves. The hand arrives before the drag: pointer movement over the sliders
 * calls {@link #touch()}, which splits the steps into halves from then on and, where the renders do not already
 * run ahead of training ({@link EngineSetup#interactiveGoesFirst()}: Linux), closes the gate for the grace without a
 * render, so that the step already running finishes while the pointer travels to the thumb. Where they do, the
 * approach leaves training running (at its lower priority), and a half step in flight when the drag starts runs
 * beside the first images without holding them up. The command line never interacts, so for it the gate is always
 * open.
 */
public final class InteractionGate {

    /** After the last interaction the gate stays closed this long: a hand on a slider moves again within it. */
    public static final long GRACE_NANOS = 150_000_000L;

    /**
     * Pointer movement without a render (a hand near the sliders, not dragging) keeps the gate closed at most this
     * long from the last render or from when the movement started; then it counts again only after the pointer
     * has rested for the grace. A pointer waved over the sliders without using them cannot stall a training.
     */
    public static final long HOVER_LIMIT_NANOS = 1_000_000_000L;

    /** Since the last interaction (touch or render) this long, the user counts as about: see {@link #nearby()}. */
    public static final long NEARBY_NANOS = 10_000_000_000L;

    private static final InteractionGate SHARED = new InteractionGate(System::nanoTime,
            !"off".equals(System.getProperty("ganstudio.interactionGate")),
            () -> !EngineSetup.interactiveGoesFirst());

    /** A clock, replaceable in tests. */
    @FunctionalInterface
    public interface Clock {
        long nanoTime();
    }

    private final Clock clock;
    private final boolean enabled;
    private final BooleanSupplier approachCloses;
    private int inFlight;
    private long lastActivity;
    private boolean everActive;
    private long lastTouch;
    private boolean everTouched;
    private long streakStart;
    private long lastRender;
    private boolean everRendered;
    /** The pointer let go of the sliders: renders still running hold the gate, but start no grace when they end. */
    private boolean letGo;
    private long waitedNanos;

    public InteractionGate(Clock clock) {
        this(clock, true);
    }

    /**
     * @param enabled false: always open (the benchmarks' comparison without it: {@code
     *                -Dganstudio.interactionGate=off})
     */
    public InteractionGate(Clock clock, boolean enabled) {
        this(clock, enabled, () -> true);
    }

    /**
     * @param approachCloses whether {@link #touch()} closes the gate: not where the user's renders run ahead of
     *                       training anyway ({@link EngineSetup#interactiveGoesFirst()}), so that a step in flight
     *                       when a drag starts only delays its first image by a few milliseconds
     */
    public InteractionGate(Clock clock, boolean enabled, BooleanSupplier approachCloses) {
        this.clock = clock;
        this.enabled = enabled;
        this.approachCloses = approachCloses;
    }

    public static InteractionGate shared() {
        return SHARED;
    }

    /** An interactive render starts. */
    public synchronized void begin() {
        inFlight++;
        rendered();
    }

    /** The render started by {@link #begin()} is done (also when it failed). */
    public synchronized void end() {
        inFlight = Math.max(0, inFlight - 1);
        rendered();
        notifyAll();
    }

    private void rendered() {
        long now = clock.nanoTime();
        if (!letGo) {
            lastActivity = now;
        }
        lastRender = now;
        everRendered = true;
        everActive = true;
    }

    /**
     * The user's hand is on its way to a slider (the pointer moved over or was pressed on the slider area, or a
     * slider got the keyboard focus): the user is {@link #nearby()}; unless renders run ahead of training anyway,
     * also closes the gate for the grace, with no render in flight, bounded by {@link #HOVER_LIMIT_NANOS}.
     */
    public synchronized void touch() {
        letGo = false;
        long now = clock.nanoTime();
        if (!everTouched || now - lastTouch >= GRACE_NANOS) {
            streakStart = now; // the pointer had rested: a new approach
        }
        lastTouch = now;
        everTouched = true;
        if (!approachCloses.getAsBoolean()) {
            return; // still "nearby": the step is split into halves, so a drag meets at most a half step
        }
        long since = everRendered ? Math.max(streakStart, lastRender) : streakStart;
        if (now - since < HOVER_LIMIT_NANOS) {
            lastActivity = now;
            everActive = true;
        }
    }

    /**
     * The pointer let go of a slider (released the mouse button): no further move is coming from this drag, so the
     * gate opens as soon as the renders already running are done, without the grace that waits for a hand that
     * may move again. The next movement or press ({@link #touch()}) brings the grace back.
     */
    public synchronized void letGo() {
        letGo = true;
        lastActivity = clock.nanoTime() - GRACE_NANOS;
        notifyAll();
    }

    /**
     * Whether the user is about (a render or a touch within {@link #NEARBY_NANOS}): the training then finishes a
     * step's discriminator half before queueing its generator half, so that it can wait between them.
     */
    public synchronized boolean nearby() {
        if (!enabled) {
            return false;
        }
        long now = clock.nanoTime();
        return inFlight > 0 || everActive && now - lastActivity < NEARBY_NANOS
                || everTouched && now - lastTouch < NEARBY_NANOS;
    }

    /** Whether training should wait now: a render is in flight, or the last one ended less than the grace ago. */
    public synchronized boolean busy() {
        return enabled && (inFlight > 0 || everActive && clock.nanoTime() - lastActivity < GRACE_NANOS);
    }

    /**
     * Waits while {@link #busy()}, at most {@code maxNanos} (so that the caller can look at its commands again).
     *
     * @return whether the gate is open now
     */
    public synchronized boolean awaitQuiet(long maxNanos) throws InterruptedException {
        long start = clock.nanoTime();
        while (busy()) {
            long left = maxNanos - (clock.nanoTime() - start);
            if (left <= 0) {
                waitedNanos += clock.nanoTime() - start;
                return false;
            }
            long untilGraceEnds = inFlight > 0 ? left : GRACE_NANOS - (clock.nanoTime() - lastActivity);
            long nanos = Math.max(1_000_000L, Math.min(left, untilGraceEnds));
            wait(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
        }
        waitedNanos += clock.nanoTime() - start;
        return true;
    }

    /** Time training has spent waiting for the user so far (for benchmarks). */
    public synchronized long waitedNanos() {
        return waitedNanos;
    }
}
