package io.ganstudio.ui.app;

import io.ganstudio.ui.common.Messages;
import io.ganstudio.ui.present.Presentation;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.input.KeyCombination;

/** View > Presentation mode: a check item on the one switch, with its shortcut. */
final class PresentationMenu {

    private PresentationMenu() {
    }

    static CheckMenuItem item() {
        CheckMenuItem item = new CheckMenuItem(Messages.get("menu.view.presentation"));
        item.setId("menu-presentation");
        item.setAccelerator(KeyCombination.keyCombination(Presentation.SHORTCUT));
        // A bidirectional binding holds both ends weakly: a menu replaced by a language switch is not kept.
        item.selectedProperty().bindBidirectional(Presentation.onProperty());
        return item;
    }
}
