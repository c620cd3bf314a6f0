package io.ganstudio.cli;

import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.train.SmallColourFolder;
import io.ganstudio.core.train.StepMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.ObjIntConsumer;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LessonCliTest {

    private static final String[] TINY = {"--size", "16", "--g-width", "4", "--d-width", "4", "--latent", "4",
            "--batch", "4", "--seed", "5", "--sample-every", "2", "--checkpoint-every", "2"};

    private static String[] args(String[] head, String... tail) {
        String[] all = Arrays.copyOf(head, head.length + TINY.length + tail.length);
        System.arraycopy(TINY, 0, all, head.length, TINY.length);
        System.arraycopy(tail, 0, all, head.length + TINY.length, tail.length);
        return all;
    }

    /** A folder of {@code count} PNG files of w x h pixels, image i drawn by {@code draw} on black. */
    private static Path folder(Path dir, int count, int w, int h, ObjIntConsumer<Graphics2D> draw)
            throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < count; i++) {
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            draw.accept(g, i);
            g.dispose();
            ImageIO.write(img, "png", dir.resolve(i + ".png").toFile());
        }
        return dir;
    }

    @Test
    void aSavedLessonTrainsLikeTheTrainCommandAndIsDescribed(@TempDir Path tmp) throws Exception {
        Path images = folder(tmp.resolve("photos"), 8, 18, 18, (g, i) -> {
            g.setColor(new Color(30 * i, 200 - 20 * i, 90));
            g.fillOval(i, 2, 9, 9);
        });
        Path cache = tmp.resolve("cache");
        CliRun direct = CliRun.of(args(new String[]{"train", "--data", images.toString()}, "--steps", "3",
                "--out", tmp.resolve("direct").toString(), "--cache", cache.toString(), "--quiet"));
        assertEquals(Cli.OK, direct.exitCode(), direct.err());

        Path lesson = tmp.resolve("shapes.ganlesson");
        CliRun save = CliRun.of(args(new String[]{"lesson", "save", lesson.toString(), "--data", images.toString()},
                "--steps", "3", "--title", "Shapes", "--cache", cache.toString()));
        assertEquals(Cli.OK, save.exitCode(), save.err());
        assertTrue(save.out().contains("8 images of 16x16"), save.out());

        CliRun info = CliRun.of("lesson", "info", lesson.toString());
        assertEquals(Cli.OK, info.exitCode(), info.err());
        assertTrue(info.out().contains("title:    Shapes") && info.out().contains("seed 5")
                && info.out().contains("at step 0"), info.out());

        CliRun train = CliRun.of("lesson", "train", lesson.toString(), "--out", tmp.resolve("pupil").toString(),
                "--images-dir", tmp.resolve("lessons").toString(), "--quiet");
        assertEquals(Cli.OK, train.exitCode(), train.err());
        List<StepMetrics> a = RunFolder.open(tmp.resolve("direct")).readMetrics();
        List<StepMetrics> b = RunFolder.open(tmp.resolve("pupil")).readMetrics();
        assertEquals(3, b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).dLoss(), b.get(i).dLoss(), 0.0);
            assertEquals(a.get(i).gLoss(), b.get(i).gLoss(), 0.0);
        }

        CliRun withSnapshot = CliRun.of("lesson", "save", tmp.resolve("snap.ganlesson").toString(), "--from",
                tmp.resolve("pupil").toString(), "--snapshot");
        assertEquals(Cli.OK, withSnapshot.exitCode(), withSnapshot.err());
        assertTrue(withSnapshot.out().contains("from the snapshot at step 3"), withSnapshot.out());
    }

    @Test
    void aSmallColourFolderLessonGetsTheDefaultsTrainGivesIt(@TempDir Path tmp) throws Exception {
        Path images = folder(tmp.resolve("photos"), 6, 70, 64, (g, i) -> {
            g.setColor(new Color(40 * i, 180 - 20 * i, 60 + 10 * i));
            g.fillRect(4 * i, 8, 30, 40);
        });
        String[] small = {"--size", "64", "--g-width", "4", "--d-width", "4", "--latent", "4", "--batch", "4",
                "--seed", "5", "--sample-every", "2", "--checkpoint-every", "2", "--steps", "2"};
        Path cache = tmp.resolve("cache");
        String[] train = {"train", "--data", images.toString(), "--out", tmp.resolve("direct").toString(), "--cache",
                cache.toString(), "--quiet"};
        CliRun direct = CliRun.of(concat(train, small));
        assertEquals(Cli.OK, direct.exitCode(), direct.err());
        Path lesson = tmp.resolve("colour.ganlesson");
        CliRun save = CliRun.of(concat(new String[]{"lesson", "save", lesson.toString(), "--data", images.toString(),
                "--cache", cache.toString()}, small));
        assertEquals(Cli.OK, save.exitCode(), save.err());
        assertTrue(save.out().contains("lr G 0.0005 / D 0.0005, generator average 0.995"), save.out());
        CliRun pupil = CliRun.of("lesson", "train", lesson.toString(), "--out", tmp.resolve("pupil").toString(),
                "--images-dir", tmp.resolve("lessons").toString(), "--quiet");
        assertEquals(Cli.OK, pupil.exitCode(), pupil.err());

        RunFolder a = RunFolder.open(tmp.resolve("direct"));
        RunFolder b = RunFolder.open(tmp.resolve("pupil"));
        assertEquals(SmallColourFolder.LEARNING_RATE, b.config().train().generatorOptimizer().learningRate());
        assertEquals(SmallColourFolder.LEARNING_RATE, b.config().train().discriminatorOptimizer().learningRate());
        assertEquals(SmallColourFolder.EMA_DECAY, b.config().train().emaDecay());
        assertEquals(a.config().train(), b.config().train());
        List<StepMetrics> ma = a.readMetrics();
        List<StepMetrics> mb = b.readMetrics();
        assertEquals(ma.size(), mb.size());
        for (int i = 0; i < ma.size(); i++) {
            assertEquals(ma.get(i).dLoss(), mb.get(i).dLoss(), 0.0);
            assertEquals(ma.get(i).gLoss(), mb.get(i).gLoss(), 0.0);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void aFileThatIsNoLessonFailsWithAMessage(@TempDir Path tmp) throws Exception {
        Path bogus = Files.writeString(tmp.resolve("notes.ganlesson"), "not a lesson at all");
        CliRun r = CliRun.of("lesson", "info", bogus.toString());
        assertEquals(Cli.FAILED, r.exitCode());
        assertTrue(r.err().contains("is not a GAN Studio lesson"), r.err());
        CliRun t = CliRun.of("lesson", "train", bogus.toString(), "--out", tmp.resolve("x").toString());
        assertEquals(Cli.FAILED, t.exitCode());
        assertFalse(Files.exists(tmp.resolve("x")), "nothing is made for a refused lesson");
        CliRun s = CliRun.of("lesson", "save", tmp.resolve("y.ganlesson").toString(), "--snapshot");
        assertEquals(Cli.USAGE, s.exitCode());
    }

    @Test
    void aFolderOfGreyImagesSavesAGreyLessonThatTrains(@TempDir Path tmp) throws Exception {
        Path grey = Files.createDirectories(tmp.resolve("grey"));
        for (int i = 0; i < 6; i++) {
            BufferedImage img = new BufferedImage(18, 18, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = img.createGraphics();
            g.setColor(new Color(40 * i, 40 * i, 40 * i));
            g.fillOval(i, 3, 8, 8);
            g.dispose();
            ImageIO.write(img, "png", grey.resolve(i + ".png").toFile());
        }
        Path lesson = tmp.resolve("grey.ganlesson");
        CliRun save = CliRun.of(args(new String[]{"lesson", "save", lesson.toString(), "--data", grey.toString()},
                "--steps", "2", "--cache", tmp.resolve("cache").toString()));
        assertEquals(Cli.OK, save.exitCode(), save.out() + save.err());
        assertTrue(save.out().contains("6 images of 16x16 (gray"), save.out());
        CliRun train = CliRun.of("lesson", "train", lesson.toString(), "--out", tmp.resolve("pupil").toString(),
                "--images-dir", tmp.resolve("lessons").toString(), "--quiet");
        assertEquals(Cli.OK, train.exitCode(), train.err());
        assertEquals(1, RunFolder.open(tmp.resolve("pupil")).config().model().channels());
    }
}
