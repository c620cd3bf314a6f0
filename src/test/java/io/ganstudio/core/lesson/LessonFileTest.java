package io.ganstudio.core.lesson;

import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.DatasetLoader;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.data.LoadOptions;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.train.LossKind;
import io.ganstudio.core.train.StepMetrics;
import io.ganstudio.core.train.TrainConfig;
import io.ganstudio.session.TrainingSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LessonFileTest {

    @TempDir
    static Path shared;
    static Path images;

    @BeforeAll
    static void makeImages() throws Exception {
        images = Files.createDirectories(shared.resolve("teacher-photos"));
        Random r = new Random(3);
        for (int i = 0; i < 12; i++) {
            BufferedImage img = new BufferedImage(20 + i, 24, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(new Color(r.nextInt(0xFFFFFF)));
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setColor(Color.WHITE);
            g.fillOval(r.nextInt(8), r.nextInt(8), 10, 10);
            g.dispose();
            ImageIO.write(img, "png", images.resolve("img-" + i + ".png").toFile());
        }
    }

    private static GanConfig config(long steps) {
        TrainConfig t = new TrainConfig(LossKind.BCE, 0f, TrainConfig.AdamSettings.DCGAN,
                TrainConfig.AdamSettings.DCGAN, 1, 4, 23, steps, 2, 3, 2, 4);
        return new GanConfig(DataSpec.folder(images.toString()), new ModelConfig(16, 3, 8, 4, 4,
                Normalization.BATCH_NORM), t);
    }

    private static void train(TrainingSession s) throws InterruptedException {
        s.start();
        assertTrue(s.awaitEnd(120, TimeUnit.SECONDS), "session did not end");
    }

    private static ImageDataset prepared(GanConfig c) throws Exception {
        return DatasetLoader.load(c.data(), c.model().imageSize(), LoadOptions.defaults(), null).dataset();
    }

    private static void assertSameSteps(List<StepMetrics> a, List<StepMetrics> b) {
        assertEquals(a.size(), b.size(), "number of steps");
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).step(), b.get(i).step());
            assertEquals(a.get(i).dLoss(), b.get(i).dLoss(), 0.0, "D loss at step " + a.get(i).step());
            assertEquals(a.get(i).gLoss(), b.get(i).gLoss(), 0.0, "G loss at step " + a.get(i).step());
            assertEquals(a.get(i).dReal(), b.get(i).dReal(), 0.0, "D(x) at step " + a.get(i).step());
            assertEquals(a.get(i).dFake(), b.get(i).dFake(), 0.0, "D(G(z)) at step " + a.get(i).step());
        }
    }

    @Test
    void aFolderLessonOpenedElsewhereTrainsTheSameStepsWithoutTheFolder(@TempDir Path tmp) throws Exception {
        GanConfig c = config(5);
        train(TrainingSession.newRun(c, tmp.resolve("teacher"), null, e -> { }));
        Path file = tmp.resolve("lesson" + LessonFile.EXTENSION);
        LessonFile.save(file, "Shapes", c, prepared(c), null, null);

        // The "other laptop": the teacher's folder is gone; the lesson carries the prepared images.
        Path moved = Files.move(images, shared.resolve("gone"));
        try {
            Lesson lesson = LessonFile.read(file);
            assertEquals("Shapes", lesson.title());
            assertEquals(Lesson.Source.EMBEDDED, lesson.source());
            assertEquals(12, lesson.images());
            assertEquals(0, lesson.startStep());
            GanConfig installed = lesson.install(tmp.resolve("lessons"));
            assertEquals(DataSpec.Kind.IDX, installed.data().kind());
            assertEquals(c.train(), installed.train());
            train(TrainingSession.newRun(installed, tmp.resolve("pupil"), null, e -> { }));
            assertSameSteps(RunFolder.open(tmp.resolve("teacher")).readMetrics(),
                    RunFolder.open(tmp.resolve("pupil")).readMetrics());
            // Installing again reuses the same file.
            assertEquals(installed, lesson.install(tmp.resolve("lessons")));
        } finally {
            Files.move(moved, images);
        }
    }

    @Test
    void aSnapshotLessonContinuesExactlyWhereTheTeachersRunWent(@TempDir Path tmp) throws Exception {
        train(TrainingSession.newRun(config(6), tmp.resolve("straight"), null, e -> { }));
        train(TrainingSession.newRun(config(3), tmp.resolve("teacher"), null, e -> { }));
        RunFolder teacher = RunFolder.open(tmp.resolve("teacher"));
        Path checkpoint = Checkpoints.list(teacher.checkpointDir()).get(0);
        assertEquals(3, Checkpoints.stepOf(checkpoint));
        Path file = tmp.resolve("snap" + LessonFile.EXTENSION);
        LessonFile.save(file, "", teacher.config(), prepared(teacher.config()), checkpoint, teacher.metricsFile());

        Lesson lesson = LessonFile.read(file);
        assertTrue(lesson.hasSnapshot());
        assertEquals(3, lesson.startStep());
        GanConfig installed = lesson.install(tmp.resolve("lessons"));
        Path pupil = tmp.resolve("pupil");
        lesson.createRun(pupil, installed);
        train(TrainingSession.resumeRun(pupil, 6, null, e -> { }));
        assertSameSteps(RunFolder.open(tmp.resolve("straight")).readMetrics(), RunFolder.open(pupil).readMetrics());
    }

    @Test
    void theBuiltInDataIsNamedNotCarried(@TempDir Path tmp) throws Exception {
        GanConfig c = config(5).withData(DataSpec.builtIn());
        Path file = tmp.resolve("b" + LessonFile.EXTENSION);
        LessonFile.save(file, "Clothes", c, null, null, null);
        assertTrue(Files.size(file) < 4096, "only the settings: " + Files.size(file) + " bytes");
        Lesson lesson = LessonFile.read(file);
        assertEquals(Lesson.Source.BUILT_IN, lesson.source());
        assertEquals(c, lesson.install(tmp.resolve("lessons")));
        assertFalse(Files.exists(tmp.resolve("lessons")));
    }

    @Test
    void aDamagedLessonIsRefusedWithAMessage(@TempDir Path tmp) throws Exception {
        GanConfig c = config(5);
        Path file = tmp.resolve("ok" + LessonFile.EXTENSION);
        LessonFile.save(file, "x", c, prepared(c), null, null);
        byte[] bytes = Files.readAllBytes(file);

        Path cut = tmp.resolve("cut" + LessonFile.EXTENSION);
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        LessonException e = assertThrows(LessonException.class, () -> LessonFile.read(cut));
        assertTrue(e.getMessage().contains("damaged") || e.getMessage().contains("not a GAN Studio lesson"),
                e.getMessage());

        // A flipped byte inside the stored images: the zip's own CRC or the lesson's checksum catches it.
        Path flipped = tmp.resolve("flipped" + LessonFile.EXTENSION);
        byte[] f = bytes.clone();
        f[bytes.length / 2] ^= 0x5A;
        Files.write(flipped, f);
        e = assertThrows(LessonException.class, () -> LessonFile.read(flipped));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
        assertTrue(e.phrase().text(Locale.JAPANESE).contains("壊れている"), e.phrase().text(Locale.JAPANESE));

        Path png = tmp.resolve("photo.png");
        Files.copy(images.resolve("img-0.png"), png);
        e = assertThrows(LessonException.class, () -> LessonFile.read(png));
        assertTrue(e.getMessage().contains("not a GAN Studio lesson"), e.getMessage());

        e = assertThrows(LessonException.class, () -> LessonFile.read(tmp.resolve("nothing.ganlesson")));
        assertTrue(e.getMessage().contains("no lesson file"), e.getMessage());
    }

    @Test
    void aLessonFromANewerVersionSaysToUpdate(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("future" + LessonFile.EXTENSION);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("lesson.json"));
            zip.write(("{\"format\":\"gan-studio-lesson\",\"version\":" + (LessonFile.VERSION + 1) + "}")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        LessonException e = assertThrows(LessonException.class, () -> LessonFile.read(file));
        assertTrue(e.getMessage().contains("newer GAN Studio"), e.getMessage());
    }

    @Test
    void tooManyImagesAreRefusedBeforeAnythingIsWritten(@TempDir Path tmp) {
        int side = 64;
        int count = (int) (EmbeddedData.MAX_BYTES / (3L * side * side)) + 1;
        ImageDataset big = new ImageDataset(count, side, 3, new byte[count * 3 * side * side], null, List.of());
        GanConfig c = config(5).withModel(new ModelConfig(side, 3, 8, 4, 4, Normalization.BATCH_NORM));
        Path file = tmp.resolve("big" + LessonFile.EXTENSION);
        LessonException e = assertThrows(LessonException.class, () -> LessonFile.save(file, "", c, big, null, null));
        assertTrue(e.getMessage().contains("at most " + LessonFile.maxDataMiB() + " MiB"), e.getMessage());
        assertFalse(Files.exists(file));
    }
}
