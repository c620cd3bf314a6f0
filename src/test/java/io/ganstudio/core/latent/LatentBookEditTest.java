package io.ganstudio.core.latent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Renaming bookmarks in place and removing named directions, saved to latents.json. */
class LatentBookEditTest {

    @TempDir
    Path run;

    @Test
    void renameKeepsThePlaceAndTheVectorAndRefusesClashes() throws Exception {
        LatentBook book = LatentBook.open(run, 3);
        book.put(new LatentBook.Bookmark("a", new float[] {1, 2, 3}, -1, "seed 1"));
        book.put(new LatentBook.Bookmark("b", new float[] {4, 5, 6}, 2, "seed 2"));
        book.renameBookmark("a", "first");
        assertThrows(IllegalArgumentException.class, () -> book.renameBookmark("first", "b"));
        assertThrows(IllegalArgumentException.class, () -> book.renameBookmark("nothing", "x"));
        LatentBook again = LatentBook.open(run, 3);
        assertEquals(List.of("first", "b"), again.bookmarks().stream().map(LatentBook.Bookmark::name).toList());
        assertArrayEquals(new float[] {1, 2, 3}, again.bookmarks().get(0).z());
        assertEquals("seed 1", again.bookmarks().get(0).source());
        assertEquals(2, again.bookmarks().get(1).label());
    }

    @Test
    void directionsAreRemovedByName() throws Exception {
        LatentBook book = LatentBook.open(run, 2);
        book.put(new LatentBook.Direction("sleeves", new float[] {1, 0}));
        book.put(new LatentBook.Direction("light", new float[] {0, 1}));
        book.removeDirection("sleeves");
        book.removeDirection("not there");
        assertEquals(List.of("light"), LatentBook.open(run, 2).directions().stream().map(LatentBook.Direction::name)
                .toList());
    }
}
