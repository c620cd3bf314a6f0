package io.ganstudio.ui.explore;

import io.ganstudio.cli.Cli;
import io.ganstudio.core.latent.LatentBook;
import io.ganstudio.core.latent.Latents;
import io.ganstudio.ui.app.FxTesting;
import io.ganstudio.ui.fxutil.PixelView;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
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
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Explore's class picker, "same z, every class" strip and class-direction sliders on tiny runs of the built-in data
 * (Monocle, headless): a conditional run shows them and the picker changes the image; a run without classes hides
 * the picker; kept class directions become sliders that edit the point; finding directions runs in the background.
 */
@ExtendWith(ApplicationExtension.class)
class ClassExploreUiTest {

    @TempDir
    static Path runs;
    static Path conditional;
    static Path plain;
    static Path flat;

    private ExploreView view;

    @BeforeAll
    static void tinyRuns() throws Exception {
        conditional = runs.resolve("cond");
        plain = runs.resolve("plain");
        for (Path run : new Path[] {conditional, plain}) {
            String[] common = {"train", "--size", "16", "--g-width", "4", "--d-width", "8", "--latent", "8",
                    "--batch", "4", "--steps", "2", "--limit", "64", "--quality-every", "0", "--out", run.toString(),
                    "--cache", runs.resolve("cache").toString()};
            String[] args = run == conditional ? concat(common, "--conditional") : common;
            assertEquals(Cli.OK, Cli.run(args));
        }
        // A flat folder of images: no classes at all.
        Path images = Files.createDirectories(runs.resolve("flat"));
        Random random = new Random(2);
        for (int i = 0; i < 8; i++) {
            BufferedImage img = new BufferedImage(16, 16,
                    BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    img.setRGB(x, y, random.nextInt(0x1000000));
                }
            }
            ImageIO.write(img, "png", images.resolve("img" + i + ".png").toFile());
        }
        flat = runs.resolve("flatrun");
        assertEquals(Cli.OK, Cli.run(new String[] {"train", "--data", images.toString(), "--size", "16",
                "--g-width", "4", "--d-width", "8", "--latent", "8", "--batch", "4", "--steps", "2",
                "--quality-every", "0", "--out", flat.toString(), "--cache", runs.resolve("cache").toString()}));
        // A kept class direction (as the directions command writes it): dimension 0 of z.
        float[] d = new float[8];
        d[0] = 1f;
        LatentBook.open(plain, 8).put(new LatentBook.Direction("toward Bag", d, 0.81));
        LatentBook.open(plain, 8).put(new LatentBook.Direction("principal 1", d));
    }

    private static String[] concat(String[] a, String b) {
        String[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }

    @Start
    void start(Stage stage) {
        view = new ExploreView(new ExploreViewModel(Platform::runLater, () -> 42L), new ExploreText(Locale.ENGLISH),
                () -> null);
        stage.setScene(new Scene(view, 1200, 800));
        stage.show();
    }

    private void openAndWait(FxRobot robot, Path run) throws Exception {
        robot.interact(() -> view.open(run));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.viewModel().sourceProperty().get() != null
                && view.mainImage().frame() != null);
    }

    @Test
    void aConditionalRunHasAClassPickerAndAStripOfEveryClass(FxRobot robot) throws Exception {
        openAndWait(robot, conditional);
        ClassPanel panel = robot.lookup("#classPanel").queryAs(ClassPanel.class);
        assertTrue(panel.isVisible());
        @SuppressWarnings("unchecked")
        ChoiceBox<String> picker = robot.lookup("#classPicker").queryAs(ChoiceBox.class);
        assertEquals(10, picker.getItems().size());
        assertEquals("T-shirt/top", picker.getItems().get(0));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.viewModel().sliders().directionsReadyProperty().get());
        PixelView first = robot.lookup("#classThumb0").queryAs(PixelView.class);
        PixelView last = robot.lookup("#classThumb9").queryAs(PixelView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> first.frame() != null && last.frame() != null);
        assertFalse(Arrays.equals(first.frame().argb(), last.frame().argb()), "same z, another class");
        // The image on show is the strip's first class; choosing class 9 makes it the strip's last.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Arrays.equals(view.mainImage().frame().argb(),
                first.frame().argb()));
        int[] lastImage = last.frame().argb().clone();
        robot.interact(() -> picker.getSelectionModel().select(9));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Arrays.equals(view.mainImage().frame().argb(),
                lastImage));
        assertTrue(view.viewModel().cliCommand("--run R").endsWith("-n 1 --class \"Ankle boot\""),
                "Copy gives the generate command of the class on show");
        // The walk: class 9 blended toward class 0; at t = 0 it is class 9's image, at t = 1 class 0's.
        PixelView walk = robot.lookup("#classBlended").queryAs(PixelView.class);
        @SuppressWarnings("unchecked")
        ChoiceBox<String> target = robot.lookup("#classTarget").queryAs(ChoiceBox.class);
        Slider t = robot.lookup("#classBlend").queryAs(Slider.class);
        robot.interact(() -> target.getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> walk.frame() != null
                && Arrays.equals(walk.frame().argb(), lastImage));
        int[] firstImage = first.frame().argb().clone();
        robot.interact(() -> t.setValue(1));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Arrays.equals(walk.frame().argb(), firstImage));
        robot.interact(() -> t.setValue(0.5));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !Arrays.equals(walk.frame().argb(), firstImage)
                && !Arrays.equals(walk.frame().argb(), lastImage));
        // Picking another sample updates the strip to its z.
        robot.clickOn("#tile3");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !Arrays.equals(last.frame().argb(), lastImage));
        // A projected photo's class (the lab asks for it) becomes the class on show.
        robot.interact(() -> view.viewModel().requestClass(4));
        FxTesting.waitFor(Duration.ofSeconds(30), () -> picker.getSelectionModel().getSelectedIndex() == 4);
        assertTrue(view.viewModel().cliCommand("--run R").endsWith("--class \"Coat\""), "the requested class is on show");
    }

    @Test
    void keptClassDirectionsAreSlidersThatEditThePoint(FxRobot robot) throws Exception {
        openAndWait(robot, plain);
        assertFalse(robot.lookup("#classPanel").queryAs(ClassPanel.class).isVisible(), "no classes, no picker");
        assertFalse(view.viewModel().cliCommand("--run R").contains("--class"));
        FxTesting.waitFor(Duration.ofSeconds(30), () -> view.lookup("#classSlider0") != null);
        assertFalse(robot.lookup("#classSlider1").tryQuery().isPresent(), "only class directions become sliders");
        assertTrue(robot.lookup("81%").tryQuery().isPresent(), "the accuracy is shown");
        assertTrue(robot.lookup("toward Bag").tryQuery().isPresent());
        float[] before = view.viewModel().currentZ();
        Slider s = robot.lookup("#classSlider0").queryAs(Slider.class);
        robot.interact(() -> s.setValue(2));
        float[] after = view.viewModel().currentZ();
        assertEquals(before[0] + 2, after[0], 1e-5, "the slider moves z along the direction");
        assertEquals(before[1], after[1], 1e-6);
        assertTrue(view.viewModel().editedProperty().get());
        robot.clickOn("#tile2");
        FxTesting.waitFor(Duration.ofSeconds(10), () -> s.getValue() == 0);
        assertEquals(view.viewModel().currentZ()[0], Latents.fromSeed(44, 8)[0], 1e-6,
                "a new pick starts from its seed, the slider back at zero");
    }

    @Test
    void aRunWithoutClassesSaysWhatItNeeds(FxRobot robot) throws Exception {
        openAndWait(robot, flat);
        assertFalse(robot.lookup("#classPanel").queryAs(ClassPanel.class).isVisible());
        Label info = robot.lookup("#directionsInfo").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> info.getText().contains("class subfolders"));
        assertTrue(info.getText().startsWith("This run's images have no classes"), info.getText());
        assertTrue(robot.lookup("#findDirections").queryAs(Button.class).isDisabled(),
                "nothing to find on a run without classes");
        assertTrue(view.mainImage().frame() != null, "the screen goes on working");
        assertFalse(Files.exists(flat.resolve(LatentBook.FILE)), "nothing written");
    }

    @Test
    void findingClassDirectionsRunsInTheBackground(FxRobot robot) throws Exception {
        openAndWait(robot, conditional);
        Button find = robot.lookup("#findDirections").queryAs(Button.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !find.isDisabled()); // once its data is known
        robot.interact(find::fire);
        Label info = robot.lookup("#directionsInfo").queryAs(Label.class);
        FxTesting.waitFor(Duration.ofSeconds(120), () -> info.getText().contains("samples, labelled by the "
                + "evaluator"));
        assertFalse(find.isDisabled(), "ready again");
        int fitted = LatentBook.open(conditional, 8).directions().size();
        assertTrue(info.getText().startsWith(fitted + " directions"), info.getText());
        assertEquals(fitted, (int) robot.lookup(".slider").queryAll().stream()
                .filter(n -> n.getId() != null && n.getId().startsWith("classSlider")).count());

        // A second search in the same session shows its progress, and Cancel stops it.
        robot.interact(find::fire);
        assertTrue(find.isDisabled(), "busy");
        assertEquals("Sampling and fitting...", info.getText());
        Button cancel = robot.lookup("#cancelDirections").queryAs(Button.class);
        assertTrue(cancel.isVisible());
        robot.interact(cancel::fire);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !find.isDisabled());
        assertEquals("Cancelled; nothing was changed.", info.getText());
        assertFalse(cancel.isVisible());
    }
}
