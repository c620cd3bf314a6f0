package io.ganstudio.session;

/** Lifecycle of a training session. */
public enum SessionState {
    /** Created, nothing loaded yet. */
    NEW,
    /** Decoding data and building the models. */
    PREPARING,
    /** Ready, not stepping (after preparing, after pause, after a single step). */
    PAUSED,
    RUNNING,
    /** Reached its steps or stopped by the user; the final checkpoint is written. */
    FINISHED,
    /** Stopped by an error; the last good checkpoint stays. */
    FAILED
}
