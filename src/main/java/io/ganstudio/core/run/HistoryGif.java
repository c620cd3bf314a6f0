package io.ganstudio.core.run;

import io.ganstudio.core.image.GifWriter;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Exports a run's sample-grid history (samples/step-*.png) as one looping GIF: how the generator learned. Frames are
 * decoded as the GIF writer asks for them, so memory stays at a frame or two however long the run was.
 */
public final class HistoryGif {

    /** Pass as {@code scale} to enlarge small grids up to 512 px (at most 4x): 28 px tiles are hard to see at 1:1. */
    public static final int AUTO_SCALE = 0;

    private HistoryGif() {
    }

    /** The whole history of a run folder; see {@link #write(List, Path, int, int, int)}. */
    public static int write(RunFolder run, Path gif, int delayMs, int maxFrames, int scale) throws IOException {
        List<RunFolder.Sample> samples = run.listSamples();
        if (samples.isEmpty()) {
            throw new IOException("the run in " + run.dir() + " has no sample grids yet: train it for a while first");
        }
        return write(samples, gif, delayMs, maxFrames, scale);
    }

    /**
     * @param maxFrames at most this many frames, spread evenly over the history (the first and last always in)
     * @param scale     integer enlargement, or {@link #AUTO_SCALE}
     * @return how many frames were written; grids of another size than the newest (a run resumed with a different
     *         grid size) are left out
     */
    public static int write(List<RunFolder.Sample> samples, Path gif, int delayMs, int maxFrames, int scale)
            throws IOException {
        if (samples.isEmpty()) {
            throw new IOException("the run has no sample grids yet: train it for a while first");
        }
        if (maxFrames < 1) {
            throw new IllegalArgumentException("a GIF needs at least one frame, not " + maxFrames);
        }
        Dimension size = size(samples.get(samples.size() - 1).file());
        List<Path> files = new ArrayList<>();
        for (RunFolder.Sample s : evenlySpaced(samples, maxFrames)) {
            if (size(s.file()).equals(size)) {
                files.add(s.file());
            }
        }
        List<int[]> frames = new AbstractList<>() {
            @Override
            public int[] get(int i) {
                try {
                    BufferedImage image = read(files.get(i));
                    return image.getRGB(0, 0, size.width, size.height, null, 0, size.width);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public int size() {
                return files.size();
            }
        };
        int k = scale == AUTO_SCALE ? Math.max(1, Math.min(4, 512 / Math.max(size.width, size.height))) : scale;
        try {
            GifWriter.write(gif, frames, size.width, size.height, delayMs, k);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return files.size();
    }

    public static <T> List<T> evenlySpaced(List<T> all, int max) {
        if (all.size() <= max) {
            return all;
        }
        List<T> picked = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            int index = max == 1 ? all.size() - 1 : (int) Math.round((double) i * (all.size() - 1) / (max - 1));
            picked.add(all.get(index));
        }
        return picked;
    }

    /** Width and height from the PNG's header, without decoding it. */
    private static Dimension size(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw unreadable(file);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new Dimension(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        }
    }

    private static BufferedImage read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw unreadable(file);
        }
        return image;
    }

    private static IOException unreadable(Path file) {
        return new IOException(file + " is not a readable PNG: delete it or restore it from a backup");
    }
}
