package io.ganstudio.ui.explore;

import io.ganstudio.ui.fxutil.Subscriptions;
import io.ganstudio.ui.present.Presentation;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * Explore's right-hand column as tabs: the sliders, truncation and interpolation ("Edit"), then the latent lab:
 * projecting a photo, vector arithmetic, bookmarks and walks.
 */
final class LabPane {

    private LabPane() {
    }

    /** @param subs the view's listeners on long-lived models, released when the view is disposed */
    static TabPane around(Node editControls, ExploreViewModel vm, ExploreText text, Subscriptions subs) {
        LabModel lab = LabModel.of(vm, text);
        TabPane tabs = new TabPane(
                tab("labTabEdit", text.get("lab.tab.edit"), editControls),
                tab("labTabProject", text.get("lab.tab.project"), scroll(new ProjectPanel(lab.projection(), text, subs))),
                tab("labTabArithmetic", text.get("lab.tab.arithmetic"),
                        scroll(new ArithmeticPanel(lab.arithmetic(), lab.bookmarks(), text, subs))),
                tab("labTabBookmarks", text.get("lab.tab.bookmarks"),
                        scroll(new BookmarksPanel(lab.bookmarks(), vm, text, subs))));
        tabs.setId("labTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // Presentation mode's larger type: room for the four tabs' titles side by side.
        tabs.minWidthProperty().bind(Bindings.when(
                Presentation.onProperty()).then(490.0).otherwise(420.0));
        tabs.prefWidthProperty().bind(Bindings.when(
                Presentation.onProperty()).then(490.0).otherwise(440.0));
        return tabs;
    }

    private static Tab tab(String id, String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        return t;
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setStyle("-fx-background-color: transparent;");
        return scroll;
    }
}
