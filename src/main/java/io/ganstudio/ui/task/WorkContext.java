package io.ganstudio.ui.task;

/** What a running {@link Work} may do: report progress and notice that the user cancelled it. */
public interface WorkContext {

    void progress(long done, long total);

    void message(String text);

    boolean isCancelled();
}
