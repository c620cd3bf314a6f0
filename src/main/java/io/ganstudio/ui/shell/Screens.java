package io.ganstudio.ui.shell;

import io.ganstudio.ui.data.DataView;
import io.ganstudio.ui.model.ModelView;

import java.util.List;

/** The one place screens are registered, in navigation order. Add Train and Explore here when they exist. */
public final class Screens {

    public static final Screen DATA = new Screen("data", "screen.data", "\u25a6",
            ctx -> new DataView(ctx.data(), ctx.model(), ctx.windowSupplier()));
    public static final Screen MODEL = new Screen("model", "screen.model", "\u25c8",
            ctx -> new ModelView(ctx.model()));

    private Screens() {
    }

    public static List<Screen> all() {
        return List.of(DATA, MODEL);
    }
}
