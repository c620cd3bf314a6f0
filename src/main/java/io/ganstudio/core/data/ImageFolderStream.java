package io.ganstudio.core.data;

import io.ganstudio.core.text.Phrase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The images of a folder decoded a chunk at a time, for inspecting folders of any size: memory holds one chunk, not
 * the folder. Files are listed, decoded, cropped and resized exactly as {@link DatasetLoader} does for training,
 * then converted to the channels a model expects (colour to luma for a grey model, grey copied to three planes for
 * a colour one). Files that cannot be used are collected with the reason, never thrown.
 */
public final class ImageFolderStream {

    /**
     * One decoded image.
     *
     * @param relative path from the inspected folder, '/' separated
     * @param folder   the immediate subfolder it lies in (its label in a labelled layout), or null
     * @param pixels   channels x size x size values in [-1, 1], CHW
     */
    public record Item(Path path, String relative, String folder, float[] pixels) {
    }

    private final Path root;
    private final List<SourceFile> files;
    private final List<SkippedFile> skipped;
    private final int size;
    private final int channels;
    private final int background;
    private final int threads;
    private final BooleanSupplier cancelled;
    private int next;

    private ImageFolderStream(FolderScanner.Listing listing, int size, int channels, int background, int threads,
                              BooleanSupplier cancelled) {
        this.root = listing.root();
        this.files = listing.files();
        this.skipped = new ArrayList<>(listing.skipped());
        this.size = size;
        this.channels = channels;
        this.background = background;
        this.threads = threads;
        this.cancelled = cancelled;
    }

    /**
     * Lists a folder (and its subfolders) for streaming.
     *
     * @throws DatasetException when the folder is missing, unreadable or holds no files at all
     */
    public static ImageFolderStream open(Path root, int size, int channels, int threads, BooleanSupplier cancelled)
            throws DatasetException {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, not " + channels);
        }
        BooleanSupplier c = cancelled == null ? () -> false : cancelled;
        Path absolute = root.toAbsolutePath().normalize();
        FolderScanner.Listing listing = FolderScanner.scan(absolute, c);
        if (listing.files().isEmpty()) {
            throw new DatasetException(Phrase.of("data.error.emptyFolder", absolute, ImageFileReader.READABLE));
        }
        return new ImageFolderStream(listing, size, channels, DataSpec.WHITE, Math.max(1, threads), c);
    }

    /**
     * Decodes one file as {@link #next} would (for showing an image again after the stream moved on).
     *
     * @throws DatasetException when the file cannot be used (the message says why)
     */
    public static float[] readOne(Path file, int size, int channels) throws DatasetException {
        long length;
        try {
            length = Files.size(file);
        } catch (IOException e) {
            throw new DatasetException(Phrase.of("data.skip.cannotRead", e.getMessage()), e);
        }
        ImageFileReader.Outcome o = ImageFileReader.read(file, length, size, DataSpec.WHITE, -1); // resized, as a run with fit=resize was trained
        if (o instanceof ImageFileReader.Rejected r) {
            throw new DatasetException(r.reason());
        }
        ImageFileReader.Decoded d = (ImageFileReader.Decoded) o;
        return toPixels(d.rgb(), d.gray(), size, channels);
    }

    public Path root() {
        return root;
    }

    /** Files found (images or not); each ends up either in a chunk or in {@link #skipped()}. */
    public int fileCount() {
        return files.size();
    }

    /** Files handed out or skipped so far. */
    public int filesDone() {
        return next;
    }

    public boolean hasNext() {
        return next < files.size();
    }

    /** Decodes up to {@code max} more files; the list may be shorter (or empty) when files were skipped. */
    public List<Item> next(int max) {
        int from = next;
        int n = Math.min(max, files.size() - from);
        next += n;
        List<ImageFileReader.Outcome> outcomes = ParallelWork.map(n, threads,
                i -> ImageFileReader.read(files.get(from + i).path(), files.get(from + i).length(), size,
                        background, -1), LoadProgress.NONE, cancelled);
        List<Item> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SourceFile f = files.get(from + i);
            if (outcomes.get(i) instanceof ImageFileReader.Rejected r) {
                skipped.add(new SkippedFile(f.path(), r.reason()));
            } else {
                ImageFileReader.Decoded d = (ImageFileReader.Decoded) outcomes.get(i);
                items.add(new Item(f.path(), f.relative(), f.topFolder(), toPixels(d.rgb(), d.gray(), size, channels)));
            }
        }
        return items;
    }

    /** Everything that could not be used so far, with the reason. */
    public List<SkippedFile> skipped() {
        return List.copyOf(skipped);
    }

    private static float[] toPixels(byte[] rgb, boolean gray, int size, int channels) {
        int plane = size * size;
        float[] out = new float[channels * plane];
        for (int p = 0; p < plane; p++) {
            float r = rgb[p] & 0xFF;
            float g = rgb[plane + p] & 0xFF;
            float b = rgb[2 * plane + p] & 0xFF;
            if (channels == 1) {
                out[p] = scale(gray ? r : 0.299f * r + 0.587f * g + 0.114f * b);
            } else {
                out[p] = scale(r);
                out[plane + p] = scale(g);
                out[2 * plane + p] = scale(b);
            }
        }
        return out;
    }

    private static float scale(float byteValue) {
        return byteValue * (2f / 255f) - 1f;
    }
}
