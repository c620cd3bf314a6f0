package io.ganstudio.ui.common;

import java.net.URL;
import java.util.Objects;

/** The studio's one style sheet (studio.css, beside this class), for the main window and every window of its own. */
public final class StudioStyle {
    private StudioStyle() {
    }

    /** The style sheet's address, to add to a scene's style sheets. */
    public static String sheet() {
        URL url = Objects.requireNonNull(StudioStyle.class.getResource("studio.css"), "studio.css is missing from the build");
        return url.toExternalForm();
    }
}
