package io.ganstudio.core.train;

/**
 * Lets a step wait between its discriminator and generator halves while somebody uses the computer (the studio's
 * sliders): the user then meets at most half a step in flight instead of a whole one. The command line passes none.
 * Waiting only delays: the arithmetic of the step is the same, and the time waited is not counted as training time.
 */
public interface StepPause {

    /**
     * Whether the user is about. Only then does the trainer wait for the discriminator half to finish before it
     * queues the generator half (otherwise both are queued at once, which is faster).
     */
    boolean nearby();

    /** Returns when the step may go on: at once when nobody interacts. */
    void await();
}
