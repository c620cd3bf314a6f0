package io.ganstudio.ui.explore;

import io.ganstudio.core.anomaly.TinyRuns;
import io.ganstudio.core.data.SingleImage;
import io.ganstudio.core.image.SampleGrid;
import io.ganstudio.core.latent.GeneratorRunner;
import io.ganstudio.core.latent.Latents;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.LoadedCheckpoint;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.ui.app.FxTesting;
import io.ganstudio.ui.fxutil.ArgbFrame;
import io.ganstudio.ui.task.BackgroundTasks;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Projecting photos from the Explore screen into a tiny trained run: a generated image comes back closer than the
 * best random start and becomes the point on show; bad files are refused with the reason, odd ones prepared with a
 * note; a long projection can be cancelled. The screen's state survives all of it.
 */
class ProjectionModelEngineTest {

    @TempDir
    static Path dir;
    static BackgroundTasks tasks;
    static Path run;
    static ExploreViewModel vm;
    static ProjectionModel projection;
    static final ExploreText TEXT = new ExploreText(Locale.ENGLISH);

    @BeforeAll
    static void setUp() throws Exception {
        FxTesting.startPlatform();
        tasks = new BackgroundTasks();
        run = TinyRuns.train(dir.resolve("run"), TinyRuns.normalSet(48, 3), 60).dir();
        LoadedCheckpoint cp = Checkpoints.readLatestGenerator(run.resolve("checkpoints"));
        ImageSource source = ImageSource.of(GeneratorRunner.load(cp), GeneratorRunner.load(cp));
        FxTesting.onFx(() -> {
            vm = new ExploreViewModel(Platform::runLater, () -> 10L);
            projection = new LabModel(vm, tasks, Platform::runLater, TEXT).projection();
            vm.open(source, run, "run");
            return null;
        });
        FxTesting.waitFor(Duration.ofSeconds(60), () -> vm.imageProperty().get() != null);
    }

    @AfterAll
    static void stop() {
        tasks.shutdown();
    }

    private static void project(Path file, int steps) throws Exception {
        FxTesting.onFx(() -> {
            projection.stepsProperty().set(steps);
            projection.project(file);
            return null;
        });
    }

    private static void awaitIdle() throws Exception {
        FxTesting.waitFor(Duration.ofSeconds(120), () -> !projection.runningProperty().get());
    }

    private static void writeGray(int[] argb, int size, Path file) throws Exception {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        img.setRGB(0, 0, size, size, argb, 0, size);
        ImageIO.write(img, "png", file.toFile());
    }

    @Test
    void aGeneratedImageIsRecoveredAndBecomesThePointOnShow() throws Exception {
        int size = TinyRuns.SIZE;
        float[] z = Latents.fromSeed(77, 8);
        int[] argb;
        try (GeneratorRunner g = GeneratorRunner.open(RunFolder.open(run))) {
            argb = g.render(z).get();
        }
        Path file = dir.resolve("generated.png");
        writeGray(argb, size, file);
        List<ArgbFrame> live = new CopyOnWriteArrayList<>();
        FxTesting.onFx(() -> {
            projection.reconstructionProperty().addListener((o, a, f) -> {
                if (projection.runningProperty().get() && f != null) {
                    live.add(f);
                }
            });
            return null;
        });
        project(file, 80);
        assertTrue(FxTesting.onFx(() -> projection.runningProperty().get()));
        awaitIdle();
        ProjectionModel.Found found = FxTesting.onFx(() -> projection.foundProperty().get());
        assertNotNull(found, FxTesting.onFx(() -> projection.messageProperty().get()));
        assertTrue(found.pixelError() < found.startError(), "Adam improves on the best random start: "
                + found.pixelError() + " vs " + found.startError());
        assertFalse(live.isEmpty(), "the reconstruction is shown while it converges");
        assertEquals(TEXT.format("lab.projectionName", "generated.png"), FxTesting.onFx(() -> vm.pointNameProperty()
                .get()));
        assertArrayEquals(found.z(), FxTesting.onFx(() -> vm.currentZ()), "the found z is the point on show");
        ArgbFrame target = FxTesting.onFx(() -> projection.targetProperty().get());
        int[] expected = SampleGrid.toArgb(SingleImage.read(file,
                RunFolder.open(run).config().data(), size, 1).pixels(), 0, 1, size);
        assertArrayEquals(expected, target.argb(), "the target is shown as the model sees it");
        assertEquals("", FxTesting.onFx(() -> projection.notesProperty().get()), "a gray image of the right size");
    }

    @Test
    void badFilesAreRefusedWithTheReasonAndOddOnesPreparedWithANote() throws Exception {
        float[] before = FxTesting.onFx(() -> vm.currentZ());
        Path corrupt = dir.resolve("corrupt.png");
        Files.write(corrupt, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H'});
        project(corrupt, 10);
        awaitIdle();
        String message = FxTesting.onFx(() -> projection.messageProperty().get());
        assertTrue(message.startsWith(TEXT.format("lab.projectRefused", "")), message);
        assertNull(FxTesting.onFx(() -> projection.foundProperty().get()));
        assertArrayEquals(before, FxTesting.onFx(() -> vm.currentZ()), "a refused image leaves the point on show");

        project(dir.resolve("missing.png"), 10);
        awaitIdle();
        assertTrue(FxTesting.onFx(() -> projection.messageProperty().get()).startsWith(
                TEXT.format("lab.projectRefused", "")));

        // Colour, another size and a transparent background: prepared like training images, with notes.
        BufferedImage colour = new BufferedImage(40, 24, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 40; x++) {
                colour.setRGB(x, y, x > 10 && x < 30 ? 0xFFE03010 : 0x00000000); // transparent outside a red bar
            }
        }
        Path odd = dir.resolve("odd.png");
        ImageIO.write(colour, "png", odd.toFile());
        project(odd, 10);
        awaitIdle();
        String notes = FxTesting.onFx(() -> projection.notesProperty().get());
        assertTrue(notes.contains(TEXT.format("lab.noteResized", 40, 24, TinyRuns.SIZE)), notes);
        assertTrue(notes.contains(TEXT.get("lab.noteGray")), notes);
        assertNotNull(FxTesting.onFx(() -> projection.foundProperty().get()), "it is projected all the same");
    }

    @Test
    void aLongProjectionCanBeCancelled() throws Exception {
        Path file = dir.resolve("cancel.png");
        writeGray(new int[TinyRuns.SIZE * TinyRuns.SIZE], TinyRuns.SIZE, file);
        project(file, ProjectionModel.MAX_STEPS);
        FxTesting.waitFor(Duration.ofSeconds(60), () -> projection.reconstructionProperty().get() != null);
        project(file, 10);
        assertEquals(TEXT.get("lab.projectBusy"), FxTesting.onFx(() -> projection.messageProperty().get()),
                "one projection at a time");
        FxTesting.onFx(() -> {
            projection.cancel();
            return null;
        });
        awaitIdle();
        assertEquals(TEXT.get("lab.projectCancelled"), FxTesting.onFx(() -> projection.messageProperty().get()));
        assertNull(FxTesting.onFx(() -> projection.foundProperty().get()));
    }
}
