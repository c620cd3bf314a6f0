package io.ganstudio.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No command writes into another run's own files or over a file of another kind; the same kind is replaced only
 * with --force; images are written in the format their name says; a new run never goes into a folder of other files.
 */
class OutputSafetyCliTest {

    @TempDir
    static Path tmp;

    static Path images;
    static Path run;
    static Path other;

    @BeforeAll
    static void twoTinyRuns() throws IOException {
        images = Files.createDirectories(tmp.resolve("images"));
        Random random = new Random(3);
        for (int i = 0; i < 8; i++) {
            BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    img.setRGB(x, y, random.nextInt(0x1000000));
                }
            }
            ImageIO.write(img, "png", images.resolve("img" + i + ".png").toFile());
        }
        run = tmp.resolve("run");
        other = tmp.resolve("other");
        for (Path dir : new Path[] {run, other}) {
            CliRun r = train("--out", dir.toString());
            assertEquals(Cli.OK, r.exitCode(), r.out() + r.err());
        }
    }

    private static CliRun train(String... more) {
        String[] base = {"train", "--data", images.toString(), "--size", "16", "--g-width", "4", "--d-width", "8",
            "--latent", "8", "--batch", "4", "--steps", "2", "--checkpoint-every", "1", "--keep-checkpoints", "5",
            "--cache", tmp.resolve("cache").toString(), "--quiet"};
        String[] args = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliRun.of(args);
    }

    /** Every file of a folder with its bytes' hash. */
    private static Map<String, Integer> snapshot(Path dir) throws IOException {
        Map<String, Integer> m = new TreeMap<>();
        try (var all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                m.put(dir.relativize(p).toString(),
                        Files.isRegularFile(p) ? Arrays.hashCode(Files.readAllBytes(p)) : 0);
            }
        }
        return m;
    }

    private static void refused(int code, String expected, String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(code, r.exitCode(), String.join(" ", args) + "\n" + r.out() + r.err());
        assertEquals(1, r.errLines(), r.err());
        assertTrue(r.err().contains(expected), r.err());
    }

    @Test
    void noCommandWritesIntoAnotherRunsOwnFiles() throws IOException {
        Map<String, Integer> before = snapshot(other);
        String inRun = "which only that run writes";
        String checkpoint = other.resolve("checkpoints/step-0000001.gsc").toString();
        refused(Cli.USAGE, inRun, "generate", "--run", run.toString(), "-n", "2", "--grid", "--out",
                other.resolve("samples/grid.png").toString());
        refused(Cli.USAGE, ".png, .jpg, .jpeg", "generate", "--run", run.toString(), "--grid", "--out",
                other.resolve("config.json").toString());
        refused(Cli.USAGE, inRun, "generate", "--run", run.toString(), "-n", "2", "--out",
                other.resolve("checkpoints").toString());
        refused(Cli.USAGE, inRun, "interpolate", "--run", run.toString(), "--gif",
                other.resolve("samples/walk.gif").toString());
        refused(Cli.USAGE, ".gif", "interpolate", "--run", run.toString(), "--gif", checkpoint);
        refused(Cli.USAGE, inRun, "anomaly", "score", "--run", run.toString(), "--data", images.toString(), "--csv",
                other.resolve("data-report.txt").toString());
        refused(Cli.USAGE, inRun, "lesson", "save", checkpoint, "--from", run.toString(), "--force");
        refused(Cli.USAGE, inRun, "generate", "--force", "-n", "2", "--run", run.toString(), "--out",
                other.resolve("metrics.csv").toString());
        assertEquals(before, snapshot(other));
    }

    @Test
    void anExistingFileIsReplacedOnlyByItsKindWithForce() throws IOException {
        Path notes = Files.writeString(tmp.resolve("notes.png"), "my notes\n");
        refused(Cli.USAGE, "not an image", "generate", "--run", run.toString(), "--grid", "--force", "--out",
                notes.toString());
        assertEquals("my notes\n", Files.readString(notes));
        Path grid = tmp.resolve("grid.png");
        assertEquals(Cli.OK, CliRun.of("generate", "--run", run.toString(), "-n", "4", "--grid", "--out",
                grid.toString()).exitCode());
        refused(Cli.USAGE, "--force", "generate", "--run", run.toString(), "-n", "4", "--grid", "--out",
                grid.toString());
        CliRun forced = CliRun.of("generate", "--run", run.toString(), "-n", "4", "--grid", "--out", grid.toString(),
                "--force");
        assertEquals(Cli.OK, forced.exitCode(), forced.err());
        Path csv = Files.writeString(tmp.resolve("scores.csv"), "a,b\n");
        refused(Cli.USAGE, "--force", "anomaly", "score", "--run", run.toString(), "--data", images.toString(),
                "--csv", csv.toString());
    }

    @Test
    void imagesAreWrittenInTheFormatTheirNameSays() throws IOException {
        Path jpg = tmp.resolve("grid.jpg");
        CliRun r = CliRun.of("generate", "--run", run.toString(), "-n", "4", "--grid", "--out", jpg.toString());
        assertEquals(Cli.OK, r.exitCode(), r.err());
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
                Arrays.copyOf(Files.readAllBytes(jpg), 3));
        assertTrue(ImageIO.read(jpg.toFile()).getWidth() > 0);
        refused(Cli.USAGE, ".png, .jpg, .jpeg", "generate", "--run", run.toString(), "-n", "4", "--grid", "--out",
                tmp.resolve("grid.bmp").toString());
        assertFalse(Files.exists(tmp.resolve("grid.bmp")));
    }

    @Test
    void anUnwritableOutputFailsBeforeTheWork() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        refused(Cli.FAILED, file + " is a file, not a folder", "project", "--run", run.toString(), "--image",
                images.resolve("img0.png").toString(), "--out", file.resolve("projection").toString());
        refused(Cli.FAILED, file + " is a file, not a folder", "evaluate", "--run", run.toString(), "--nearest", "2",
                "--sheet", file.resolve("sheet.png").toString());
        Path fitted = tmp.resolve("unwritable-run");
        assertEquals(Cli.OK, train("--out", fitted.toString()).exitCode());
        Files.writeString(fitted.resolve("anomaly"), "not a folder");
        refused(Cli.FAILED, "is a file, not a folder", "anomaly", "fit", "--run", fitted.toString(), "--steps", "1");
    }

    @Test
    void aNewRunNeverGoesIntoAFolderOfOtherFiles() throws IOException {
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("data-report.txt"), "mine\n");
        Files.writeString(mine.resolve("metrics.csv"), "a,b\n");
        CliRun r = train("--out", mine.toString());
        assertEquals(Cli.USAGE, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("not a run folder"), r.err());
        assertEquals("mine\n", Files.readString(mine.resolve("data-report.txt")));
        assertEquals("a,b\n", Files.readString(mine.resolve("metrics.csv")));
        assertFalse(Files.exists(mine.resolve("samples")));
    }

    @Test
    void aRunFolderThatCannotBeWrittenIsRefusedWithTheReason() {
        Path proc = Path.of("/proc/self");
        Assumptions.assumeTrue(Files.isDirectory(proc) && !Files.isWritable(proc));
        CliRun r = train("--out", proc.resolve("run").toString());
        assertEquals(Cli.USAGE, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("cannot write in " + proc + ": permission denied"), r.err());
    }

    @Test
    void aLinkedCheckpointFolderIsRefusedAndTheOtherRunKeepsItsCheckpoints() throws IOException {
        Path linked = tmp.resolve("linked");
        Files.createDirectories(linked);
        Files.createSymbolicLink(linked.resolve("checkpoints"), other.resolve("checkpoints"));
        Map<String, Integer> before = snapshot(other);
        CliRun r = train("--out", linked.toString());
        assertEquals(Cli.USAGE, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("checkpoints is a symbolic link"), r.err());
        assertEquals(before, snapshot(other));

        Path notes = Files.writeString(tmp.resolve("notes.txt"), "notes\n");
        Path copy = tmp.resolve("resumed");
        assertEquals(Cli.OK, train("--out", copy.toString()).exitCode());
        Files.deleteIfExists(copy.resolve(".trainer.lock"));
        Files.createSymbolicLink(copy.resolve(".trainer.lock"), notes);
        CliRun resumed = CliRun.of("train", "--resume", copy.toString(), "--steps", "3", "--quiet");
        assertEquals(Cli.FAILED, resumed.exitCode(), resumed.out() + resumed.err());
        assertTrue(resumed.err().contains(".trainer.lock is a symbolic link"), resumed.err());
        assertEquals("notes\n", Files.readString(notes));
    }
}
