package io.ganstudio.ui.present;

import io.ganstudio.ui.common.StudioStyle;
import io.ganstudio.ui.common.UiFonts;
import io.ganstudio.ui.fxutil.Subscriptions;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Dialog;
import javafx.scene.control.SplitPane;

import java.util.Locale;

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
    public static void hideWhenPresenting(Node node) {
        node.visibleProperty().bind(Presentation.onProperty().not());
        node.managedProperty().bind(node.visibleProperty());
    }

    /** Shows a control only in presentation mode (one that brings back what presentation mode folded away). */
    public static void showWhenPresenting(Node node) {
        node.visibleProperty().bind(Presentation.onProperty());
        node.managedProperty().bind(node.visibleProperty());
    }

    /** The style class that lets presentation mode's larger type reach a window of its own (studio.css). */
    public static final String WINDOW_STYLE_CLASS = "studio-window";

    /**
     * A window of its own (a dialog, the discriminator game) in the studio's look, with presentation mode's larger
     * type while it is on, following the switch while the window is open.
     *
     * @param root the window's root (a dialog's pane)
     */
    public static void followInWindow(Parent root) {
        String sheet = StudioStyle.sheet();
        if (!root.getStylesheets().contains(sheet)) {
            root.getStylesheets().add(sheet);
        }
        root.getStyleClass().add(WINDOW_STYLE_CLASS);
        ChangeListener<Boolean> follow = (o, was, on) -> mark(root, on);
        // Held by the window's root: the switch forgets the listener once the window is gone.
        root.getProperties().put(PresentationLayout.class, follow);
        Presentation.onProperty().addListener(new WeakChangeListener<>(follow));
        mark(root, Presentation.isOn());
    }

    /**
     * {@link #followInWindow} for a dialog, in the language's font too: a dialog's window takes no style sheet from
     * its owner, so Japanese needs its bold-capable family set again here.
     */
    public static void followInDialog(Dialog<?> dialog, Locale locale) {
        UiFonts.apply(dialog.getDialogPane(), locale);
        followInWindow(dialog.getDialogPane());
    }

    private static void mark(Parent root, boolean on) {
        root.getStyleClass().remove(Presentation.STYLE_CLASS);
        if (on) {
            root.getStyleClass().add(Presentation.STYLE_CLASS);
        }
    }
}
