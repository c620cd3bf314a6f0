package io.ganstudio.core.latent;

import io.ganstudio.core.image.GifWriter;
import io.ganstudio.core.image.SampleGrid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A keyframe walk that loops: through keys 1, 2, ..., n and back to key 1, with the closing key left out, so a
 * looping GIF (or a player repeating the PNG frames) never shows the same frame twice at the seam and every step,
 * the one from the last frame to the first included, is a regular step of the walk.
 */
public final class LatentWalk {

    /** Longest walk the studio exports: a GIF of more frames gets large and slow to open. */
    public static final int MAX_FRAMES = 2_000;

    private LatentWalk() {
    }

    /**
     * @param keys             the keyframes in order (at least two)
     * @param framesPerSegment frames from one key to the next, the key itself included (at least 1)
     * @return keys.size() * framesPerSegment vectors; frame i * framesPerSegment is key i
     */
    public static List<float[]> loop(List<float[]> keys, int framesPerSegment, boolean slerp) {
        if (keys.size() < 2) {
            throw new IllegalArgumentException("a looping walk needs at least two keyframes, not " + keys.size());
        }
        long total = (long) keys.size() * framesPerSegment;
        if (framesPerSegment >= 1 && total > MAX_FRAMES) {
            throw new IllegalArgumentException("a walk of " + total + " frames is too long; at most " + MAX_FRAMES);
        }
        List<float[]> closed = new ArrayList<>(keys);
        closed.add(keys.get(0));
        List<float[]> frames = new ArrayList<>(Latents.keyframes(closed, framesPerSegment, slerp));
        frames.remove(frames.size() - 1); // the closing key is frame 0 again
        return frames;
    }

    /** Writes the frames as a GIF that loops forever, scaled up so small images are not tiny in a viewer. */
    public static void writeGif(Path file, List<int[]> frames, int size, int delayMs) throws IOException {
        GifWriter.write(file, frames, size, size, delayMs, scaleFor(size));
    }

    /**
     * Writes the frames as frame-0000.png, frame-0001.png, ... into a folder (created if needed), at the model's
     * size; frames of an earlier, longer export with the same names are removed so the folder holds one walk.
     *
     * @return the files written, in order
     */
    public static List<Path> writeFrames(Path dir, List<int[]> frames, int size) throws IOException {
        Files.createDirectories(dir);
        try (var old = Files.newDirectoryStream(dir, "frame-[0-9][0-9][0-9][0-9].png")) {
            for (Path p : old) {
                Files.delete(p);
            }
        }
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            Path f = dir.resolve(String.format(Locale.ROOT, "frame-%04d.png", i));
            SampleGrid.writePng(frames.get(i), size, size, f);
            written.add(f);
        }
        return written;
    }

    /** Integer upscale that brings an image to about 256 pixels (1 for images that large already). */
    public static int scaleFor(int size) {
        return Math.max(1, Math.min(8, 256 / size));
    }
}
