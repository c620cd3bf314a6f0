package io.ganstudio.ui.app;

import io.ganstudio.ui.common.Messages;
import io.ganstudio.ui.present.PresentationLayout;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** "Training is running": the question asked before the studio quits during training. */
final class QuitDialog {

    private QuitDialog() {
    }

    /** Builds the dialog in the current language (for screenshots and tests, without showing it). */
    static Alert create(Window owner) {
        ButtonType save = new ButtonType(Messages.get("quit.save"), ButtonBar.ButtonData.YES);
        ButtonType keep = new ButtonType(Messages.get("quit.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonType discard = new ButtonType(Messages.get("quit.discard"), ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.WARNING, Messages.get("quit.text"), save, keep, discard);
        if (owner != null) {
            a.initOwner(owner);
        }
        a.setTitle(Messages.get("quit.title"));
        a.setHeaderText(Messages.get("quit.header"));
        a.getDialogPane().setMinWidth(520);
        PresentationLayout.followInDialog(a, Messages.locale());
        a.getDialogPane().lookupButton(save).setId("quit-save");
        a.getDialogPane().lookupButton(keep).setId("quit-keep");
        a.getDialogPane().lookupButton(discard).setId("quit-discard");
        return a;
    }

    /** Shows the question and waits; closing the dialog keeps training. */
    static QuitGuard.Choice ask(Window owner, StudioContext context) {
        Alert a = create(owner);
        return a.showAndWait().map(b -> switch (b.getButtonData()) {
            case YES -> QuitGuard.Choice.SAVE;
            case NO -> QuitGuard.Choice.DISCARD;
            default -> QuitGuard.Choice.KEEP_TRAINING;
        }).orElse(QuitGuard.Choice.KEEP_TRAINING);
    }
}
