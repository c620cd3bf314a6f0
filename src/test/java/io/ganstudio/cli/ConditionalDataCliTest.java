package io.ganstudio.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conditional training needs two classes that hold images. An IDX labels file makes the classes 0 to its highest
 * label, so labels that are all 7 give eight classes of which one holds images: refused, saying so.
 */
class ConditionalDataCliTest {

    @TempDir
    Path tmp;

    /** An IDX images file of 16x16 noise and its labels file beside it. */
    private Path idx(String name, int... labels) throws IOException {
        Random random = new Random(1);
        ByteArrayOutputStream images = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(images);
        out.writeInt(0x00000803);
        out.writeInt(labels.length);
        out.writeInt(16);
        out.writeInt(16);
        byte[] pixels = new byte[labels.length * 16 * 16];
        random.nextBytes(pixels);
        out.write(pixels);
        Path file = tmp.resolve(name + "-images-idx3-ubyte");
        Files.write(file, images.toByteArray());
        ByteArrayOutputStream labelBytes = new ByteArrayOutputStream();
        DataOutputStream l = new DataOutputStream(labelBytes);
        l.writeInt(0x00000801);
        l.writeInt(labels.length);
        for (int label : labels) {
            l.writeByte(label);
        }
        Files.write(tmp.resolve(name + "-labels-idx1-ubyte"), labelBytes.toByteArray());
        return file;
    }

    private CliRun train(Path data, String out) {
        return CliRun.of("train", "--data", data.toString(), "--conditional", "--size", "16", "--g-width", "4",
                "--d-width", "4", "--batch", "4", "--steps", "1", "--quality-every", "0", "--quiet",
                "--out", tmp.resolve(out).toString(), "--cache", tmp.resolve("cache").toString());
    }

    private static int[] repeat(int label, int n) {
        int[] labels = new int[n];
        Arrays.fill(labels, label);
        return labels;
    }

    @Test
    void oneClassWithImagesIsRefusedSayingHowManyHoldImages() throws IOException {
        CliRun r = train(idx("seven", repeat(7, 16)), "run");
        assertEquals(Cli.FAILED, r.exitCode(), r.err());
        assertTrue(r.err().contains("this data has 8 classes, and images in only 1 of them (class 7, 16 images)"),
                r.err());
        assertTrue(r.err().contains("leave out --conditional"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(tmp.resolve("run/config.json")), "no run is made");
    }

    @Test
    void emptyClassesAmongSeveralAreWarnedAbout() throws IOException {
        int[] labels = new int[16];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 2 == 0 ? 3 : 8;
        }
        CliRun r = train(idx("two", labels), "run");
        assertEquals(Cli.OK, r.exitCode(), r.err());
        assertTrue(r.err().contains("warning: 7 of the 9 classes hold no images (0, 1, 2, 4, 5, 6, 7)"), r.err());
    }
}
