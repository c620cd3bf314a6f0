package io.ganstudio.core.data;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decoded-dataset cache returns identical data, notices every change, survives damage; loads cancel. */
class CacheAndCancelTest {

    @TempDir
    Path tmp;

    private Path images;
    private Path cache;

    @BeforeEach
    void folder() throws IOException {
        images = tmp.resolve("images");
        cache = tmp.resolve("cache");
        TestImages.png(images.resolve("cats/a.png"), 10, 8, 0xAA0000);
        TestImages.write(TestImages.noise(12, 12, 4), "jpg", images.resolve("dogs/b.jpg"));
        Files.writeString(images.resolve("dogs/notes.txt"), "skipped, and remembered as skipped");
    }

    private LoadResult load() throws DatasetException {
        return DatasetLoader.load(DataSpec.folder(images.toString()), 8,
                LoadOptions.defaults().withCacheDir(cache), LoadProgress.NONE);
    }

    private static void assertSameDataset(ImageDataset a, ImageDataset b) {
        assertEquals(a.count(), b.count());
        assertEquals(a.channels(), b.channels());
        assertEquals(a.imageSize(), b.imageSize());
        assertArrayEquals(a.pixels(), b.pixels());
        assertEquals(a.classNames(), b.classNames());
        for (int i = 0; i < a.count(); i++) {
            assertEquals(a.label(i), b.label(i));
        }
    }

    @Test
    void secondLoadComesFromCacheAndIsIdentical() throws Exception {
        LoadResult first = load();
        List<int[]> updates = new ArrayList<>();
        LoadResult second = DatasetLoader.load(DataSpec.folder(images.toString()), 8,
                LoadOptions.defaults().withCacheDir(cache), (done, total) -> updates.add(new int[] {done, total}));
        assertArrayEquals(new int[] {3, 3}, updates.get(updates.size() - 1), "progress completes on a cache hit");
        assertFalse(first.report().fromCache());
        assertTrue(second.report().fromCache());
        assertSameDataset(first.dataset(), second.dataset());
        assertEquals(first.report().skipped(), second.report().skipped());
        assertEquals(first.report().perClass(), second.report().perClass());
        assertEquals(first.report().shortSides(), second.report().shortSides());
        assertEquals(first.report().formats(), second.report().formats());
        assertEquals(first.report().loadSeconds(), second.report().firstLoadSeconds());
        assertTrue(second.report().summary().contains("from cache"));
        try (Stream<Path> files = Files.list(cache)) {
            assertEquals(1, files.count(), "one cache file, no temporary left behind");
        }
    }

    @Test
    void changedFileInvalidates() throws Exception {
        LoadResult first = load();
        Path a = images.resolve("cats/a.png");
        TestImages.png(a, 10, 8, 0x00BB00);
        Files.setLastModifiedTime(a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 5_000));
        LoadResult second = load();
        assertFalse(second.report().fromCache());
        assertFalse(Arrays.equals(first.dataset().pixels(), second.dataset().pixels()));
        assertTrue(load().report().fromCache(), "and the new result is cached again");
    }

    @Test
    void addedFileInvalidates() throws Exception {
        load();
        TestImages.png(images.resolve("cats/c.png"), 9, 9, 0x0000CC);
        LoadResult r = load();
        assertFalse(r.report().fromCache());
        assertEquals(3, r.dataset().count());
    }

    @Test
    void removedFileInvalidates() throws Exception {
        load();
        Files.delete(images.resolve("dogs/b.jpg"));
        LoadResult r = load();
        assertFalse(r.report().fromCache());
        assertEquals(1, r.dataset().count());
    }

    @Test
    void otherImageSizeOrBackgroundIsAnotherCache() throws Exception {
        load();
        LoadResult other = DatasetLoader.load(DataSpec.folder(images.toString()), 16,
                LoadOptions.defaults().withCacheDir(cache), LoadProgress.NONE);
        assertFalse(other.report().fromCache());
        LoadResult black = DatasetLoader.load(new DataSpec(DataSpec.Kind.FOLDER, images.toString(), 0),
                8, LoadOptions.defaults().withCacheDir(cache), LoadProgress.NONE);
        assertFalse(black.report().fromCache());
    }

    @Test
    void damagedCacheIsIgnoredAndRebuilt() throws Exception {
        LoadResult first = load();
        Path file;
        try (Stream<Path> files = Files.list(cache)) {
            file = files.findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(file, bytes);
        LoadResult second = load();
        assertFalse(second.report().fromCache());
        assertSameDataset(first.dataset(), second.dataset());
        Files.write(file, Arrays.copyOf(bytes, 40));
        assertFalse(load().report().fromCache(), "a cut-short cache is a miss too");
        assertTrue(load().report().fromCache());
    }

    @Test
    void idxLoadsAreCachedToo() throws Exception {
        Path idx = tmp.resolve("x-images-idx3-ubyte");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeInt(0x803);
        out.writeInt(1);
        out.writeInt(2);
        out.writeInt(2);
        out.write(new byte[] {1, 2, 3, 4});
        Files.write(idx, b.toByteArray());
        LoadOptions options = LoadOptions.defaults().withCacheDir(cache);
        assertFalse(DatasetLoader.load(DataSpec.idx(idx.toString()), 4, options, LoadProgress.NONE).report()
                .fromCache());
        assertTrue(DatasetLoader.load(DataSpec.idx(idx.toString()), 4, options, LoadProgress.NONE).report()
                .fromCache());
    }

    @Test
    void cancelledLoadThrowsCancellation() {
        LoadOptions options = LoadOptions.defaults().withCancelled(() -> true);
        assertThrows(CancellationException.class, () -> DatasetLoader.load(DataSpec.folder(images.toString()), 8,
                options, LoadProgress.NONE));
    }

    @Test
    void cancellingDuringDecodingStopsIt() throws Exception {
        for (int i = 0; i < 40; i++) {
            TestImages.png(images.resolve("many/" + i + ".png"), 20, 20, i * 1000);
        }
        AtomicBoolean cancel = new AtomicBoolean();
        LoadOptions options = LoadOptions.defaults().withCacheDir(cache).withCancelled(cancel::get);
        // The first progress report arrives once decoding has started: cancel right there.
        LoadProgress progress = (done, total) -> cancel.set(true);
        assertThrows(CancellationException.class, () -> DatasetLoader.load(DataSpec.folder(images.toString()), 8,
                options, progress));
        assertFalse(Files.exists(cache) && Files.list(cache).findAny().isPresent(), "nothing cached");
    }

    @Test
    void progressIsThrottledAndEndsComplete() throws Exception {
        for (int i = 0; i < 300; i++) {
            Files.write(images.resolve("junk-" + i + ".bin"), new byte[] {1, 2, 3});
        }
        List<int[]> updates = new ArrayList<>();
        LoadResult r = DatasetLoader.load(DataSpec.folder(images.toString()), 8, LoadOptions.defaults(),
                (done, total) -> updates.add(new int[] {done, total}));
        int total = r.report().found();
        assertArrayEquals(new int[] {total, total}, updates.get(updates.size() - 1));
        assertArrayEquals(new int[] {0, total}, updates.get(0));
        assertTrue(updates.size() < 100, "not one call per file: " + updates.size());
    }
}
