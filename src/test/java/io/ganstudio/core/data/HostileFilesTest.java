package io.ganstudio.core.data;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of bad file is skipped with a plain reason, and the good image beside it still loads. */
class HostileFilesTest {

    @TempDir
    Path dir;

    @BeforeEach
    void goodImage() throws IOException {
        TestImages.png(dir.resolve("good.png"), 12, 12, 0x3366CC);
    }

    static LoadResult load(Path folder) throws DatasetException {
        return DatasetLoader.load(DataSpec.folder(folder.toString()), 8, LoadOptions.defaults().withThreads(2),
                LoadProgress.NONE);
    }

    private String reasonFor(String name) throws DatasetException {
        DataReport report = load(dir).report();
        assertEquals(1, report.loaded(), "the good image still loads");
        assertEquals(report.found(), report.loaded() + report.skipped().size());
        return report.skipped().stream().filter(s -> s.path().getFileName().toString().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(name + " not reported: " + report.skipped()))
                .reason();
    }

    @Test
    void zeroByteFile() throws Exception {
        Files.createFile(dir.resolve("empty.png"));
        assertTrue(reasonFor("empty.png").contains("empty file"));
    }

    @Test
    void truncatedPng() throws Exception {
        TestImages.truncate(TestImages.write(TestImages.noise(40, 40, 1), "png", dir.resolve("cut.png")), 0.5);
        assertTrue(reasonFor("cut.png").startsWith("truncated"), reasonFor("cut.png"));
    }

    @Test
    void truncatedJpeg() throws Exception {
        TestImages.truncate(TestImages.write(TestImages.noise(40, 40, 2), "jpg", dir.resolve("cut.jpg")), 0.6);
        assertTrue(reasonFor("cut.jpg").startsWith("truncated"), reasonFor("cut.jpg"));
    }

    @Test
    void randomBytesNamedJpg() throws Exception {
        byte[] junk = new byte[5000];
        new Random(3).nextBytes(junk);
        Files.write(dir.resolve("photo.jpg"), junk);
        assertTrue(reasonFor("photo.jpg").startsWith("not an image"), reasonFor("photo.jpg"));
    }

    @Test
    void textFile() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "not a picture");
        Files.writeString(dir.resolve("README"), "no extension, tried and refused");
        assertEquals("not an image (.txt file)", reasonFor("notes.txt"));
        assertTrue(reasonFor("README").startsWith("not an image"), reasonFor("README"));
    }

    @Test
    void unreadableFile() throws Exception {
        Path locked = TestImages.png(dir.resolve("locked.png"), 8, 8, 0xFF0000);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            // As root (containers, CI) permissions do not stop reading; nothing to assert there.
            Assumptions.assumeFalse(Files.isReadable(locked), "running as root: chmod 000 has no effect");
            assertTrue(reasonFor("locked.png").contains("permission"), reasonFor("locked.png"));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void symlinkLoopIsReportedNotFollowedForever() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Files.createSymbolicLink(sub.resolve("loop"), dir);
        assertTrue(reasonFor("loop").contains("loop"), reasonFor("loop"));
    }

    @Test
    void brokenSymlink() throws Exception {
        Files.createSymbolicLink(dir.resolve("gone.png"), dir.resolve("missing.png"));
        assertTrue(reasonFor("gone.png").contains("broken symbolic link"));
    }

    @Test
    void hugePngHeaderIsRefusedBeforeDecoding() throws Exception {
        TestImages.hugePng(dir.resolve("bomb.png"), 50_000, 50_000);
        String reason = reasonFor("bomb.png");
        assertTrue(reason.startsWith("too large: 50000 x 50000"), reason);
        assertTrue(reason.contains("not decoded"), reason);
    }

    @Test
    void hugeBmpHeaderIsRefusedBeforeDecoding() throws Exception {
        // 20000 x 20000: under the BMP reader's own int limit, far over ours (400 megapixels, 1.2 GB decoded).
        TestImages.hugeBmp(dir.resolve("bomb.bmp"), 20_000, 20_000);
        assertTrue(reasonFor("bomb.bmp").startsWith("too large: 20000 x 20000"), reasonFor("bomb.bmp"));
    }

    @Test
    void allBadFolderExplainsWhatWasWrong() throws Exception {
        Files.delete(dir.resolve("good.png"));
        Files.createFile(dir.resolve("a.png"));
        Files.writeString(dir.resolve("b.txt"), "text");
        DatasetException e = assertThrows(DatasetException.class, () -> load(dir));
        assertTrue(e.getMessage().startsWith("No images could be loaded from " + dir + ": 2 files were skipped"),
                e.getMessage());
        assertTrue(e.getMessage().contains("a.png: empty file"), e.getMessage());
        assertTrue(e.getMessage().contains("Choose a folder with PNG, JPEG"), e.getMessage());
    }

    @Test
    void emptyFolder() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("nothing-here"));
        DatasetException e = assertThrows(DatasetException.class, () -> load(empty));
        assertTrue(e.getMessage().contains("is empty"), e.getMessage());
    }

    @Test
    void missingFolder() {
        DatasetException e = assertThrows(DatasetException.class, () -> load(dir.resolve("no-such-folder")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void fileInsteadOfFolder() {
        DatasetException e = assertThrows(DatasetException.class, () -> load(dir.resolve("good.png")));
        assertTrue(e.getMessage().contains("is a file, not a folder"), e.getMessage());
    }

    @Test
    void folderTooBigForMemoryIsRefusedBeforeDecoding() throws Exception {
        int size = DatasetLoader.MAX_IMAGE_SIZE;
        long perImage = 6L * size * size;
        long files = (long) (Runtime.getRuntime().maxMemory() * 0.8 / perImage) + 2;
        Assumptions.assumeTrue(files < 5000, "this JVM has too much memory to test this quickly");
        for (int i = 0; i < files; i++) {
            Files.createFile(dir.resolve(i + ".png"));
        }
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetLoader.load(
                DataSpec.folder(dir.toString()), size, LoadOptions.defaults(), LoadProgress.NONE));
        assertTrue(e.getMessage().contains("Choose a smaller image size"), e.getMessage());
    }

    @Test
    void badImageSizeIsExplained() {
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetLoader.load(
                DataSpec.folder(dir.toString()), 0, LoadOptions.defaults(), LoadProgress.NONE));
        assertTrue(e.getMessage().contains("Choose a size from"), e.getMessage());
    }
}
