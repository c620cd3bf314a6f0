package io.ganstudio.core.data;

/**
 * Receives load progress on the loading thread, a few times a second at most (never once per file).
 * {@code total} is the number of files or records to decode.
 */
@FunctionalInterface
public interface LoadProgress {

    void update(int done, int total);

    LoadProgress NONE = (done, total) -> { };
}
