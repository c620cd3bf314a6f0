package io.ganstudio.core.latent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two holders of the same latents.json (a directions command and a project command, say) never lose each other's
 * work.
 */
class LatentBookSharedTest {

    @TempDir
    Path run;

    private static List<String> names(List<LatentBook.Bookmark> marks) {
        return marks.stream().map(LatentBook.Bookmark::name).toList();
    }

    @Test
    void aSaveKeepsWhatAnotherHolderSavedSinceItOpened() throws IOException {
        LatentBook directions = LatentBook.open(run, 3); // opened first, saves last
        LatentBook project = LatentBook.open(run, 3);
        project.put(new LatentBook.Bookmark("keep", new float[] {1, 2, 3}, -1, "projection of bag.png"));
        directions.put(new LatentBook.Direction("toward Bag", new float[] {0, 1, 0}));

        LatentBook saved = LatentBook.open(run, 3);
        assertEquals(List.of("keep"), names(saved.bookmarks()));
        assertEquals("toward Bag", saved.directions().get(0).name());
        assertEquals(List.of("keep"), names(directions.bookmarks()), "the saver now holds the merged book");
    }

    @Test
    void removalsAndRenamesApplyToTheFileAsItIsNow() throws IOException {
        LatentBook a = LatentBook.open(run, 3);
        LatentBook b = LatentBook.open(run, 3);
        a.put(new LatentBook.Bookmark("one", new float[] {1, 0, 0}, -1, "seed 1"));
        b.put(new LatentBook.Bookmark("two", new float[] {0, 1, 0}, -1, "seed 2"));
        a.renameBookmark("two", "second"); // a never saw "two" itself
        b.removeBookmark("one");
        assertEquals(List.of("second"), names(LatentBook.open(run, 3).bookmarks()));
        assertThrows(IllegalArgumentException.class, () -> a.renameBookmark("one", "first"));
    }

    @Test
    void manyWritersAtOnceLoseNothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    LatentBook own = LatentBook.open(run, 3);
                    own.put(new LatentBook.Bookmark("mark " + n, new float[] {n, 0, 0}, -1, "seed " + n));
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(24, LatentBook.open(run, 3).bookmarks().size());
    }

    @Test
    void aLockFileThatIsALinkIsNotFollowed() throws IOException {
        Path elsewhere = Files.writeString(run.resolveSibling(run.getFileName() + "-elsewhere"), "keep me");
        Files.createSymbolicLink(run.resolve(LatentBook.FILE + ".lock"), elsewhere);
        LatentBook book = LatentBook.open(run, 3);
        assertThrows(IOException.class,
                () -> book.put(new LatentBook.Bookmark("x", new float[] {1, 2, 3}, -1, "seed 1")));
        assertEquals("keep me", Files.readString(elsewhere));
        assertTrue(Files.notExists(run.resolve(LatentBook.FILE)));
    }
}
