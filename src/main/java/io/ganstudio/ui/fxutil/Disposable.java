package io.ganstudio.ui.fxutil;

/** A view (or part of one) that holds listeners or threads it must give back when it is replaced. */
public interface Disposable {

    void dispose();

    /** Disposes {@code node} when it is {@link Disposable}; anything else holds nothing to give back. */
    static void ifDisposable(Object node) {
        if (node instanceof Disposable d) {
            d.dispose();
        }
    }
}
