package io.ganstudio.ui.train;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/** Desktop-style popups in the corner of the window that owns {@code anchor} (null: ControlsFX picks a window). */
public final class ControlsFxTrainingAlerts implements TrainingAlerts {

    private final Node anchor;

    public ControlsFxTrainingAlerts(Node anchor) {
        this.anchor = anchor;
    }

    @Override
    public void info(String title, String text) {
        base(title, text).hideAfter(Duration.seconds(8)).showInformation();
    }

    @Override
    public void error(String title, String text) {
        // A failure stays until dismissed: the teacher may be looking elsewhere when it happens.
        base(title, text).hideAfter(Duration.INDEFINITE).showError();
    }

    private Notifications base(String title, String text) {
        Notifications n = Notifications.create().title(title).text(text).position(Pos.BOTTOM_RIGHT);
        if (anchor != null && anchor.getScene() != null && anchor.getScene().getWindow() != null) {
            n.owner(anchor.getScene().getWindow());
        }
        return n;
    }
}
