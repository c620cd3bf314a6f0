package io.ganstudio.ui.present;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.function.Consumer;

/**
 * Presentation mode, for a projector in a classroom: larger text (the window's font 1.5x and more, through the
 * {@value #STYLE_CLASS} style class on the window's root), thicker chart lines, a colour-blind-safe palette, sample
 * grids as large as their pane allows and advanced settings folded away. One switch for the whole window (View menu,
 * {@value #SHORTCUT}); the studio remembers it in its preferences.
 *
 * <p>The switch is set and observed on the FX thread; chart threads read {@link #isOn()} and {@link #palette()}.
 */
public final class Presentation {

    public static final String STYLE_CLASS = "presentation";
    /** The menu accelerator (JavaFX notation). */
    public static final String SHORTCUT = "F5";
    /** Font size factor: the window's 13 px becomes 20 px. */
    public static final double FONT_SCALE = 20.0 / 13.0;
    /** Chart line width factor. */
    public static final float LINE_SCALE = 2f;

    private static final BooleanProperty ON = new SimpleBooleanProperty(Presentation.class, "on", false);
    private static volatile boolean on;
    private static Consumer<Boolean> saver = b -> { };

    static {
        ON.addListener((o, a, b) -> {
            on = b;
            saver.accept(b);
        });
    }

    private Presentation() {
    }

    /**
     * Starts from the remembered state and remembers every change through {@code save}, replacing any earlier
     * saver (one studio window per process; tests open several one after the other). FX thread.
     */
    public static void remember(boolean initial, Consumer<Boolean> save) {
        saver = b -> { };
        ON.set(initial);
        saver = save;
    }

    /** The switch; FX thread. */
    public static BooleanProperty onProperty() {
        return ON;
    }

    /** Whether presentation mode is on; any thread. */
    public static boolean isOn() {
        return on;
    }

    /** Font size factor now: {@link #FONT_SCALE} in presentation mode, else 1. */
    public static double fontScale() {
        return on ? FONT_SCALE : 1;
    }

    /** Chart line width factor now. */
    public static float lineScale() {
        return on ? LINE_SCALE : 1f;
    }

    /** The chart colours now: Okabe-Ito in presentation mode, the studio's usual ones otherwise. */
    public static Palette palette() {
        return on ? Palette.OKABE_ITO : Palette.STANDARD;
    }
}
