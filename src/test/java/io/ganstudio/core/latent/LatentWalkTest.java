package io.ganstudio.core.latent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A looping keyframe walk: its frames, the seam where it joins, and its GIF and PNG exports. */
class LatentWalkTest {

    @TempDir
    Path dir;

    private static final List<float[]> KEYS = List.of(new float[] {0, 0}, new float[] {4, 0}, new float[] {4, 4});

    private static double distance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    @Test
    void loopVisitsEveryKeyAndClosesWithoutRepeatingAFrame() {
        List<float[]> frames = LatentWalk.loop(KEYS, 4, false);
        assertEquals(3 * 4, frames.size(), "keys x frames per segment: the closing key is not a frame of its own");
        assertArrayEquals(KEYS.get(0), frames.get(0));
        assertArrayEquals(KEYS.get(1), frames.get(4));
        assertArrayEquals(KEYS.get(2), frames.get(8));
        // Every step, the one across the seam (last frame -> first) included, moves: no frame shows twice in a row.
        for (int i = 0; i < frames.size(); i++) {
            float[] next = frames.get((i + 1) % frames.size());
            assertTrue(distance(frames.get(i), next) > 0.5, "frame " + i + " and the next are the same point");
        }
        // The seam step is a regular step of the last segment (from key 3 back to key 1), not a jump.
        double seam = distance(frames.get(frames.size() - 1), frames.get(0));
        double lastSegmentStep = distance(frames.get(frames.size() - 2), frames.get(frames.size() - 1));
        assertEquals(lastSegmentStep, seam, 1e-5);
        assertEquals(distance(KEYS.get(2), KEYS.get(0)) / 4, seam, 1e-5);
    }

    @Test
    void slerpLoopAlsoJoinsSmoothly() {
        List<float[]> keys = List.of(Latents.fromSeed(1, 16), Latents.fromSeed(2, 16), Latents.fromSeed(3, 16));
        List<float[]> frames = LatentWalk.loop(keys, 8, true);
        assertEquals(24, frames.size());
        double seam = distance(frames.get(23), frames.get(0));
        double before = distance(frames.get(22), frames.get(23));
        assertEquals(before, seam, before * 0.05, "the seam is as long as its neighbouring steps");
        assertFalse(Arrays.equals(frames.get(23), frames.get(0)));
    }

    @Test
    void refusesWalksItCannotMake() {
        assertThrows(IllegalArgumentException.class, () -> LatentWalk.loop(List.of(new float[] {1}), 4, true));
        assertThrows(IllegalArgumentException.class, () -> LatentWalk.loop(KEYS, 0, true));
        assertThrows(IllegalArgumentException.class, () -> LatentWalk.loop(KEYS, LatentWalk.MAX_FRAMES, true));
    }

    private static List<int[]> frames(int n, int size) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int[] f = new int[size * size];
            Arrays.fill(f, 0xFF000000 | (i * 20) << 16 | (255 - i * 20));
            out.add(f);
        }
        return out;
    }

    @Test
    void gifIsReadableWithOneImagePerFrameAndLoopsForever() throws Exception {
        Path gif = dir.resolve("walk.gif");
        LatentWalk.writeGif(gif, frames(12, 8), 8, 40);
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertEquals(12, reader.getNumImages(true));
            BufferedImage first = reader.read(0);
            assertEquals(8 * LatentWalk.scaleFor(8), first.getWidth(), "small frames are scaled up");
            assertEquals(0xFF0000FF, first.getRGB(0, 0), "the first frame is the first walk frame");
            assertEquals(frames(12, 8).get(11)[0], reader.read(11).getRGB(5, 5));
            IIOMetadata meta = reader.getImageMetadata(0);
            IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode app = (IIOMetadataNode) root.getElementsByTagName("ApplicationExtension").item(0);
            assertEquals("NETSCAPE", app.getAttribute("applicationID"));
            byte[] loop = (byte[]) app.getUserObject();
            assertEquals(1, loop[0]);
            assertEquals(0, loop[1] | loop[2], "loop count 0: forever");
            Node gce = root.getElementsByTagName("GraphicControlExtension").item(0);
            assertEquals("4", ((IIOMetadataNode) gce).getAttribute("delayTime"));
        }
    }

    @Test
    void pngFramesReplaceAnEarlierLongerExport() throws Exception {
        Path out = dir.resolve("frames");
        LatentWalk.writeFrames(out, frames(10, 4), 4);
        Files.writeString(out.resolve("notes.txt"), "mine");
        List<Path> written = LatentWalk.writeFrames(out, frames(6, 4), 4);
        assertEquals(6, written.size());
        try (var files = Files.list(out)) {
            assertEquals(7, files.count(), "6 frames of the new walk and the user's own file; old frames 6-9 gone");
        }
        BufferedImage last = ImageIO.read(out.resolve("frame-0005.png").toFile());
        assertEquals(4, last.getWidth());
        assertEquals(frames(6, 4).get(5)[0], last.getRGB(0, 0));
    }
}
