package io.ganstudio.ui.explain;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.HashMap;
import java.util.Map;

/**
 * Which screens have their "What am I seeing?" panel open. One per studio (in the {@code StudioContext}), so the
 * panels stay as they were across a language switch, and code can open one: a lesson that starts on the Train screen
 * calls {@code explanations.show(Screens.TRAIN)}. FX thread only.
 */
public final class Explanations {

    private final Map<String, BooleanProperty> open = new HashMap<>();

    /** Whether the screen's panel is open; the screen's toggle button is bound to it. */
    public BooleanProperty openProperty(String screenId) {
        return open.computeIfAbsent(screenId, id -> new SimpleBooleanProperty(this, "open-" + id, false));
    }

    public BooleanProperty openProperty(ExplainedScreen screen) {
        return openProperty(screen.id());
    }

    /** Opens the screen's panel (it shows whenever that screen does). */
    public void show(ExplainedScreen screen) {
        openProperty(screen).set(true);
    }

    public void hide(ExplainedScreen screen) {
        openProperty(screen).set(false);
    }

    public void toggle(ExplainedScreen screen) {
        BooleanProperty p = openProperty(screen);
        p.set(!p.get());
    }

    public boolean isOpen(ExplainedScreen screen) {
        return openProperty(screen).get();
    }
}
