package io.ganstudio.ui.present;

import io.ganstudio.ui.fxutil.Subscriptions;
import javafx.scene.control.SplitPane;

/** Layout that follows presentation mode. */
public final class PresentationLayout {

    private PresentationLayout() {
    }

    /**
     * Puts the split's first divider at {@code normal}, or at {@code presenting} in presentation mode, now and on every
     * switch (the listener goes with {@code subs}).
     */
    public static void divider(SplitPane split, double normal, double presenting, Subscriptions subs) {
        split.setDividerPositions(Presentation.isOn() ? presenting : normal);
        subs.onChange(Presentation.onProperty(), (o, a, on) -> split.setDividerPositions(on ? presenting : normal));
    }

    /** Folds an advanced control away in presentation mode (hidden, and its room given to the rest). */
    public static void hideWhenPresenting(javafx.scene.Node node) {
        node.visibleProperty().bind(Presentation.onProperty().not());
        node.managedProperty().bind(node.visibleProperty());
    }

    /** Shows a control only in presentation mode (one that brings back what presentation mode folded away). */
    public static void showWhenPresenting(javafx.scene.Node node) {
        node.visibleProperty().bind(Presentation.onProperty());
        node.managedProperty().bind(node.visibleProperty());
    }
}
