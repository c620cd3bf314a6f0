package io.ganstudio.ui.common;

import javafx.scene.control.Tooltip;

/**
 * The studio's tooltips: long help texts wrap at a readable width (studio.css turns wrapping on) instead of
 * running off the screen as one line.
 */
public final class Tips {

    /** Widest a tooltip grows before it wraps, in pixels at the normal font size. */
    public static final double MAX_WIDTH = 460;

    private Tips() {
    }

    public static Tooltip of(String text) {
        Tooltip t = new Tooltip(text);
        t.setMaxWidth(MAX_WIDTH);
        return t;
    }
}
