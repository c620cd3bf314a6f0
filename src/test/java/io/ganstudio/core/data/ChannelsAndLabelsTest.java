package io.ganstudio.core.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One channel only when every image is gray; class labels from immediate subfolders; non-ASCII names. */
class ChannelsAndLabelsTest {

    @TempDir
    Path dir;

    private LoadResult load() throws DatasetException {
        return DatasetLoader.load(DataSpec.folder(dir.toString()), 8, LoadOptions.defaults(), LoadProgress.NONE);
    }

    @Test
    void grayImagesGiveOneChannel() throws Exception {
        TestImages.write(TestImages.gray(10, 10, 90), "png", dir.resolve("a.png"));
        TestImages.write(TestImages.gray(12, 9, 200), "jpg", dir.resolve("b.jpg"));
        TestImages.png(dir.resolve("c.png"), 10, 10, 0x404040);
        LoadResult r = load();
        assertEquals(1, r.dataset().channels());
        assertEquals(1, r.report().channels());
        assertEquals(90, r.dataset().pixels()[0] & 0xFF, "gray value kept, no gamma applied");
    }

    @Test
    void oneColourImageMakesThreeChannels() throws Exception {
        TestImages.write(TestImages.gray(10, 10, 90), "png", dir.resolve("a.png"));
        TestImages.png(dir.resolve("b.png"), 10, 10, 0xFF8000);
        ImageDataset d = load().dataset();
        assertEquals(3, d.channels());
        int plane = 64;
        assertEquals(90, d.pixels()[0] & 0xFF);
        assertEquals(90, d.pixels()[plane] & 0xFF);
        assertEquals(90, d.pixels()[2 * plane] & 0xFF);
        assertEquals(0xFF8000 | 0xFF000000, d.argb(1)[0]);
    }

    @Test
    void immediateSubfoldersAreClasses() throws Exception {
        TestImages.png(dir.resolve("dogs/d1.png"), 8, 8, 0x111111);
        TestImages.png(dir.resolve("cats/c1.png"), 8, 8, 0x222222);
        TestImages.png(dir.resolve("cats/indoor/c2.png"), 8, 8, 0x333333);
        LoadResult r = load();
        ImageDataset d = r.dataset();
        assertTrue(d.hasLabels());
        assertEquals(List.of("cats", "dogs"), d.classNames());
        // Files are taken in path order: cats/c1, cats/indoor/c2, dogs/d1.
        assertEquals(0, d.label(0));
        assertEquals(0, d.label(1));
        assertEquals(1, d.label(2));
        assertEquals(Map.of("cats", 2, "dogs", 1), r.report().perClass());
    }

    @Test
    void flatFolderHasNoLabels() throws Exception {
        TestImages.png(dir.resolve("a.png"), 8, 8, 0x111111);
        TestImages.png(dir.resolve("b.png"), 8, 8, 0x222222);
        ImageDataset d = load().dataset();
        assertFalse(d.hasLabels());
        assertEquals(-1, d.label(0));
    }

    @Test
    void imagesBesideSubfoldersMeanNoClasses() throws Exception {
        TestImages.png(dir.resolve("a.png"), 8, 8, 0x111111);
        TestImages.png(dir.resolve("more/b.png"), 8, 8, 0x222222);
        LoadResult r = load();
        assertEquals(2, r.dataset().count(), "found recursively");
        assertFalse(r.dataset().hasLabels());
        assertTrue(r.report().perClass().isEmpty());
    }

    @Test
    void japaneseFileAndFolderNames() throws Exception {
        TestImages.png(dir.resolve("猫/三毛猫.png"), 8, 8, 0x806040);
        TestImages.write(TestImages.solid(9, 9, 0x204060), "jpg", dir.resolve("犬/柴犬 の 写真.jpg"));
        Files.createFile(dir.resolve("犬/空っぽ.png"));
        LoadResult r = load();
        assertEquals(2, r.dataset().count());
        assertEquals(List.of("犬", "猫"), r.dataset().classNames());
        assertEquals("空っぽ.png", r.report().skipped().get(0).path().getFileName().toString());
        Path report = dir.resolve("報告/data-report.txt");
        r.report().write(report);
        String text = Files.readString(report);
        assertTrue(text.contains("空っぽ.png") && text.contains("猫"), text);
    }
}
