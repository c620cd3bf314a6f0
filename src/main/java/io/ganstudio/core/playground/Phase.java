package io.ganstudio.core.playground;

/** The sub-steps of one update, in order: what slow motion pauses on and explains. */
public enum Phase {
    GENERATE, CLASSIFY, LOSS, GRADIENTS, UPDATE;

    /** 1-based number shown beside the explanation. */
    public int number() {
        return ordinal() + 1;
    }
}
