package io.ganstudio.ui.fxutil;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;

/** Gives back what a replaced view holds: every {@link Disposable} node in its tree is disposed. */
public final class ViewLifecycle {

    private ViewLifecycle() {
    }

    /**
     * Disposes the node and every node below it, including the content of scroll and split panes whose skins were
     * never made (a screen that was built but not shown). Disposing twice is harmless.
     */
    public static void disposeTree(Node node) {
        if (node == null) {
            return;
        }
        Disposable.ifDisposable(node);
        if (node instanceof ScrollPane s) {
            disposeTree(s.getContent());
        }
        if (node instanceof SplitPane s) {
            s.getItems().forEach(ViewLifecycle::disposeTree);
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(ViewLifecycle::disposeTree);
        }
    }
}
