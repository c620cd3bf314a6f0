package io.ganstudio.ui.app;

import io.ganstudio.core.engine.BuildVersion;
import io.ganstudio.ui.common.Messages;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Help offers the screen's explanation as well as About, and About names the version the build stamped. */
@ExtendWith(ApplicationExtension.class)
class HelpMenuUiTest {

    @TempDir
    static Path cache;
    private final TestStudio studio = new TestStudio();
    private StudioApp app;

    @Start
    void start(Stage stage) {
        app = studio.start(stage, cache, prefs -> { });
    }

    @AfterEach
    void clean() throws Exception {
        studio.close();
        Messages.use(Locale.ENGLISH);
    }

    private MenuItem item(FxRobot robot, String id) {
        Menu help = robot.lookup("#menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .filter(m -> "menu-help".equals(m.getId())).findFirst().orElseThrow();
        return help.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    @Test
    void helpExplainsTheScreenOnShow(FxRobot robot) {
        robot.clickOn("#nav-explore");
        assertFalse(app.context().explanations().isOpen(Screens.EXPLORE));
        MenuItem explain = item(robot, "menu-help-explain");
        robot.interact(explain::fire);
        assertTrue(app.context().explanations().isOpen(Screens.EXPLORE), "the Explore screen's explanation opens");
        robot.interact(explain::fire);
        assertFalse(app.context().explanations().isOpen(Screens.EXPLORE), "and closes again");
    }

    @Test
    void aboutNamesTheVersion() {
        String version = BuildVersion.version();
        assertFalse(version.isBlank());
        assertEquals("GAN Studio " + version, StudioController.aboutHeader());
    }
}
