package io.ganstudio.core.run;

import io.ganstudio.core.image.SampleGrid;
import io.ganstudio.core.train.TestStates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Outputs never land in a run's own files, never replace another kind of file, and fail early where unwritable. */
class OutputCheckTest {

    @TempDir
    Path root;

    private Path run() throws IOException {
        Path dir = root.resolve("other-run");
        RunFolder.create(dir, TestStates.tinyConfig()).close();
        return dir;
    }

    @Test
    void aRunsOwnFilesAreNeverOutputs() throws IOException {
        Path run = run();
        for (String own : new String[] {"config.json", "metrics.csv", "data-report.txt", "checkpoints/step-0000010.gsc",
                "samples/step-0000000.png", "samples/x.png", "anomaly/encoder.gse", ".trainer.lock"}) {
            String why = OutputCheck.conflict(run.resolve(own), OutputCheck.Kind.IMAGE, true);
            assertNotNull(why, own);
            assertTrue(why.contains("run folder " + run.toAbsolutePath()), why);
        }
        // Beside the run's files, in the run folder, is the user's business.
        assertNull(OutputCheck.conflict(run.resolve("my-grid.png"), OutputCheck.Kind.IMAGE, false));
        // Through a link to the run's checkpoints, too.
        Path link = Files.createSymbolicLink(root.resolve("link"), run.resolve("checkpoints"));
        assertNotNull(OutputCheck.runOwned(link.resolve("x.gif")));
        // A folder that holds some other program's config.json is no run.
        Path home = Files.createDirectories(root.resolve("home"));
        Files.writeString(home.resolve("config.json"), "{\"theme\": \"dark\"}");
        assertNull(OutputCheck.conflict(home.resolve("samples/grid.png"), OutputCheck.Kind.IMAGE, false));
        // A copied run with only its config.json still is one.
        Path copied = Files.createDirectories(root.resolve("copied"));
        Files.copy(run.resolve("config.json"), copied.resolve("config.json"));
        assertNotNull(OutputCheck.conflict(copied.resolve("config.json"), OutputCheck.Kind.JSON, true));
    }

    @Test
    void anExistingFileIsReplacedOnlyByItsKindAndOnlyWhenAsked() throws IOException {
        Path png = root.resolve("a.png");
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        String exists = OutputCheck.conflict(png, OutputCheck.Kind.IMAGE, false);
        assertTrue(exists.contains("--force"), exists);
        assertNull(OutputCheck.conflict(png, OutputCheck.Kind.IMAGE, true));
        Path notes = Files.writeString(root.resolve("notes.png"), "my notes\n");
        String other = OutputCheck.conflict(notes, OutputCheck.Kind.IMAGE, true);
        assertTrue(other.contains("not an image"), other);
        assertNotNull(OutputCheck.conflict(png, OutputCheck.Kind.CSV, true));
        Path csv = Files.writeString(root.resolve("s.csv"), "path,score\na,1\n");
        assertNull(OutputCheck.conflict(csv, OutputCheck.Kind.CSV, true));
        assertNotNull(OutputCheck.conflict(root, OutputCheck.Kind.CSV, true));
    }

    @Test
    void anUnwritableFolderIsFoundBeforeTheWork() throws IOException {
        Path file = Files.writeString(root.resolve("a-file"), "x");
        String why = OutputCheck.unwritable(file.resolve("out/deeper"));
        assertTrue(why.contains(file + " is a file, not a folder"), why);
        assertNull(OutputCheck.unwritable(root.resolve("new/folder")));
        // A folder no one may create files in, root included (Linux's /proc/self).
        Path proc = Path.of("/proc/self");
        assumeTrue(Files.isDirectory(proc) && !Files.isWritable(proc));
        String denied = OutputCheck.unwritable(proc.resolve("out"));
        assertEquals("cannot write in " + proc + ": permission denied", denied);
    }

    @Test
    void imagesAreWrittenInTheFormatTheirNameSays() throws IOException {
        SampleGrid grid = SampleGrid.of(new float[4 * 16 * 16], 4, 1, 16);
        Path jpg = root.resolve("grid.jpg");
        grid.writeImage(jpg);
        byte[] head = Arrays.copyOf(Files.readAllBytes(jpg), 3);
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, head);
        assertEquals(grid.width(), ImageIO.read(jpg.toFile()).getWidth());
        Path png = root.resolve("grid.PNG");
        grid.writeImage(png);
        assertEquals((byte) 0x89, Files.readAllBytes(png)[0]);
        IOException e = assertThrows(IOException.class, () -> grid.writeImage(root.resolve("grid.gif")));
        assertTrue(e.getMessage().contains(".png, .jpg, .jpeg"), e.getMessage());
    }
}
