package io.ganstudio.ui.app;

import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Save lesson dialog's snapshot checkbox shows the run's name as it is: no underscore taken as a mnemonic. */
class LessonSnapshotBoxTest {

    @BeforeAll
    static void platform() {
        FxTesting.startPlatform();
    }

    @Test
    void aRunNameKeepsItsUnderscore() throws Exception {
        String shown = FxTesting.onFx(() -> {
            CheckBox box = LessonActions.snapshotBox();
            box.setText("Include the checkpoint of step 40 (2026-12-05_06-54-04)");
            Scene scene = new Scene(new StackPane(box), 600, 100);
            box.applyCss();
            box.layout();
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            return ((Text) box.lookup(".text")).getText();
        });
        assertEquals("Include the checkpoint of step 40 (2026-12-05_06-54-04)", shown);
    }
}
