package io.ganstudio.ui.harness;

import io.ganstudio.ui.app.LessonActions;
import io.ganstudio.ui.app.StudioApp;
import io.ganstudio.ui.common.Language;
import io.ganstudio.ui.common.Messages;
import io.ganstudio.ui.common.StudioPrefs;
import io.ganstudio.ui.lesson.LessonText;
import javafx.application.Platform;
import javafx.scene.control.ButtonBase;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;

/**
 * The studio right after a lesson file was opened, for screenshots and a look at the flow: {@code LESSON|save en|ja} (save: the Save lesson dialog instead).
 * The Train screen should be in front, ready at the lesson's step.
 */
public final class LessonShotHarness {

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        Path lesson = Path.of(args[0]);
        Preferences node = Preferences.userRoot().node("ganstudio-lesson-harness");
        node.clear();
        StudioPrefs prefs = new StudioPrefs(node);
        prefs.setLanguage(args[1].equals("ja") ? Language.JAPANESE : Language.ENGLISH);
        Path cache = Files.createTempDirectory("lesson-cache");
        Path runs = Files.createTempDirectory("lesson-runs");
        Platform.startup(() -> {
            StudioApp app = new StudioApp(prefs, cache, true);
            Stage stage = new Stage();
            app.start(stage);
            stage.setWidth(1440);
            stage.setHeight(900);
            stage.setX(0);
            stage.setY(0);
            LessonActions actions = new LessonActions(app.context(), app.context().lesson(),
                    new LessonText(Messages::locale), runs, dir -> { },
                    () -> ((ButtonBase) stage.getScene().lookup("#nav-train")).fire());
            if (args[0].equals("save")) {
                Platform.runLater(actions::chooseAndSave); // the Save lesson dialog, as Run > Save lesson opens it
            } else {
                actions.open(lesson);
            }
        });
    }
}
