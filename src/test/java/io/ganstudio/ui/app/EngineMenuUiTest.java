package io.ganstudio.ui.app;

import io.ganstudio.core.engine.EngineChoice;
import io.ganstudio.core.engine.EngineReport;
import io.ganstudio.ui.common.Messages;
import io.ganstudio.ui.common.StudioPrefs;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * View > Engine: the remembered choice is selected, a new one is stored for the next start and says so, in English
 * and Japanese; the status bar names the engine that runs.
 */
@ExtendWith(ApplicationExtension.class)
class EngineMenuUiTest {

    @TempDir
    static Path cache;
    private final TestStudio studio = new TestStudio();
    private StudioApp app;
    private StudioPrefs prefs;

    @Start
    void start(Stage stage) {
        app = studio.start(stage, cache, p -> {
            p.setEngine(EngineChoice.MXNET);
            prefs = p;
        });
    }

    @AfterEach
    void clean() throws Exception {
        studio.close();
        Messages.use(Locale.ENGLISH);
    }

    private static Menu engineMenu(FxRobot robot) {
        Menu view = robot.lookup("#menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .filter(m -> "menu-view".equals(m.getId())).findFirst().orElseThrow();
        return (Menu) view.getItems().stream().filter(i -> "menu-engine".equals(i.getId())).findFirst().orElseThrow();
    }

    private static MenuItem item(Menu menu, String id) {
        return menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    @Test
    void theChoiceIsStoredForTheNextStartAndSaysSo(FxRobot robot) {
        Menu engine = engineMenu(robot);
        assertEquals("Engine", engine.getText());
        assertTrue(((RadioMenuItem) item(engine, "engine-mxnet")).isSelected());
        assertFalse(((RadioMenuItem) item(engine, "engine-pytorch")).isSelected());
        MenuItem note = item(engine, "engine-next-start");
        assertTrue(note.isDisable());
        assertEquals("Takes effect at the next start", note.getText());

        RadioMenuItem pytorch = (RadioMenuItem) item(engine, "engine-pytorch");
        robot.interact(pytorch::fire);
        assertEquals(EngineChoice.PYTORCH, prefs.engine());
        String shown = robot.lookup(".label").queryAllAs(Label.class).stream().map(Label::getText)
                .filter(t -> t != null && t.contains("next time")).findFirst().orElse("");
        assertEquals("It takes effect when GAN Studio starts next time: one engine runs per start.", shown);

        robot.interact(() -> app.setLanguage(io.ganstudio.ui.common.Language.JAPANESE));
        Menu ja = engineMenu(robot);
        assertEquals("エンジン", ja.getText());
        assertEquals("次回の起動から有効になります", item(ja, "engine-next-start").getText());
        assertTrue(((RadioMenuItem) item(ja, "engine-pytorch")).isSelected(), "the stored choice, after a rebuild");
    }

    @Test
    void theStatusBarNamesTheEngineThatRuns(FxRobot robot) {
        robot.interact(() -> app.context().engineReady(new EngineReport("PyTorch", "2.7.1", 2, 2, "PASSIVE", Map.of(),
                0.5, "pytorch")));
        assertEquals("PyTorch 2.7.1 \u00b7 2 threads", robot.lookup("#status-engine").queryAs(Label.class).getText());
        robot.interact(() -> app.context().engineReady(new EngineReport("MXNet", "1.9.0", 2, 2, "PASSIVE", Map.of(),
                0.5, "auto")));
        assertEquals("MXNet 1.9.0 \u00b7 2 threads", robot.lookup("#status-engine").queryAs(Label.class).getText());
    }

    @Test
    void aStoredValueThisVersionDoesNotKnowIsAuto() {
        java.util.prefs.Preferences node = java.util.prefs.Preferences.userRoot().node("io/ganstudio/engine-test-"
                + System.nanoTime());
        try {
            node.put("engine", "tensorflow");
            assertEquals(EngineChoice.AUTO, new StudioPrefs(node).engine());
            for (String key : List.of("menu.view.engine", "menu.view.engine.auto", "menu.view.engine.nextStart",
                    "engine.chosen.title", "engine.chosen.text")) {
                assertFalse(ResourceBundle.getBundle("io.ganstudio.ui.common.messages", Locale.JAPANESE).getString(key)
                        .equals(ResourceBundle.getBundle("io.ganstudio.ui.common.messages", Locale.ROOT).getString(key)),
                        key + " is translated");
            }
        } finally {
            try {
                node.removeNode();
            } catch (java.util.prefs.BackingStoreException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
