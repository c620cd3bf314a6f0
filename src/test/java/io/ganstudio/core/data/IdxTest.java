package io.ganstudio.core.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** IDX files, plain and gzip, with and without labels, and the built-in Fashion-MNIST. */
class IdxTest {

    @TempDir
    Path dir;

    /** Three 4-high, 6-wide gray images; pixel value = 100 * image + 10 * row + column. */
    private static byte[] images() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x00000803);
        out.writeInt(3);
        out.writeInt(4);
        out.writeInt(6);
        for (int i = 0; i < 3; i++) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 6; x++) {
                    out.writeByte(100 * i + 10 * y + x);
                }
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] labels() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x00000801);
        out.writeInt(3);
        out.write(new byte[] {2, 0, 1});
        return bytes.toByteArray();
    }

    private static void write(Path file, byte[] data, boolean gzip) throws IOException {
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(data);
        }
    }

    private static LoadResult load(Path images) throws DatasetException {
        return DatasetLoader.load(DataSpec.idx(images.toString()), 4, LoadOptions.defaults(), LoadProgress.NONE);
    }

    private static void assertCentreCropAndLabels(LoadResult r) {
        ImageDataset d = r.dataset();
        assertEquals(3, d.count());
        assertEquals(1, d.channels());
        // 6 wide, 4 high: the centred 4 x 4 square starts at column 1.
        assertEquals(101, d.pixels()[16] & 0xFF);
        assertEquals(134, d.pixels()[16 + 15] & 0xFF);
        assertTrue(d.hasLabels());
        assertEquals(List.of("0", "1", "2"), d.classNames());
        assertEquals(2, d.label(0));
        assertEquals(1, d.label(2));
    }

    @Test
    void plainIdxWithLabelsBeside() throws Exception {
        write(dir.resolve("train-images-idx3-ubyte"), images(), false);
        write(dir.resolve("train-labels-idx1-ubyte"), labels(), false);
        assertCentreCropAndLabels(load(dir.resolve("train-images-idx3-ubyte")));
    }

    @Test
    void gzipIdxWithLabelsBeside() throws Exception {
        write(dir.resolve("t10k-images-idx3-ubyte.gz"), images(), true);
        write(dir.resolve("t10k-labels-idx1-ubyte.gz"), labels(), true);
        LoadResult r = load(dir.resolve("t10k-images-idx3-ubyte.gz"));
        assertCentreCropAndLabels(r);
        assertEquals(Map.of("idx", 3), r.report().formats());
    }

    @Test
    void idxWithoutLabels() throws Exception {
        write(dir.resolve("mine-images-idx3-ubyte"), images(), false);
        ImageDataset d = load(dir.resolve("mine-images-idx3-ubyte")).dataset();
        assertEquals(3, d.count());
        assertFalse(d.hasLabels());
    }

    @Test
    void notAnIdxFileIsExplained() throws Exception {
        Files.writeString(dir.resolve("images-idx3-ubyte"), "hello, not idx at all");
        DatasetException e = assertThrows(DatasetException.class, () -> load(dir.resolve("images-idx3-ubyte")));
        assertTrue(e.getMessage().contains("is not an IDX images file"), e.getMessage());
    }

    @Test
    void truncatedIdxIsExplained() throws Exception {
        byte[] all = images();
        write(dir.resolve("cut-images-idx3-ubyte"), Arrays.copyOf(all, all.length - 5), false);
        DatasetException e = assertThrows(DatasetException.class, () -> load(dir.resolve("cut-images-idx3-ubyte")));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void missingIdxFileIsExplained() {
        DatasetException e = assertThrows(DatasetException.class, () -> load(dir.resolve("nope-images-idx3-ubyte")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void builtInFashionMnist() throws Exception {
        LoadResult r = DatasetLoader.load(DataSpec.builtIn(), 28, LoadOptions.defaults(), LoadProgress.NONE);
        ImageDataset d = r.dataset();
        assertEquals(10_000, d.count());
        assertEquals(28, d.imageSize());
        assertEquals(1, d.channels());
        assertEquals(10, d.classNames().size());
        assertEquals("T-shirt/top", d.classNames().get(0));
        assertEquals("Ankle boot", d.classNames().get(9));
        assertEquals(9, d.label(0), "the test set's first image is an ankle boot");
        r.report().perClass().values().forEach(n -> assertEquals(1000, n));
        assertEquals("Fashion-MNIST (built in)", r.report().source());
    }
}
