package io.ganstudio.ui.game;

import io.ganstudio.ui.lesson.LessonText;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The discriminator game's window closes with its Close button and with Esc. */
@ExtendWith(ApplicationExtension.class)
class GameWindowCloseUiTest {

    @TempDir
    Path cache;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    private GameWindow open(FxRobot robot, Locale locale) {
        GameWindow[] w = new GameWindow[1];
        robot.interact(() -> w[0] = GameWindow.show(null, new LessonText(locale), cache));
        assertTrue(w[0].stage().isShowing());
        return w[0];
    }

    @Test
    void closeButtonClosesTheWindow(FxRobot robot) {
        GameWindow w = open(robot, Locale.JAPANESE);
        Button close = (Button) w.stage().getScene().lookup("#game-close");
        assertEquals("閉じる", close.getText());
        robot.interact(close::fire);
        assertFalse(w.stage().isShowing());
    }

    @Test
    void escapeClosesTheWindow(FxRobot robot) {
        GameWindow w = open(robot, Locale.ENGLISH);
        robot.interact(() -> w.stage().getScene().getRoot().fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "",
                KeyCode.ESCAPE, false, false, false, false)));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(w.stage().isShowing());
    }
}
