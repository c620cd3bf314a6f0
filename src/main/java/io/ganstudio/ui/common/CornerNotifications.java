package io.ganstudio.ui.common;

import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

import java.util.function.Supplier;

/** Short messages in the corner of the window (ControlsFX Notifications); call on the FX thread. */
public final class CornerNotifications {

    private final Supplier<Window> owner;

    public CornerNotifications(Supplier<Window> owner) {
        this.owner = owner;
    }

    public void info(String title, String text) {
        create(title, text).showInformation();
    }

    public void warning(String title, String text) {
        create(title, text).showWarning();
    }

    public void error(String title, String text) {
        create(title, text).hideAfter(Duration.seconds(12)).showError();
    }

    private Notifications create(String title, String text) {
        Notifications n = Notifications.create().title(title).text(text).hideAfter(Duration.seconds(6));
        Window w = owner.get();
        return w == null ? n : n.owner(w);
    }
}
