package io.ganstudio.core.train;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Exports a run's sample-grid history (samples/step-*.png) as one looping GIF: how the generator learned. */
public final class HistoryGif {

    private HistoryGif() {
    }

    /**
     * @param maxFrames at most this many frames, spread evenly over the history (the first and last always in)
     * @return how many frames were written; grids of another size than the newest (a run resumed with a different
     *         grid size) are left out
     */
    public static int write(RunFolder run, Path gif, int delayMs, int maxFrames, int scale) throws IOException {
        List<RunFolder.Sample> samples = run.listSamples();
        if (samples.isEmpty()) {
            throw new IOException("the run in " + run.dir() + " has no sample grids yet: train it for a while first");
        }
        if (maxFrames < 1) {
            throw new IllegalArgumentException("a GIF needs at least one frame, not " + maxFrames);
        }
        BufferedImage last = read(samples.get(samples.size() - 1));
        int w = last.getWidth();
        int h = last.getHeight();
        List<int[]> frames = new ArrayList<>();
        for (RunFolder.Sample s : evenlySpaced(samples, maxFrames)) {
            BufferedImage image = read(s);
            if (image.getWidth() == w && image.getHeight() == h) {
                frames.add(image.getRGB(0, 0, w, h, null, 0, w));
            }
        }
        GifWriter.write(gif, frames, w, h, delayMs, scale);
        return frames.size();
    }

    static <T> List<T> evenlySpaced(List<T> all, int max) {
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

    private static BufferedImage read(RunFolder.Sample s) throws IOException {
        BufferedImage image = ImageIO.read(s.file().toFile());
        if (image == null) {
            throw new IOException(s.file() + " is not a readable PNG: delete it or restore it from a backup");
        }
        return image;
    }
}
