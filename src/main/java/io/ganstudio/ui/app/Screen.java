package io.ganstudio.ui.app;

import io.ganstudio.ui.explain.ExplainedScreen;
import javafx.scene.Node;

import java.util.function.Function;

/**
 * One screen of the studio as the navigation shows it. The view is built lazily, once per UI build (a language
 * switch rebuilds it; its ViewModel lives in the {@link StudioContext} and keeps the user's work).
 *
 * @param id       stable name, also the navigation button's node id ("nav-" + id)
 * @param titleKey resource key of the navigation label
 * @param glyph    a single symbol shown before the label
 */
public record Screen(String id, String titleKey, String glyph, Function<StudioContext, Node> view) implements ExplainedScreen {
}
