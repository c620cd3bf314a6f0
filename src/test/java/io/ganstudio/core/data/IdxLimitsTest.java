package io.ganstudio.core.data;

import io.ganstudio.core.ReaderSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** IDX files whose header claims more images than they hold are refused before the pixels are allocated. */
class IdxLimitsTest {

    private static String refused(Path file, int size) {
        String m = ReaderSamples.refusal(DatasetException.class, ReaderSamples.allocating(48L << 20,
                () -> DatasetLoader.load(DataSpec.idx(file.toString()), size, new LoadOptions(null, 1, () -> false),
                        null)));
        assertFalse(m.contains("(null)"), m);
        return m;
    }

    private static byte[] header(int count, int side) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x0803);
        out.writeInt(count);
        out.writeInt(side);
        out.writeInt(side);
        return bytes.toByteArray();
    }

    @Test
    void aSmallFileClaimingMillionsOfImagesIsRefusedBeforeAllocating(@TempDir Path tmp) throws Exception {
        // 784 bytes that claim 2.7 million 28x28 images: 2 GiB, just under what one array holds.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(header(2_739_000, 28));
        bytes.write(new byte[784 - 16]);
        Path file = Files.write(tmp.resolve("claims-idx3-ubyte"), bytes.toByteArray());
        String m = refused(file, 28);
        assertTrue(m.contains("truncated"), m);
    }

    @Test
    void aSmallGzipOfMillionsOfTinyImagesIsRefusedWithoutOverflow(@TempDir Path tmp) throws Exception {
        // 9 million 1x1 images: 9 MB of zeros compress to a few KB; prepared at 28x28 they would need 7 GB.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(header(9_000_000, 1));
            gz.write(new byte[9_000_000]);
        }
        Path file = Files.write(tmp.resolve("tiny-idx3-ubyte.gz"), bytes.toByteArray());
        assertTrue(Files.size(file) < 20_000, "a small file: " + Files.size(file));
        String m = refused(file, 28);
        assertFalse(m.matches(".*[ (]-\\d.*"), "no overflowed number: " + m);
        assertTrue(m.contains("more than one load can hold") || m.contains("memory"), m);
    }

    @Test
    void aGzipThatEndsEarlyIsRefusedWithoutAllocatingWhatItClaims(@TempDir Path tmp) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(header(2_000_000, 32));
            gz.write(new byte[5000]);
        }
        Path file = Files.write(tmp.resolve("short-idx3-ubyte.gz"), bytes.toByteArray());
        assertTrue(refused(file, 16).contains("truncated"));
    }

    @Test
    void emptyAndShortFilesSayWhatIsWrong(@TempDir Path tmp) throws Exception {
        for (int n : new int[]{0, 3, 9}) {
            Path file = Files.write(tmp.resolve("short" + n + "-idx3-ubyte"), Arrays.copyOf(
                    ReaderSamples.idx(2, 4), n));
            String m = refused(file, 16);
            assertTrue(m.contains("too short to be an IDX file"), n + " bytes: " + m);
        }
        Path gz = Files.write(tmp.resolve("short-idx3-ubyte.gz"), new byte[]{0x1f, (byte) 0x8b, 8});
        assertTrue(refused(gz, 16).contains("too short"), "a gzip header cut short");
    }

    @Test
    void aWholeFileStillLoads(@TempDir Path tmp) throws Exception {
        Path file = Files.write(tmp.resolve("ok-idx3-ubyte"), ReaderSamples.idx(3, 8));
        assertEquals(3, DatasetLoader.load(DataSpec.idx(file.toString()), 16, new LoadOptions(null, 1, () -> false),
                null).dataset().count());
    }
}
