package io.ganstudio.ui.train;

import io.ganstudio.core.train.GifWriter;
import io.ganstudio.core.train.RunFolder;
import io.ganstudio.ui.fxutil.ArgbFrame;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample history as one animated GIF, for the Train screen. Unlike core.train.HistoryGif, which holds every
 * frame in memory, frames are decoded as the writer asks for them, so memory stays at a
 * frame or two however long the run was; a very long history is thinned evenly (first and last kept) so the GIF
 * stays a size people can share.
 */
public final class HistoryGifExport {

    public static final int MAX_FRAMES = 400;
    private static final int DELAY_MS = 80;

    private HistoryGifExport() {
    }

    /** Writes the GIF (blocking: call in the background); returns how many frames it holds. */
    public static int write(List<RunFolder.Sample> history, Path file) throws IOException {
        if (history.isEmpty()) {
            throw new IOException("the run has no saved samples yet");
        }
        List<Path> files = thin(history, MAX_FRAMES);
        ArgbFrame first = SampleFrames.read(files.get(0));
        List<int[]> frames = new AbstractList<>() {
            @Override
            public int[] get(int i) {
                try {
                    ArgbFrame f = i == 0 ? first : SampleFrames.read(files.get(i));
                    if (f.width() != first.width() || f.height() != first.height()) {
                        throw new IOException(files.get(i) + " has another size than the first grid");
                    }
                    return f.argb();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public int size() {
                return files.size();
            }
        };
        // Small grids (16x16 or 28x28 tiles) are hard to see at 1:1.
        int scale = Math.max(1, Math.min(4, 512 / Math.max(first.width(), first.height())));
        try {
            GifWriter.write(file, frames, first.width(), first.height(), DELAY_MS, scale);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return files.size();
    }

    /** At most {@code max} files, evenly spread, always with the first and the last. */
    static List<Path> thin(List<RunFolder.Sample> history, int max) {
        int n = history.size();
        List<Path> out = new ArrayList<>();
        if (n <= max) {
            history.forEach(s -> out.add(s.file()));
            return out;
        }
        for (int k = 0; k < max; k++) {
            out.add(history.get((int) Math.round((double) k * (n - 1) / (max - 1))).file());
        }
        return out;
    }
}
