package io.ganstudio.ui.task;

/** The body of a background job; runs off the FX thread and may report progress through the context. */
@FunctionalInterface
public interface Work<T> {

    T call(WorkContext context) throws Exception;
}
