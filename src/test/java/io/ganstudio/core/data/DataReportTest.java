package io.ganstudio.core.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report reads well on the console and in data-report.txt. */
class DataReportTest {

    @TempDir
    Path dir;

    @Test
    void summaryAndFileTellWhatWasSkippedAndWhy() throws Exception {
        TestImages.png(dir.resolve("faces/a.png"), 40, 30, 0x123456);
        TestImages.png(dir.resolve("faces/b.png"), 300, 200, 0x654321);
        Files.createFile(dir.resolve("faces/broken.jpg"));
        DataReport report = DatasetLoader.load(DataSpec.folder(dir.toString()), 32, LoadOptions.defaults(),
                LoadProgress.NONE).report();

        String summary = report.summary();
        assertTrue(summary.startsWith(dir + ": 2 images as 3 x 32 x 32 in "), summary);
        assertTrue(summary.contains("Found 3, loaded 2, skipped 1 (first: broken.jpg: empty file (0 bytes))"),
                summary);
        assertTrue(summary.contains("Classes: faces 2"), summary);
        assertTrue(summary.contains("Original shorter side: < 32 px 1, 128-255 px 1; 1 smaller than 32 px"), summary);
        assertTrue(summary.contains("Formats: png 2"), summary);
        assertTrue(summary.lines().count() <= 6, summary);

        Path file = dir.resolve("run/data-report.txt");
        report.write(file);
        String text = Files.readString(file);
        assertTrue(text.contains(dir.resolve("faces/broken.jpg").toString()), text);
        assertTrue(text.contains("empty file (0 bytes)"), text);
        assertTrue(text.contains("Channels: 3"), text);
    }

    @Test
    void skippedFilesAreGroupedByReasonMostCommonFirst() throws Exception {
        TestImages.png(dir.resolve("icons/a.png"), 40, 40, 0x123456);
        for (String name : new String[] {"x.svg", "y.svg", "z.svg"}) {
            Files.writeString(dir.resolve("icons/" + name), "<svg/>");
        }
        Files.createFile(dir.resolve("icons/broken.png"));
        DataReport report = DatasetLoader.load(DataSpec.folder(dir.toString()), 16, LoadOptions.defaults(),
                LoadProgress.NONE).report();

        var groups = report.skippedByReason();
        assertEquals(2, groups.size());
        var first = groups.entrySet().iterator().next();
        assertTrue(first.getKey().contains("SVG"), first.getKey());
        assertEquals(3, first.getValue().size());
        assertEquals(1, groups.get("empty file (0 bytes)").size());

        Path file = dir.resolve("run/data-report.txt");
        report.write(file);
        String text = Files.readString(file);
        assertTrue(text.indexOf("(3 files)") < text.indexOf("empty file (0 bytes) (1 file)"), text);
    }

    @Test
    void sizeBucketsAreReadable() {
        assertEquals("< 32 px", DataReport.sizeBucket(5));
        assertEquals("32-63 px", DataReport.sizeBucket(32));
        assertEquals("1024-2047 px", DataReport.sizeBucket(2047));
        assertEquals(">= 2048 px", DataReport.sizeBucket(9000));
    }
}
