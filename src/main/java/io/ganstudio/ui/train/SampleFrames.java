package io.ganstudio.ui.train;

import io.ganstudio.ui.fxutil.ArgbFrame;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Saved sample grids decoded on demand, with the few most recently viewed kept in memory: a long run has thousands
 * of grids (a 64x64 grid of 64 images is about 1 MB of pixels), so the history is never held whole.
 * Thread-safe: loads happen in the background, lookups on the FX thread.
 */
public final class SampleFrames {

    private final Map<Path, ArgbFrame> recent;

    public SampleFrames(int capacity) {
        this.recent = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Path, ArgbFrame> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The frame if it is in memory, else null (never reads the disk). */
    public synchronized ArgbFrame cached(Path file) {
        return recent.get(file);
    }

    /** Reads (or takes from memory) one grid; blocking file IO. */
    public ArgbFrame load(Path file) throws IOException {
        ArgbFrame f = cached(file);
        if (f != null) {
            return f;
        }
        f = read(file);
        synchronized (this) {
            recent.put(file, f);
        }
        return f;
    }

    /** Decodes a PNG without caching it (for exports that pass every frame once). */
    public static ArgbFrame read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException(file + " is not an image this Java runtime can read");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        return new ArgbFrame(w, h, image.getRGB(0, 0, w, h, null, 0, w));
    }
}
