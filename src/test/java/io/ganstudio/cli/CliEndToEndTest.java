package io.ganstudio.cli;

import io.ganstudio.OnBothEngines;
import io.ganstudio.core.run.RunFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole path on a tiny run: train a few steps on a folder of PNGs, resume it, generate and interpolate from it.
 * Sizes are the smallest the model allows so the class runs in seconds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@OnBothEngines
class CliEndToEndTest {

    @TempDir
    static Path tmp;

    static Path images;
    static Path run;
    static Path cache;

    @BeforeAll
    static void tinyImageFolder() throws IOException {
        images = Files.createDirectories(tmp.resolve("images"));
        run = tmp.resolve("run");
        cache = tmp.resolve("cache");
        Random random = new Random(3);
        for (int i = 0; i < 8; i++) {
            BufferedImage img = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 20; y++) {
                for (int x = 0; x < 20; x++) {
                    img.setRGB(x, y, random.nextInt(0x1000000));
                }
            }
            ImageIO.write(img, "png", images.resolve("img" + i + ".png").toFile());
        }
        Files.writeString(images.resolve("broken.png"), "not an image");
    }

    private static void assertOk(CliRun r) {
        assertEquals(Cli.OK, r.exitCode(), () -> "stdout:\n" + r.out() + "\nstderr:\n" + r.err());
    }

    private static long count(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).count();
        }
    }

    @Test
    @Order(1)
    void trainWritesARunFolder() throws IOException {
        CliRun r = CliRun.of("train", "--data", images.toString(), "--size", "16", "--g-width", "4", "--d-width",
                "8", "--latent", "8", "--batch", "4", "--steps", "3", "--sample-every", "2", "--checkpoint-every",
                "2", "--out", run.toString(), "--cache", cache.toString());
        assertOk(r);
        assertTrue(r.out().contains("run folder: " + run.toAbsolutePath()), r.out());
        assertTrue(r.out().contains("finished at step 3"), r.out());
        assertTrue(r.out().contains("skipped") && r.out().contains("broken.png"), "data report: " + r.out());
        assertTrue(Files.isRegularFile(run.resolve("config.json")));
        assertEquals(4, Files.readAllLines(run.resolve("metrics.csv")).size(), "header and 3 steps");
        assertTrue(count(run.resolve("samples"), ".png") >= 2, "samples at steps 0, 2 and 3");
        assertTrue(Files.list(run.resolve("checkpoints")).findAny().isPresent());
    }

    @Test
    @Order(1)
    void epochsBecomeStepsFromTheDatasetSize() throws IOException {
        Path epochRun = tmp.resolve("epochs");
        CliRun r = CliRun.of("train", "--data", images.toString(), "--size", "16", "--g-width", "4", "--d-width",
                "4", "--latent", "4", "--batch", "4", "--epochs", "1", "--out", epochRun.toString(), "--cache",
                cache.toString(), "--quiet");
        assertOk(r);
        // 8 readable images, batch 4: one pass is 2 steps.
        assertEquals(3, Files.readAllLines(epochRun.resolve("metrics.csv")).size(), "header and 2 steps");
    }

    @Test
    @Order(2)
    void resumeContinuesToTheNewTarget() throws IOException {
        CliRun r = CliRun.of("train", "--resume", run.toString(), "--steps", "5", "--cache", cache.toString());
        assertOk(r);
        assertTrue(r.out().contains("finished at step 5"), r.out());
        assertEquals(6, Files.readAllLines(run.resolve("metrics.csv")).size(), "header and 5 steps");
    }

    @Test
    @Order(2)
    void outRefusesAnExistingRun() {
        CliRun r = CliRun.of("train", "--out", run.toString(), "--steps", "2");
        assertEquals(Cli.USAGE, r.exitCode());
        assertTrue(r.err().contains("--resume"), r.err());
    }

    @Test
    @Order(2)
    void resumeRefusesSettingsThatChangeTheNetworksShapes() throws IOException {
        String config = Files.readString(run.resolve("config.json"));
        CliRun r = CliRun.of("train", "--resume", run.toString(), "--latent", "16", "--seed", "3",
                "--upsampling", "resize");
        assertEquals(Cli.USAGE, r.exitCode());
        assertTrue(r.err().contains("--latent cannot change") && r.err().contains("shapes"), r.err());
        assertTrue(r.err().contains("--seed cannot change"), r.err());
        assertTrue(r.err().contains("--upsampling cannot change") && r.err().contains("layers"), r.err());
        assertEquals(config, Files.readString(run.resolve("config.json")));
    }

    @Test
    @Order(4)
    void resumeWithALowerLearningRateRecordsTheChange() throws IOException {
        CliRun r = CliRun.of("train", "--resume", run.toString(), "--steps", "7", "--lr-g", "0.0001", "--lr-d",
                "0.0001", "--batch", "2", "--cache", cache.toString());
        assertOk(r);
        assertTrue(r.out().contains("finished at step 7"), r.out());
        var folder = RunFolder.open(run);
        assertEquals(1e-4f, folder.config().train().generatorOptimizer().learningRate());
        assertEquals(2, folder.config().train().batchSize());
        assertEquals(List.of("generatorOptimizer.learningRate", "discriminatorOptimizer.learningRate", "batchSize"),
                folder.changes().stream().map(c -> c.setting()).toList());
        assertTrue(folder.changes().stream().allMatch(c -> c.step() == 5), String.valueOf(folder.changes()));
    }

    @Test
    @Order(3)
    void generateWritesImagesAndIsReproducible() throws IOException {
        Path a = tmp.resolve("gen-a");
        Path b = tmp.resolve("gen-b");
        assertOk(CliRun.of("generate", "--run", run.toString(), "-n", "3", "--seed", "5", "--out", a.toString()));
        assertOk(CliRun.of("generate", "--run", run.toString(), "-n", "3", "--seed", "5", "--out", b.toString()));
        assertEquals(3, count(a, ".png"));
        assertArrayEquals(Files.readAllBytes(a.resolve("image-6.png")), Files.readAllBytes(b.resolve("image-6.png")));
        Path checkpoint;
        try (Stream<Path> files = Files.list(run.resolve("checkpoints"))) {
            checkpoint = files.filter(p -> p.toString().endsWith(".gsc")).sorted().findFirst().orElseThrow();
        }
        Path single = tmp.resolve("one.png");
        assertOk(CliRun.of("generate", "--checkpoint", checkpoint.toString(), "-n", "1", "--out", single.toString()));
        assertEquals(16, ImageIO.read(single.toFile()).getWidth());
        Path grid = tmp.resolve("grid.png");
        assertOk(CliRun.of("generate", "--run", run.toString(), "-n", "4", "--grid", "--truncation", "0.7",
                "--out", grid.toString()));
        assertTrue(ImageIO.read(grid.toFile()).getWidth() > 16);
        CliRun noClasses = CliRun.of("generate", "--run", run.toString(), "-n", "1", "--class", "Bag",
                "--out", tmp.resolve("class.png").toString());
        assertEquals(Cli.USAGE, noClasses.exitCode());
        assertTrue(noClasses.err().contains("this run has no classes"), noClasses.err());
        assertFalse(Files.exists(tmp.resolve("class.png")));
    }

    @Test
    @Order(3)
    void projectWritesTheReconstructionZAndLossCurve() throws IOException {
        // A transparent PNG of another size: composited on the background and resized like the training data.
        BufferedImage photo = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                photo.setRGB(x, y, x < 20 ? 0x00000000 : 0xFF20A040);
            }
        }
        Path png = tmp.resolve("photo.png");
        ImageIO.write(photo, "png", png.toFile());
        Path out = tmp.resolve("projection");
        CliRun r = CliRun.of("project", "--run", run.toString(), "--image", png.toString(), "--steps", "20",
                "--out", out.toString(), "--bookmark", "photo");
        assertOk(r);
        assertTrue(Files.readString(run.resolve("latents.json")).contains("\"photo\""));
        assertTrue(r.out().contains("pixel error"), r.out());
        assertEquals(16, ImageIO.read(out.resolve("reconstruction.png").toFile()).getWidth());
        assertTrue(Files.readString(out.resolve("z.json")).contains("\"z\""));
        assertEquals(21, Files.readAllLines(out.resolve("loss.csv")).size(), "a header and a row per step");

        CliRun corrupt = CliRun.of("project", "--run", run.toString(), "--image",
                images.resolve("broken.png").toString(), "--out", tmp.resolve("p2").toString());
        assertEquals(Cli.USAGE, corrupt.exitCode());
        assertTrue(corrupt.err().contains("broken.png"), corrupt.err());
        CliRun noClasses = CliRun.of("project", "--run", run.toString(), "--image", png.toString(), "--class", "0",
                "--out", tmp.resolve("p3").toString());
        assertEquals(Cli.USAGE, noClasses.exitCode());
        assertTrue(noClasses.err().contains("this run has no classes"), noClasses.err());
        assertFalse(Files.exists(tmp.resolve("p2")));
    }

    @Test
    @Order(3)
    void arithmeticWritesLatentAndPixelRows() throws IOException {
        Path png = tmp.resolve("arith.png");
        assertOk(CliRun.of("arithmetic", "--run", run.toString(), "--a", "1,2,3", "--b", "4,5,6", "--c", "7,8,9",
                "--out", png.toString()));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(2 * 16 + 2, img.getHeight(), "a latent row and a pixel row");
        CliRun missing = CliRun.of("arithmetic", "--run", run.toString(), "--a", "1,nobody", "--b", "4", "--c", "7",
                "--out", tmp.resolve("a2.png").toString());
        assertEquals(Cli.USAGE, missing.exitCode());
        assertTrue(missing.err().contains("\"nobody\" is neither a seed nor a bookmark"), missing.err());
    }

    @Test
    @Order(3)
    void generateAndInterpolateTakeAnyCount() throws IOException {
        Path many = tmp.resolve("many");
        assertOk(CliRun.of("generate", "--run", run.toString(), "-n", "65", "--out", many.toString()));
        assertEquals(65, count(many, ".png"));
        Path grid = tmp.resolve("grid65.png");
        assertOk(CliRun.of("generate", "--run", run.toString(), "-n", "65", "--grid", "--out", grid.toString()));
        Path frames = tmp.resolve("frames65");
        assertOk(CliRun.of("interpolate", "--run", run.toString(), "--frames", "65", "--out", frames.toString()));
        assertEquals(66, count(frames, ".png"), "65 frames per segment, then the last keyframe");
    }

    @Test
    @Order(3)
    void interpolateWritesAGifAndFrames() throws IOException {
        Path gif = tmp.resolve("walk.gif");
        Path frames = tmp.resolve("frames");
        assertOk(CliRun.of("interpolate", "--run", run.toString(), "--seeds", "1,2,3", "--frames", "4", "--lerp",
                "--gif", gif.toString(), "--out", frames.toString(), "--fps", "10"));
        byte[] head = Files.readAllBytes(gif);
        assertEquals("GIF8", new String(head, 0, 4, StandardCharsets.US_ASCII));
        assertTrue(count(frames, ".png") >= 8, "two segments of 4 frames");
    }
}
