package io.ganstudio.ui.app;

import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.ui.common.Language;
import io.ganstudio.ui.data.DataState;
import io.ganstudio.ui.model.ModelPreset;
import io.ganstudio.ui.present.Presentation;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person with a folder of their own colour pictures: picks the DCGAN 64x64 preset, loads the folder, and the Model
 * screen shows the small-colour-folder settings (32-wide networks, learning rates 0.0005, the generator average) and
 * says why, in English and Japanese, also when presenting, with nothing cut off; the Train screen then says how long
 * the planned steps take on this machine before Start.
 */
@ExtendWith(ApplicationExtension.class)
class ColourFolderJourneyUiTest {

    @TempDir
    static Path tmp;

    private final TestStudio studio = new TestStudio();
    private StudioApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = studio.start(stage, tmp.resolve("cache"), prefs -> { });
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @AfterEach
    void clean() throws Exception {
        new FxRobot().interact(() -> Presentation.onProperty().set(false));
        studio.close();
    }

    @Test
    void aSmallColourFolderGetsItsSettingsTheScreenSaysWhyAndTrainSaysHowLong(FxRobot robot) throws Exception {
        Path folder = colourFolder(tmp.resolve("holiday"), 12);
        robot.interact(() -> app.context().engineReady(EngineSetup.init()));
        robot.interact(() -> app.showScreen(Screens.MODEL.id()));
        robot.interact(() -> preset().setValue(ModelPreset.DCGAN_64));
        // The Data screen loads a chosen folder at the Model screen's image size (its folder chooser cannot be
        // driven headless).
        robot.interact(() -> app.context().data().loadFolder(folder,
                app.context().model().imageSizeProperty().get()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> app.context().data().stateProperty().get() == DataState.LOADED);
        robot.interact(() -> app.showScreen(Screens.MODEL.id()));

        assertEquals(ModelPreset.COLOUR_64, preset().getValue());
        assertEquals("32", field("GENERATOR_WIDTH"));
        assertEquals("32", field("DISCRIMINATOR_WIDTH"));
        assertEquals("0.0005", field("GENERATOR_LR"));
        assertEquals("0.0005", field("DISCRIMINATOR_LR"));
        assertEquals("0.995", field("EMA_DECAY"));
        String note = note();
        for (String said : List.of("12 colour images", "32 channels", "0.0005", "0.995")) {
            assertTrue(note.contains(said), note);
        }

        List<String> problems = new ArrayList<>();
        for (Language language : List.of(Language.ENGLISH, Language.JAPANESE)) {
            robot.interact(() -> app.setLanguage(language));
            robot.interact(() -> app.showScreen(Screens.MODEL.id()));
            if (language == Language.JAPANESE) {
                assertTrue(note().contains("学習率") && note().contains("0.0005"), note());
            }
            for (boolean present : List.of(false, true)) {
                robot.interact(() -> Presentation.onProperty().set(present));
                WaitForAsyncUtils.waitForFxEvents(); // the scroll bars settle, as LayoutFitUiTest waits for them
                List<String> found = FxTesting.onFx(() -> {
                    stage.getScene().getRoot().applyCss();
                    stage.getScene().getRoot().layout();
                    return LayoutCheck.problems(stage.getScene(), language == Language.JAPANESE);
                });
                found.forEach(p -> problems.add(language + (present ? " presenting: " : ": ") + p));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));

        robot.interact(() -> app.setLanguage(Language.ENGLISH));
        robot.interact(() -> Presentation.onProperty().set(false));
        robot.interact(() -> app.showScreen(Screens.TRAIN.id()));
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> ready().contains("on this machine"));
        assertTrue(ready().startsWith("Ready: 1,400 steps planned, "), ready());
    }

    private static Path colourFolder(Path folder, int count) throws Exception {
        Files.createDirectories(folder);
        Random r = new Random(5);
        for (int i = 0; i < count; i++) {
            BufferedImage img = new BufferedImage(80, 72, BufferedImage.TYPE_INT_RGB);
            int sky = 0x3070C0 + r.nextInt(0x40);
            int ground = 0x40A030 + (r.nextInt(0x40) << 16);
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    img.setRGB(x, y, y < 30 + r.nextInt(3) ? sky : ground);
                }
            }
            String format = i % 2 == 0 ? "png" : "jpg"; // mixed formats, as a camera folder holds
            ImageIO.write(img, format, folder.resolve("photo-" + i + "." + format).toFile());
        }
        return folder;
    }

    @SuppressWarnings("unchecked")
    private ComboBox<ModelPreset> preset() {
        return (ComboBox<ModelPreset>) stage.getScene().lookup("#preset");
    }

    private String field(String id) throws Exception {
        return FxTesting.onFx(() -> ((TextField) stage.getScene().lookup("#" + id)).getText());
    }

    private String note() throws Exception {
        return FxTesting.onFx(() -> ((Label) stage.getScene().lookup("#choiceNote")).getText());
    }

    private String ready() throws Exception {
        return FxTesting.onFx(() -> ((Label) stage.getScene().lookup("#stepLabel")).getText());
    }
}
