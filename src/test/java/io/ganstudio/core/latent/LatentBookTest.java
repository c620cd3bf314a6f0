package io.ganstudio.core.latent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatentBookTest {

    @TempDir
    Path run;

    @Test
    void bookmarksAndDirectionsSurviveReopeningAndReplaceByName() throws IOException {
        LatentBook book = LatentBook.open(run, 3);
        assertTrue(book.bookmarks().isEmpty());
        book.put(new LatentBook.Bookmark("bag", new float[] {1, 2, 3}, 8, "projection of bag.png"));
        book.put(new LatentBook.Bookmark("shoe", new float[] {0, 0, 1}, -1, "seed 4"));
        book.put(new LatentBook.Bookmark("bag", new float[] {3, 2, 1}, 8, "edited"));
        book.put(new LatentBook.Direction("toward Sneaker", new float[] {0, 1, 0}));
        LatentBook again = LatentBook.open(run, 3);
        assertEquals(2, again.bookmarks().size());
        LatentBook.Bookmark bag = again.bookmarks().stream().filter(b -> b.name().equals("bag")).findFirst()
                .orElseThrow();
        assertArrayEquals(new float[] {3, 2, 1}, bag.z());
        assertEquals(8, bag.label());
        assertEquals("toward Sneaker", again.directions().get(0).name());
        again.removeBookmark("shoe");
        assertEquals(1, LatentBook.open(run, 3).bookmarks().size());
        try (var files = Files.list(run)) {
            assertEquals(1, files.filter(p -> !p.getFileName().toString().equals(LatentBook.FILE + ".lock")).count(),
                    "no temporary file left beside latents.json (and its lock file)");
        }
    }

    @Test
    void wrongSizesAndDamagedFilesAreRefusedWithAReason() throws IOException {
        LatentBook book = LatentBook.open(run, 3);
        assertThrows(IllegalArgumentException.class, () -> book.put(new LatentBook.Bookmark("x", new float[2], -1,
                "")));
        book.put(new LatentBook.Bookmark("x", new float[3], -1, ""));
        IOException other = assertThrows(IOException.class, () -> LatentBook.open(run, 4));
        assertTrue(other.getMessage().contains("size 3"), other.getMessage());
        Files.writeString(run.resolve(LatentBook.FILE), "{\"latentSize\": 3, \"bookmarks\": [");
        IOException damaged = assertThrows(IOException.class, () -> LatentBook.open(run, 3));
        assertTrue(damaged.getMessage().contains("damaged"), damaged.getMessage());
    }
}
