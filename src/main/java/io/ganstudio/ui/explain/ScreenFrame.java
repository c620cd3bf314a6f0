package io.ganstudio.ui.explain;

import io.ganstudio.ui.common.Messages;
import io.ganstudio.ui.common.Tips;
import io.ganstudio.ui.present.Presentation;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * A screen as the shell shows it: the screen's view, its "What am I seeing?" toggle and, when open, the explanation
 * panel at its right. A view with a header of its own (style class {@code screen-header}) gets the toggle at the end
 * of that header; a view without one (Train, Explore, Inspect) gets a header like the others': its title in the
 * screen-title style, and the toggle.
 */
public final class ScreenFrame extends BorderPane {

    private final Node view;
    private final ToggleButton toggle;
    private final ExplanationPanel panel;

    public ScreenFrame(ExplainedScreen screen, Node view, Explanations explanations) {
        this.view = view;
        getStyleClass().add("screen-frame");
        setId("frame-" + screen.id());
        BooleanProperty open = explanations.openProperty(screen);
        toggle = new ToggleButton(Messages.get("explain.toggle"));
        toggle.setId("explain-" + screen.id());
        toggle.getStyleClass().add("explain-toggle");
        toggle.setTooltip(Tips.of(Messages.get("explain.toggle.help")));
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        // Both ends are held weakly: this frame may be replaced (language switch) while the state lives on.
        toggle.selectedProperty().bindBidirectional(open);
        panel = new ExplanationPanel(screen.id(), () -> open.set(false));
        panel.visibleProperty().bind(open);

        Node header = view instanceof Parent p ? p.lookup(".screen-header") : null;
        if (header instanceof Pane pane) {
            pane.getChildren().add(toggle);
        } else {
            Label title = new Label(Messages.get(screen.titleKey()));
            title.getStyleClass().add("screen-title");
            title.setMinWidth(Region.USE_PREF_SIZE);
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            HBox bar = new HBox(12, title, grow, toggle);
            bar.setAlignment(Pos.CENTER_LEFT);
            bar.getStyleClass().add("frame-header");
            setTop(bar);
            view.getStyleClass().add("framed");
            // The panel opens below the view's own top row (its toolbar), which stays in reach.
            header = view instanceof BorderPane b ? b.getTop() : null;
        }
        setCenter(new Overlay(view, panel, header));
    }

    /**
     * The view, and the panel over its right side below the view's own header (so the header's toggle stays in
     * sight): the screen keeps its whole width and layout whether the panel is open or not.
     */
    private static final class Overlay extends Pane {

        private static final double GAP = 14;
        private final Node view;
        private final ExplanationPanel panel;
        private final Node header;

        Overlay(Node view, ExplanationPanel panel, Node header) {
            super(view, panel);
            this.view = view;
            this.panel = panel;
            this.header = header;
            panel.visibleProperty().addListener(o -> requestLayout());
        }

        @Override
        protected void layoutChildren() {
            double w = getWidth();
            double h = getHeight();
            view.resizeRelocate(0, 0, w, h);
            if (!panel.isVisible()) {
                return;
            }
            if (view instanceof Parent p) {
                p.layout(); // the header's place is known only once the view is laid out
            }
            double top = GAP;
            if (header != null && header.getScene() != null) {
                top = sceneToLocal(header.localToScene(header.getLayoutBounds())).getMaxY() + 8;
            }
            // A third of the screen, within bounds that keep lines readable (wider for presentation mode's text).
            double pw = Math.max(260, Math.min(Presentation.isOn() ? 520 : 380, w * 0.36));
            // As tall as its text, at most down to the bottom of the screen (then it scrolls).
            double ph = Math.max(120, Math.min(panel.prefHeight(pw), h - top - GAP));
            panel.resizeRelocate(w - pw - GAP, top, pw, ph);
        }

        @Override
        protected double computeMinWidth(double height) {
            return view.minWidth(height);
        }

        @Override
        protected double computePrefWidth(double height) {
            return view.prefWidth(height);
        }

        @Override
        protected double computeMinHeight(double width) {
            return view.minHeight(width);
        }

        @Override
        protected double computePrefHeight(double width) {
            return view.prefHeight(width);
        }
    }

    public ToggleButton toggle() {
        return toggle;
    }

    public ExplanationPanel panel() {
        return panel;
    }

    public Node view() {
        return view;
    }
}
