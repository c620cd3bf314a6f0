package io.ganstudio.core.data;

import io.ganstudio.core.text.Phrase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * The one way the trainer, CLI and studio load training images: a folder (flat or with class subfolders), an IDX
 * file, or the built-in Fashion-MNIST, decoded in parallel, cropped to a centred square, resized, and cached.
 */
public final class DatasetLoader {

    public static final int MIN_IMAGE_SIZE = 4;
    public static final int MAX_IMAGE_SIZE = 1024;

    private DatasetLoader() {
    }

    /**
     * Loads the dataset described by {@code spec} as square images of side {@code imageSize}.
     *
     * @throws DatasetException      when nothing usable can be loaded; the message says why and what to do
     * @throws CancellationException when {@code options.cancelled()} turned true during the load
     */
    public static LoadResult load(DataSpec spec, int imageSize, LoadOptions options, LoadProgress progress)
            throws DatasetException {
        long start = System.nanoTime();
        if (spec == null || spec.kind() == null) {
            throw new DatasetException(Phrase.of("data.error.noDataset"));
        }
        if (imageSize < MIN_IMAGE_SIZE || imageSize > MAX_IMAGE_SIZE) {
            throw new DatasetException(Phrase.of("data.error.imageSize", imageSize, MIN_IMAGE_SIZE, MAX_IMAGE_SIZE));
        }
        LoadOptions opts = options == null ? LoadOptions.defaults() : options;
        LoadProgress prog = progress == null ? LoadProgress.NONE : progress;
        int pad = spec.padFill();
        LoadResult result = switch (spec.kind()) {
            case BUILT_IN -> BuiltInDataset.load(imageSize, pad, opts, prog, start);
            case FOLDER -> loadFolder(path(spec), spec.background(), pad, imageSize, opts, prog, start);
            case IDX -> loadIdx(path(spec), pad, imageSize, opts, prog, start);
        };
        if (spec.limit() > 0 && spec.limit() < result.dataset().count()) {
            return new LoadResult(result.dataset().first(spec.limit()), result.report());
        }
        return result;
    }

    /** What the cache key must add for padding: nothing when resizing, so old cache files stay valid. */
    private static String padKey(int pad) {
        return pad < 0 ? "" : "|pad" + Integer.toHexString(pad);
    }

    private static LoadResult loadFolder(Path root, int background, int pad, int size, LoadOptions options,
                                         LoadProgress progress, long start) throws DatasetException {
        FolderScanner.Listing listing = FolderScanner.scan(root, options.cancelled());
        checkMemory(listing, size);
        CacheKey key = CacheKey.of(DataSpec.Kind.FOLDER, root + padKey(pad), size, background,
                listing.files());
        LoadResult cached = readCache(options, key, progress, start);
        if (cached != null) {
            return cached;
        }
        LoadResult result = FolderLoader.load(listing, size, background, pad, options, progress, start);
        writeCache(options, key, result);
        return result;
    }

    private static LoadResult loadIdx(Path images, int pad, int size, LoadOptions options, LoadProgress progress,
                                      long start) throws DatasetException {
        List<SourceFile> files = new ArrayList<>();
        files.add(describe(images));
        Path labels = IdxLoader.labelsBeside(images);
        if (labels != null) {
            files.add(describe(labels));
        }
        // IDX holds gray bytes only, so the background never changes the result.
        CacheKey key = CacheKey.of(DataSpec.Kind.IDX, images + padKey(pad), size, 0, files);
        LoadResult cached = readCache(options, key, progress, start);
        if (cached != null) {
            return cached;
        }
        LoadResult result = IdxLoader.loadFile(images, size, pad, options, progress, start);
        writeCache(options, key, result);
        return result;
    }

    private static LoadResult readCache(LoadOptions options, CacheKey key, LoadProgress progress, long start) {
        if (options.cacheDir() == null) {
            return null;
        }
        LoadResult hit = DatasetCache.read(options.cacheDir(), key);
        if (hit == null) {
            return null;
        }
        if (options.cancelled().getAsBoolean()) {
            throw new CancellationException("loading the dataset was cancelled");
        }
        // A progress bar waiting for decoding should still reach its end when the cache answers at once.
        progress.update(hit.report().found(), hit.report().found());
        return new LoadResult(hit.dataset(), hit.report().servedFromCache((System.nanoTime() - start) / 1e9));
    }

    // A cache that cannot be written only makes the next load slower, so a failure here is not an error.
    private static void writeCache(LoadOptions options, CacheKey key, LoadResult result) {
        if (options.cacheDir() != null) {
            DatasetCache.write(options.cacheDir(), key, result);
        }
    }

    /**
     * Refuses up front a folder whose decoded images cannot fit in memory, instead of failing after minutes of
     * decoding. Decoding holds every image as RGB bytes and then copies them into one buffer: twice the RGB size.
     */
    private static void checkMemory(FolderScanner.Listing listing, int size) throws DatasetException {
        long images = listing.files().stream().filter(f -> !ImageFileReader.surelyNotImage(f.path())).count();
        long needed = images * 3L * size * size * 2;
        long available = Runtime.getRuntime().maxMemory();
        if (needed > available * 0.8) {
            throw new DatasetException(Phrase.of("data.error.memory", images, size, size,
                    String.format(Locale.ROOT, "%.1f", needed / 1e9),
                    String.format(Locale.ROOT, "%.1f", available / 1e9)));
        }
    }

    private static SourceFile describe(Path file) {
        try {
            return new SourceFile(file, file.getFileName().toString(), Files.size(file),
                    Files.getLastModifiedTime(file).toMillis());
        } catch (IOException e) {
            // Missing files are reported by the loader itself; here they only make the key unmatchable.
            return new SourceFile(file, file.getFileName().toString(), -1, -1);
        }
    }

    private static Path path(DataSpec spec) throws DatasetException {
        if (spec.path() == null || spec.path().isBlank()) {
            throw new DatasetException(Phrase.of(spec.kind() == DataSpec.Kind.FOLDER
                    ? "data.error.noFolderChosen" : "data.error.noIdxChosen"));
        }
        try {
            return Path.of(spec.path()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new DatasetException(Phrase.of("data.error.badPath", spec.path(), e.getReason()), e);
        }
    }
}
