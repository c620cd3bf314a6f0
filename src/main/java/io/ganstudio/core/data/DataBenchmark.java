package io.ganstudio.core.data;

import com.sun.management.OperatingSystemMXBean;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** {@code bench --data}: how long a folder of mixed images takes to open the first time and from the cache. */
public final class DataBenchmark {

    private static final int MIN_SIDE = 40;
    private static final int MAX_SIDE = 300;

    private DataBenchmark() {
    }

    /**
     * Generates {@code count} PNG and JPEG images of mixed sizes (a quarter of them gray) under {@code workDir},
     * reusing them when a previous run made the same set, then times a load without cache and one with it.
     *
     * @return printable figures
     */
    public static String run(Path workDir, int count, int imageSize) {
        try {
            Path images = workDir.resolve("bench-images-" + count);
            Path cache = workDir.resolve("bench-cache");
            int threads = Runtime.getRuntime().availableProcessors();
            long t0 = System.nanoTime();
            boolean generated = generate(images, count, threads);
            double generateSeconds = (System.nanoTime() - t0) / 1e9;
            deleteTree(cache);

            LoadOptions options = LoadOptions.defaults().withCacheDir(cache);
            DataSpec spec = DataSpec.folder(images.toString());
            long cpu0 = cpuNanos();
            LoadResult first = DatasetLoader.load(spec, imageSize, options, LoadProgress.NONE);
            long cpu1 = cpuNanos();
            LoadResult second = DatasetLoader.load(spec, imageSize, options, LoadProgress.NONE);
            long cpu2 = cpuNanos();
            long cacheBytes = size(cache);
            long imageBytes = size(images);

            DataReport r1 = first.report();
            DataReport r2 = second.report();
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "Data benchmark: %d images (PNG and JPEG, %d-%d px, a quarter gray,"
                    + " %.0f MB on disk) -> %d x %d x %d, %d threads%n", count, MIN_SIDE, MAX_SIDE,
                    imageBytes / 1e6, r1.channels(), imageSize, imageSize, threads));
            s.append(String.format(Locale.ROOT, "  generate images : %7.2f s%s%n", generateSeconds,
                    generated ? "" : " (reused from an earlier run)"));
            s.append(String.format(Locale.ROOT, "  first open      : %7.2f s  %8.0f images/s  %7.2f s CPU  (decode,"
                    + " resize, write %.0f MB cache)%n", r1.loadSeconds(), r1.loaded() / r1.loadSeconds(),
                    (cpu1 - cpu0) / 1e9, cacheBytes / 1e6));
            s.append(String.format(Locale.ROOT, "  second open     : %7.2f s  %8.0f images/s  %7.2f s CPU  (%s)%n",
                    r2.loadSeconds(), r2.loaded() / r2.loadSeconds(), (cpu2 - cpu1) / 1e9,
                    r2.fromCache() ? "from cache" : "CACHE MISSED"));
            s.append(String.format(Locale.ROOT, "  loaded %d, skipped %d, identical: %b%n", r2.loaded(),
                    r2.skipped().size(), Arrays.equals(first.dataset().pixels(), second.dataset().pixels())));
            return s.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("the data benchmark could not write under " + workDir, e);
        } catch (DatasetException e) {
            throw new IllegalStateException("the data benchmark's own images did not load: " + e.getMessage(), e);
        }
    }

    /** Writes the images unless a complete set is already there; returns whether it wrote them. */
    private static boolean generate(Path dir, int count, int threads) throws IOException {
        // The marker lies beside the folder, not in it, so it is not counted as a skipped file.
        Path done = dir.resolveSibling(dir.getFileName() + ".complete");
        if (Files.exists(done)) {
            return false;
        }
        deleteTree(dir);
        Files.createDirectories(dir);
        List<IOException> failures = ParallelWork.map(count, threads, i -> {
            try {
                writeImage(dir, i);
                return null;
            } catch (IOException e) {
                return e;
            }
        }, LoadProgress.NONE, () -> false);
        for (IOException e : failures) {
            if (e != null) {
                throw e;
            }
        }
        Files.writeString(done, Integer.toString(count));
        return true;
    }

    private static void writeImage(Path dir, int i) throws IOException {
        Random rnd = new Random(i);
        int w = MIN_SIDE + rnd.nextInt(MAX_SIDE - MIN_SIDE + 1);
        int h = MIN_SIDE + rnd.nextInt(MAX_SIDE - MIN_SIDE + 1);
        boolean gray = i % 4 == 0;
        BufferedImage img = new BufferedImage(w, h, gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(rnd.nextInt()), w, h, new Color(rnd.nextInt())));
        g.fillRect(0, 0, w, h);
        for (int k = 0; k < 6; k++) {
            g.setColor(new Color(rnd.nextInt()));
            g.fillOval(rnd.nextInt(w), rnd.nextInt(h), 5 + rnd.nextInt(w / 2), 5 + rnd.nextInt(h / 2));
        }
        g.dispose();
        String format = i % 2 == 0 ? "png" : "jpg";
        ImageIO.write(img, format, dir.resolve(String.format(Locale.ROOT, "img-%06d.%s", i, format)).toFile());
    }

    /** CPU time of the whole process, so figures stay comparable on a machine shared with other work. */
    private static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean()
                instanceof OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    private static long size(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
