package io.ganstudio.ui.inspect;

import javafx.scene.control.TableCell;

/**
 * The table's mark column: an image above the threshold ("▲ above") in bold red, through the style class
 * {@code mark-above} (studio.css), so that a selected row can give it a colour readable on the selection's blue.
 */
final class MarkCell<S> extends TableCell<S, String> {

    static final String ABOVE = "mark-above";

    @Override
    protected void updateItem(String v, boolean empty) {
        super.updateItem(v, empty);
        setText(empty ? null : v);
        getStyleClass().remove(ABOVE);
        if (!empty && v != null && v.startsWith("\u25b2")) {
            getStyleClass().add(ABOVE);
        }
    }
}
