package io.ganstudio.core.latent;

import io.ganstudio.core.ReaderSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A latents.json with a bad entry is refused whole, naming the entry, and left as it is: dropping the entry would
 * lose it at the next save, so nothing is saved over a book that was not read completely.
 */
class LatentBookReadTest {

    private static final int LATENT = 8;

    private static String refused(Path run) {
        return ReaderSamples.refusal(IOException.class,
                ReaderSamples.allocating(64L << 20, () -> LatentBook.open(run, LATENT)));
    }

    private static Path edited(Path run, String from, String to) throws IOException {
        Path file = ReaderSamples.latents(run, LATENT);
        String text = Files.readString(file);
        assertTrue(text.contains(from), text);
        Files.writeString(file, text.replace(from, to));
        return file;
    }

    @Test
    void theAppsOwnBookIsRead(@TempDir Path run) throws Exception {
        ReaderSamples.latents(run, LATENT);
        LatentBook book = LatentBook.open(run, LATENT);
        assertEquals("cat", book.bookmarks().get(0).name());
        assertEquals(0.75, book.directions().get(0).accuracy());
    }

    @Test
    void aBookmarkWithoutZIsRefusedByName(@TempDir Path run) throws Exception {
        Path file = edited(run, "\"z\": [", "\"zz\": [");
        byte[] before = Files.readAllBytes(file);
        String m = refused(run);
        assertTrue(m.contains("bookmark 1 \"cat\" has no vector"), m);
        assertArrayEquals(before, Files.readAllBytes(file), "the file is left as it was");
    }

    @Test
    void aBookmarkOfTheWrongLengthIsRefusedByName(@TempDir Path run) throws Exception {
        edited(run, "\"z\": [", "\"z\": [1.0, ");
        String m = refused(run);
        assertTrue(m.contains("bookmark 1 \"cat\" has 9 numbers, this run's vectors have 8"), m);
    }

    @Test
    void nonFiniteNumbersAndBadAccuraciesAreRefused(@TempDir Path run) throws Exception {
        edited(run, "\"z\": [", "\"z\": [NaN, ");
        ReaderSamples.latents(run.resolve("x"), LATENT);
        String text = Files.readString(run.resolve("x").resolve(LatentBook.FILE));
        Files.writeString(run.resolve("x").resolve(LatentBook.FILE), text.replace("0.75", "7.5"));
        assertTrue(refused(run.resolve("x")).contains("direction 1 \"up\" has an accuracy of 7.5"));
        Files.writeString(run.resolve("x").resolve(LatentBook.FILE), text.replaceFirst("\"z\": \\[",
                "\"z\": [1e60, "));
        assertTrue(refused(run.resolve("x")).contains("numbers"));
    }

    @Test
    void aHugeFileIsRefusedBeforeItIsRead(@TempDir Path run) throws Exception {
        Path file = run.resolve(LatentBook.FILE);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"latentSize\": 8, \"bookmarks\": [{\"name\": \"big\", \"z\": [0");
            for (int i = 0; i < 30_000_000; i++) {
                w.write(",0");
            }
            w.write("]}]}");
        }
        String m = refused(run);
        assertTrue(m.contains("more than a book of latent vectors holds"), m);
    }

    @Test
    void oneEnormousVectorIsRefusedWhileItStreams(@TempDir Path run) throws Exception {
        Path file = run.resolve(LatentBook.FILE);
        StringBuilder s = new StringBuilder("{\"latentSize\": 8, \"bookmarks\": [{\"name\": \"big\", \"z\": [0");
        for (int i = 0; i < 4_000_000; i++) {
            s.append(",0");
        }
        Files.writeString(file, s.append("]}]}"));
        String m = refused(run);
        assertTrue(m.contains("a vector has more than 8 numbers"), m);
    }
}
