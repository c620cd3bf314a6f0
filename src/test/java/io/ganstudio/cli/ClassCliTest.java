package io.ganstudio.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ganstudio.core.latent.LatentBook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The class commands on tiny runs: interpolate between classes at one z, class directions with a classifier trained
 * on the run's own images (a folder with class subfolders) and with the evaluator's (the built-in data), and the
 * refusals for runs without classes.
 */
class ClassCliTest {

    @TempDir
    static Path tmp;

    static Path classes;
    static Path flat;
    static Path conditional;
    static Path plain;
    static Path cache;

    @BeforeAll
    static void tinyRuns() throws IOException {
        classes = tmp.resolve("classes");
        flat = Files.createDirectories(tmp.resolve("flat"));
        cache = tmp.resolve("cache");
        Random random = new Random(4);
        for (String name : new String[] {"dark", "light"}) {
            Path dir = Files.createDirectories(classes.resolve(name));
            int base = name.equals("dark") ? 0 : 190;
            for (int i = 0; i < 100; i++) {
                BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 16; y++) {
                    for (int x = 0; x < 16; x++) {
                        int v = base + random.nextInt(66);
                        img.setRGB(x, y, (v << 16) | (v << 8) | v);
                    }
                }
                ImageIO.write(img, "png", dir.resolve(name + i + ".png").toFile());
                if (i < 8) {
                    ImageIO.write(img, "png", flat.resolve(name + i + ".png").toFile());
                }
            }
        }
        conditional = tmp.resolve("cond");
        plain = tmp.resolve("plain");
        assertOk(CliRun.of("train", "--data", classes.toString(), "--conditional", "--size", "16", "--g-width", "4",
                "--d-width", "8", "--latent", "8", "--batch", "4", "--steps", "2", "--quality-every", "0",
                "--out", conditional.toString(), "--cache", cache.toString()));
        assertOk(CliRun.of("train", "--data", flat.toString(), "--size", "16", "--g-width", "4", "--d-width", "8",
                "--latent", "8", "--batch", "4", "--steps", "2", "--quality-every", "0", "--out", plain.toString(),
                "--cache", cache.toString()));
    }

    private static void assertOk(CliRun r) {
        assertEquals(Cli.OK, r.exitCode(), () -> "stdout:\n" + r.out() + "\nstderr:\n" + r.err());
    }

    private static int[] pixels(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    @Test
    void interpolateBetweenClassesKeepsZAndEndsAtEachClass() throws IOException {
        Path frames = tmp.resolve("classwalk");
        assertOk(CliRun.of("interpolate", "--run", conditional.toString(), "--from-class", "dark", "--to-class",
                "1", "--from", "5", "--frames", "4", "--out", frames.toString()));
        assertTrue(Files.isRegularFile(frames.resolve("frame-0004.png")));
        assertFalse(Files.exists(frames.resolve("frame-0005.png")), "frames 0..4");
        Path dark = tmp.resolve("dark5");
        Path light = tmp.resolve("light5");
        assertOk(CliRun.of("generate", "--run", conditional.toString(), "--class", "dark", "--seed", "5", "-n", "1",
                "--out", dark.toString()));
        assertOk(CliRun.of("generate", "--run", conditional.toString(), "--class", "light", "--seed", "5", "-n",
                "1", "--out", light.toString()));
        assertArrayEquals(pixels(dark.resolve("image-5.png")), pixels(frames.resolve("frame-0000.png")),
                "the walk starts at seed 5's z as class dark");
        assertArrayEquals(pixels(light.resolve("image-5.png")), pixels(frames.resolve("frame-0004.png")),
                "and ends at the same z as class light");
        assertFalse(Arrays.equals(pixels(frames.resolve("frame-0000.png")),
                pixels(frames.resolve("frame-0002.png"))), "the middle is neither end");
    }

    @Test
    void classWalksAreRefusedClearly() {
        CliRun noClasses = CliRun.of("interpolate", "--run", plain.toString(), "--from-class", "0", "--to-class", "1",
                "--out", tmp.resolve("x").toString());
        assertEquals(Cli.USAGE, noClasses.exitCode());
        assertTrue(noClasses.err().contains("--from-class: this run has no classes"), noClasses.err());
        CliRun unknown = CliRun.of("interpolate", "--run", conditional.toString(), "--from-class", "dark",
                "--to-class", "medium", "--out", tmp.resolve("y").toString());
        assertEquals(Cli.USAGE, unknown.exitCode());
        assertTrue(unknown.err().contains("no class \"medium\"") && unknown.err().contains("dark, light"),
                unknown.err());
        CliRun half = CliRun.of("interpolate", "--run", conditional.toString(), "--from-class", "dark");
        assertEquals(Cli.USAGE, half.exitCode());
        assertTrue(half.err().contains("go together"), half.err());
    }

    @Test
    void directionsTrainAClassifierOnTheRunsOwnImages() throws IOException {
        CliRun r = CliRun.of("directions", "--run", conditional.toString(), "--samples", "300", "--effect", "0",
                "--json", "--cache", cache.toString());
        assertOk(r);
        JsonObject j = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("trained", j.get("classifier").getAsString());
        assertTrue(j.get("classifier_held_out_accuracy").getAsDouble() >= 0.9,
                "dark and light images are easy to tell apart: " + j);
        assertEquals(2, j.getAsJsonArray("directions").size() + j.getAsJsonArray("skipped").size());
        LatentBook book = LatentBook.open(conditional, 8);
        assertEquals(j.getAsJsonArray("directions").size(), book.directions().size());
        for (LatentBook.Direction d : book.directions()) {
            assertTrue(d.name().startsWith("toward "), d.name());
            assertTrue(d.accuracy() >= 0 && d.accuracy() <= 1);
        }
    }

    @Test
    void directionsOnTheBuiltInDataUseTheEvaluator() throws IOException {
        Path builtIn = tmp.resolve("builtin");
        assertOk(CliRun.of("train", "--limit", "64", "--g-width", "4", "--d-width", "8", "--latent", "8", "--batch",
                "8", "--steps", "2", "--quality-every", "0", "--out", builtIn.toString(), "--cache",
                cache.toString()));
        Path figure = tmp.resolve("toward.png");
        CliRun r = CliRun.of("directions", "--run", builtIn.toString(), "--samples", "400", "--effect", "20",
                "--figure", figure.toString());
        assertOk(r);
        if (!LatentBook.open(builtIn, 8).directions().isEmpty()) {
            BufferedImage png = ImageIO.read(figure.toFile());
            int rows = LatentBook.open(builtIn, 8).directions().size();
            assertTrue(png.getHeight() >= 3 * rows * 16, "a row per direction, scaled 3x: " + png.getHeight());
        }
        assertTrue(r.out().contains("classifier: the evaluator's"), r.out());
        assertTrue(r.out().contains("wrote "), r.out());
        // Ten classes, each either fitted or skipped with the reason.
        long lines = r.out().lines().filter(l -> l.startsWith("toward ")).count();
        assertEquals(10, lines, r.out());
    }

    @Test
    void directionsNeedClasses() {
        CliRun r = CliRun.of("directions", "--run", plain.toString(), "--samples", "200", "--cache",
                cache.toString());
        assertEquals(Cli.USAGE, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("class subfolders"), r.err());
        CliRun bad = CliRun.of("directions", "--run", plain.toString(), "--samples", "5");
        assertEquals(Cli.USAGE, bad.exitCode());
        assertTrue(bad.err().contains("--samples must be between 100"), bad.err());
        assertFalse(new File(plain.resolve(LatentBook.FILE).toString()).exists(), "nothing written");
    }
}
