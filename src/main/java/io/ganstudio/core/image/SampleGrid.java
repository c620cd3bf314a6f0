package io.ganstudio.core.image;

import io.ganstudio.core.files.AtomicFiles;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A batch of generated images laid out as one picture: a near-square grid (columns = ceil(sqrt(n))) with a 2-pixel
 * gap between cells, as opaque ARGB pixels that the UI can hand straight to a PixelWriter.
 */
public final class SampleGrid {

    public static final int GAP = 2;
    /** Gap and empty-cell colour: dark grey, so both black and white image borders stay visible. */
    public static final int GAP_ARGB = 0xFF3A3A3A;
    /** A conditional run's grid: images per class row. */
    public static final int CLASS_COLUMNS = 8;
    /** A conditional run's grid: at most this many class rows (the first classes). */
    public static final int MAX_CLASS_ROWS = 10;
    private static final int LABEL_ARGB = 0xFFE0E0E0;

    private final int width;
    private final int height;
    private final int[] argb;
    private final int count;
    private final int columns;

    private SampleGrid(int width, int height, int[] argb, int count, int columns) {
        this.width = width;
        this.height = height;
        this.argb = argb;
        this.count = count;
        this.columns = columns;
    }

    /**
     * @param nchw     n images, NCHW, values in [-1, 1] (a generator's Tanh output)
     * @param n        how many images
     * @param channels 1 (grey) or 3 (RGB)
     * @param size     side of each square image
     */
    public static SampleGrid of(float[] nchw, int n, int channels, int size) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("images must have 1 or 3 channels, not " + channels);
        }
        if (n < 1 || nchw.length < (long) n * channels * size * size) {
            throw new IllegalArgumentException(n + " images of " + channels + "x" + size + "x" + size + " need "
                    + (long) n * channels * size * size + " values, got " + nchw.length);
        }
        int columns = (int) Math.ceil(Math.sqrt(n));
        int rows = (n + columns - 1) / columns;
        int width = columns * size + (columns - 1) * GAP;
        int height = rows * size + (rows - 1) * GAP;
        int[] out = new int[width * height];
        Arrays.fill(out, GAP_ARGB);
        for (int i = 0; i < n; i++) {
            int[] image = toArgb(nchw, i, channels, size);
            int x0 = (i % columns) * (size + GAP);
            int y0 = (i / columns) * (size + GAP);
            for (int y = 0; y < size; y++) {
                System.arraycopy(image, y * size, out, (y0 + y) * width + x0, size);
            }
        }
        return new SampleGrid(width, height, out, n, columns);
    }

    /**
     * Images in rows, one row per class, with the class's name on the left of its row.
     *
     * @param nchw  rows x columns images, row by row, NCHW, values in [-1, 1]
     * @param names one name per row
     */
    public static SampleGrid classRows(float[] nchw, int rows, int columns, int channels, int size,
                                       List<String> names) {
        if (names.size() != rows) {
            throw new IllegalArgumentException(rows + " rows need " + rows + " names, got " + names.size());
        }
        int n = rows * columns;
        if (nchw.length < (long) n * channels * size * size) {
            throw new IllegalArgumentException(n + " images need " + (long) n * channels * size * size
                    + " values, got " + nchw.length);
        }
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN,
                Math.max(10, Math.min(14, size / 2)));
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        FontMetrics fm = pg.getFontMetrics(font);
        int labelWidth = 0;
        for (String name : names) {
            labelWidth = Math.max(labelWidth, fm.stringWidth(name));
        }
        pg.dispose();
        labelWidth += 2 * GAP + 4;
        int width = labelWidth + columns * size + (columns - 1) * GAP;
        int height = rows * size + (rows - 1) * GAP;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(GAP_ARGB));
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(font);
        g.setColor(new Color(LABEL_ARGB));
        for (int r = 0; r < rows; r++) {
            int baseline = r * (size + GAP) + (size + fm.getAscent() - fm.getDescent()) / 2;
            g.drawString(names.get(r), labelWidth - GAP - 2 - fm.stringWidth(names.get(r)), baseline);
        }
        g.dispose();
        int[] out = image.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < n; i++) {
            int[] cell = toArgb(nchw, i, channels, size);
            int x0 = labelWidth + (i % columns) * (size + GAP);
            int y0 = (i / columns) * (size + GAP);
            for (int y = 0; y < size; y++) {
                System.arraycopy(cell, y * size, out, (y0 + y) * width + x0, size);
            }
        }
        return new SampleGrid(width, height, out, n, columns);
    }

    /**
     * One image of an NCHW batch as opaque ARGB pixels: [-1, 1] maps to [0, 255], out-of-range values clamp and
     * NaN shows black (a diverged generator should look broken, not crash the view).
     */
    public static int[] toArgb(float[] chw, int offsetImage, int channels, int size) {
        int plane = size * size;
        int base = offsetImage * channels * plane;
        int[] out = new int[plane];
        for (int p = 0; p < plane; p++) {
            int r = toByte(chw[base + p]);
            int g = channels == 3 ? toByte(chw[base + plane + p]) : r;
            int b = channels == 3 ? toByte(chw[base + 2 * plane + p]) : r;
            out[p] = 0xFF000000 | (r << 16) | (g << 8) | b;
        }
        return out;
    }

    private static int toByte(float v) {
        if (!(v > -1f)) {
            return 0; // also NaN
        }
        return v >= 1f ? 255 : Math.round((v + 1f) * 127.5f);
    }

    /**
     * The image of the grid cell under a pixel of a grid picture (as {@link #of} or {@link #classRows} drew it),
     * or null for a gap, a class label or an empty cell.
     *
     * @param classRows whether the grid has a class label column on the left ({@link #classRows})
     */
    public static int[] cellAt(int[] argb, int width, int height, int size, boolean classRows, int x, int y) {
        int columns = classRows ? CLASS_COLUMNS : (width + GAP) / (size + GAP);
        int left = width - (columns * size + (columns - 1) * GAP); // the label column; 0 without one
        int cx = x - left;
        if (columns < 1 || left < 0 || cx < 0 || y < 0 || cx >= width - left || y >= height
                || cx % (size + GAP) >= size || y % (size + GAP) >= size) {
            return null;
        }
        int x0 = left + cx / (size + GAP) * (size + GAP);
        int y0 = y / (size + GAP) * (size + GAP);
        if (y0 + size > height) {
            return null;
        }
        int[] cell = new int[size * size];
        boolean empty = true;
        for (int row = 0; row < size; row++) {
            System.arraycopy(argb, (y0 + row) * width + x0, cell, row * size, size);
        }
        for (int p : cell) {
            empty &= p == GAP_ARGB;
        }
        return empty ? null : cell;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The pixels, row by row; the array is shared, do not change it. */
    public int[] argb() {
        return argb;
    }

    /** How many images the grid holds. */
    public int count() {
        return count;
    }

    public int columns() {
        return columns;
    }

    /** An opaque RGB image of the grid (alpha is always 255, so PNGs stay smaller without it). */
    public BufferedImage toImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        return image;
    }

    /** Writes the grid as a PNG, atomically (a viewer never sees half a file). */
    public void writePng(Path file) throws IOException {
        writePng(toImage(), file);
    }

    /** Writes any opaque ARGB picture (a heatmap, a reconstruction) as a PNG, atomically. */
    public static void writePng(int[] argb, int width, int height, Path file) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        writePng(image, file);
    }

    private static void writePng(BufferedImage image, Path file) throws IOException {
        write(image, "png", file);
    }

    /**
     * Writes the grid in the format its file name says: PNG for .png, JPEG for .jpg and .jpeg (see
     * {@link ImageFormats#formatOf}); any other name is refused, naming the ones that work.
     */
    public void writeImage(Path file) throws IOException {
        writeImage(toImage(), file);
    }

    /** Writes an opaque ARGB picture in the format its file name says, like {@link #writeImage(Path)}. */
    public static void writeImage(int[] argb, int width, int height, Path file) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        writeImage(image, file);
    }

    private static void writeImage(BufferedImage image, Path file) throws IOException {
        String format = ImageFormats.formatOf(file);
        if (format == null) {
            throw new IOException(file + ": " + ImageFormats.extensionsHint());
        }
        write(image, format, file);
    }

    private static void write(BufferedImage image, String format, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        // Through a memory cache: ImageIO's default for a plain stream is a cache file in the temporary folder, whose
        // first use registers a JVM shutdown hook, which fails while the JVM is shutting down (the grid saved on
        // Ctrl-C or SIGTERM) and leaves a second file to fill up a full disk.
        AtomicFiles.write(file, out -> {
            try (ImageOutputStream stream =
                         new MemoryCacheImageOutputStream(out)) {
                if (!ImageIO.write(image, format, stream)) {
                    throw new IOException("this Java runtime has no " + format.toUpperCase(Locale.ROOT)
                            + " writer");
                }
            }
        });
    }
}
