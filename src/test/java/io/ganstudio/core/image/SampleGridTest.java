package io.ganstudio.core.image;

import io.ganstudio.core.run.HistoryGif;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.train.TestStates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SampleGridTest {

    @TempDir
    Path dir;

    @Test
    void mapsValueRangeToBytesAndClamps() {
        float[] img = {-1f, 0f, 1f, 2f, -3f, Float.NaN, 0.5f, -0.5f, 1f};
        int[] argb = SampleGrid.toArgb(img, 0, 1, 3);
        assertArrayEquals(new int[] {grey(0), grey(128), grey(255), grey(255), grey(0), grey(0), grey(191),
                grey(64), grey(255)}, argb);
    }

    @Test
    void readsRgbPlanesOfTheRightImage() {
        int s = 2;
        float[] batch = new float[2 * 3 * s * s];
        // second image: red plane 1, green -1, blue 0
        for (int p = 0; p < 4; p++) {
            batch[12 + p] = 1f;
            batch[12 + 4 + p] = -1f;
        }
        assertEquals(0xFFFF0080, SampleGrid.toArgb(batch, 1, 3, s)[3]);
    }

    @Test
    void laysOutANearSquareGridWithGaps() {
        int n = 5;
        int s = 4;
        float[] batch = new float[n * s * s];
        for (int i = 0; i < n; i++) {
            Arrays.fill(batch, i * s * s, (i + 1) * s * s, 1f);
        }
        SampleGrid g = SampleGrid.of(batch, n, 1, s);
        assertEquals(3, g.columns());
        assertEquals(3 * s + 2 * SampleGrid.GAP, g.width());
        assertEquals(2 * s + SampleGrid.GAP, g.height());
        assertEquals(grey(255), g.argb()[0]);
        assertEquals(SampleGrid.GAP_ARGB, g.argb()[s]); // the gap right of the first image
        assertEquals(grey(255), g.argb()[(s + SampleGrid.GAP) * g.width() + s + SampleGrid.GAP]); // image 4
        assertEquals(SampleGrid.GAP_ARGB, g.argb()[g.argb().length - 1]); // empty sixth cell
    }

    @Test
    void pngReadsBackPixelForPixel() throws IOException {
        float[] batch = new float[4 * 3 * 16 * 16];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = (float) Math.sin(i * 0.37);
        }
        SampleGrid g = SampleGrid.of(batch, 4, 3, 16);
        Path file = dir.resolve("grid.png");
        g.writePng(file);
        BufferedImage back = ImageIO.read(file.toFile());
        assertArrayEquals(g.argb(), back.getRGB(0, 0, g.width(), g.height(), null, 0, g.width()));
    }

    @Test
    void gifReadsBackWithAllFramesAndLoops() throws IOException {
        int w = 5;
        int h = 3;
        List<int[]> frames = new ArrayList<>();
        for (int f = 0; f < 7; f++) {
            int[] px = new int[w * h];
            Arrays.fill(px, grey(f * 30));
            frames.add(px);
        }
        Path file = dir.resolve("walk.gif");
        GifWriter.write(file, frames, w, h, 80, 4);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(7, reader.getNumImages(true));
            BufferedImage third = reader.read(2);
            assertEquals(w * 4, third.getWidth());
            assertEquals(h * 4, third.getHeight());
            assertEquals(grey(60), third.getRGB(7, 5));
            String tree = dump(reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0"));
            assertEquals(true, tree.contains("NETSCAPE"), tree);
            assertEquals(true, tree.contains("delayTime=8"), tree);
        }
    }

    @Test
    void historyGifTakesEvenlySpacedGrids() throws IOException {
        RunFolder run = RunFolder.create(dir.resolve("run"), TestStates.tinyConfig());
        for (int step = 1; step <= 10; step++) {
            float[] batch = new float[4 * 16 * 16];
            Arrays.fill(batch, step / 10f);
            run.writeSample(step, SampleGrid.of(batch, 4, 1, 16));
        }
        Path gif = dir.resolve("history.gif");
        assertEquals(4, HistoryGif.write(run, gif, 100, 4, 1));
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(4, reader.getNumImages(true));
            assertEquals(34, reader.read(3).getWidth());
        }
        assertEquals(List.of(0, 3, 6, 9), HistoryGif.evenlySpaced(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), 4));
    }

    @Test
    void historyGifLeavesOutGridsOfAnotherSizeAndEnlargesSmallOnes() throws IOException {
        RunFolder run = RunFolder.create(dir.resolve("resized"), TestStates.tinyConfig());
        run.writeSample(1, SampleGrid.of(new float[9 * 16 * 16], 9, 1, 16)); // 3x3 grid: before a resume
        for (int step = 2; step <= 4; step++) {
            run.writeSample(step, SampleGrid.of(new float[4 * 16 * 16], 4, 1, 16)); // 2x2 grid: 34 px
        }
        Path gif = dir.resolve("resized.gif");
        assertEquals(3, HistoryGif.write(run.listSamples(), gif, 100, 10, HistoryGif.AUTO_SCALE));
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(3, reader.getNumImages(true));
            assertEquals(34 * 4, reader.read(0).getWidth(), "a 34 px grid is enlarged 4x");
        }
    }

    private static String dump(Node node) {
        StringBuilder s = new StringBuilder(node.getNodeName());
        if (node.getAttributes() != null) {
            for (int i = 0; i < node.getAttributes().getLength(); i++) {
                Node a = node.getAttributes().item(i);
                s.append(' ').append(a.getNodeName()).append('=').append(a.getNodeValue());
            }
        }
        for (int i = 0; i < node.getChildNodes().getLength(); i++) {
            s.append('\n').append(dump(node.getChildNodes().item(i)));
        }
        return s.toString();
    }

    private static int grey(int v) {
        return 0xFF000000 | v << 16 | v << 8 | v;
    }
}
