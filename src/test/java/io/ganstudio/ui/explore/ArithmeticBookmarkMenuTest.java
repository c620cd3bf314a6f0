package io.ganstudio.ui.explore;

import javafx.scene.control.MenuItem;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The Arithmetic panel's bookmark menu shows names as they are: an underscore is no keyboard-shortcut marker. */
class ArithmeticBookmarkMenuTest {

    @Test
    void aBookmarkNameKeepsItsUnderscores() {
        MenuItem item = ArithmeticPanel.bookmarkItem("smile_2_left");
        assertFalse(item.isMnemonicParsing(), "with mnemonic parsing the menu would show \"smile2_left\"");
        assertEquals("smile_2_left", item.getText());
    }
}
