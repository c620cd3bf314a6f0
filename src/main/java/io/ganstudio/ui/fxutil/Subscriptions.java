package io.ganstudio.ui.fxutil;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The listeners a view adds to things that outlive it (the ViewModels, the studio's context), so that it can
 * remove them all when it is replaced: the shell rebuilds every view on a language switch, and a listener left on a
 * ViewModel keeps the old view, and everything it draws, alive and busy. Bindings ({@code bind}) need no entry here:
 * JavaFX holds them weakly.
 */
public final class Subscriptions implements Disposable {

    private static final AtomicInteger LIVE = new AtomicInteger();

    private final List<Runnable> removers = new ArrayList<>();

    public <T> void onChange(ObservableValue<T> value, ChangeListener<? super T> listener) {
        value.addListener(listener);
        add(() -> value.removeListener(listener));
    }

    public void onInvalidate(Observable observable, InvalidationListener listener) {
        observable.addListener(listener);
        add(() -> observable.removeListener(listener));
    }

    public <E> void onList(ObservableList<E> list, ListChangeListener<? super E> listener) {
        list.addListener(listener);
        add(() -> list.removeListener(listener));
    }

    /** Something else to release with the listeners (a thread, a timer). */
    public void onDispose(Runnable release) {
        add(release);
    }

    private void add(Runnable remover) {
        removers.add(remover);
        LIVE.incrementAndGet();
    }

    /** Removes every listener and runs every release, newest first; the scope can be used again afterwards. */
    @Override
    public void dispose() {
        for (int i = removers.size() - 1; i >= 0; i--) {
            removers.get(i).run();
        }
        LIVE.addAndGet(-removers.size());
        removers.clear();
    }

    /** Listeners and releases registered through any scope and not yet disposed (for tests of view lifecycles). */
    public static int live() {
        return LIVE.get();
    }
}
