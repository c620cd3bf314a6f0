package io.ganstudio.ui.explore;

import io.ganstudio.ui.app.FxTesting;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lab's tabs on the real Explore screen (Monocle, headless), wired to a stand-in generator: keep a bookmark,
 * show it, fill the arithmetic's concepts from the point on show and compute; the seed line names the lab point.
 */
@ExtendWith(ApplicationExtension.class)
class LabScreenUiTest {

    @TempDir
    Path dir;

    private ExploreView view;
    private ExploreViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new ExploreViewModel(Platform::runLater, () -> 100L);
        view = new ExploreView(vm, new ExploreText(Locale.ENGLISH), () -> null);
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    private void select(FxRobot robot, String tabId) {
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#labTabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> tabId.equals(t.getId()))
                    .findFirst().orElseThrow());
        });
    }

    @Test
    void bookmarksAndArithmeticFromTheTabs(FxRobot robot) throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        robot.interact(() -> vm.open(new FakeSource(12, true), run, "run"));
        select(robot, "labTabBookmarks");
        robot.clickOn("#bookmarkName").write("first pick");
        robot.clickOn("#bookmarkKeep");
        ListView<?> list = robot.lookup("#bookmarkList").queryAs(ListView.class);
        FxTesting.waitFor(Duration.ofSeconds(10), () -> list.getItems().size() == 1);
        assertEquals("", robot.lookup("#bookmarkName").queryAs(TextField.class).getText(), "the name field clears");
        assertTrue(Files.readString(run.resolve("latents.json")).contains("first pick"));

        robot.clickOn("#tile3");
        robot.interact(() -> list.getSelectionModel().select(0));
        robot.clickOn("#bookmarkShow");
        FxTesting.waitFor(Duration.ofSeconds(10), () -> vm.pointNameProperty().get().equals("first pick"));
        assertEquals("Point: first pick", robot.lookup("#seedLabel").queryAs(Label.class).getText());

        select(robot, "labTabArithmetic");
        for (String letter : new String[] {"A", "B", "C"}) {
            for (int i = 0; i < 3; i++) {
                int tile = i + 3 * "ABC".indexOf(letter);
                robot.interact(() -> vm.pick(tile));
                robot.clickOn("#addCurrent" + letter);
            }
        }
        robot.clickOn("#arithmeticCompute");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#arithmeticLatent3").tryQuery()
                .isPresent());
        robot.clickOn("#arithmeticLatent3");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.pointNameProperty().get().equals("A − B + C"));
        LabModel lab = LabModel.of(vm, new ExploreText(Locale.ENGLISH));
        assertArrayEquals(lab.arithmetic().resultProperty().get().zs().get(3), vm.currentZ());
    }
}
