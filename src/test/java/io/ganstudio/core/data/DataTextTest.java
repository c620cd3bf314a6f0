package io.ganstudio.core.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Why files were skipped and why a load failed, in English and Japanese, kept through the cache. */
class DataTextTest {

    @TempDir
    Path dir;

    @Test
    void skipReasonsAreSaidInTheUsersLanguageAndSurviveTheCache() throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        TestImages.png(images.resolve("a.png"), 20, 20, 0x336699);
        Files.createFile(images.resolve("empty.png"));
        LoadOptions options = LoadOptions.defaults().withCacheDir(dir.resolve("cache"));
        DataReport first = DatasetLoader.load(DataSpec.folder(images.toString()), 16, options, LoadProgress.NONE)
                .report();
        DataReport cached = DatasetLoader.load(DataSpec.folder(images.toString()), 16, options, LoadProgress.NONE)
                .report();
        assertTrue(cached.fromCache());
        SkippedFile skipped = cached.skipped().get(0);
        assertEquals(first.skipped().get(0), skipped);
        assertEquals("empty file (0 bytes)", skipped.reason());
        assertEquals("空のファイルです（0 バイト）", skipped.why().text(Locale.JAPANESE));
    }

    @Test
    void loadErrorsAreSaidInTheUsersLanguage() {
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetLoader.load(
                DataSpec.folder(dir.resolve("nowhere").toString()), 16, LoadOptions.defaults(), LoadProgress.NONE));
        assertTrue(e.getMessage().startsWith("The folder "), e.getMessage());
        assertTrue(e.phrase().text(Locale.JAPANESE).contains("がありません"), e.phrase().text(Locale.JAPANESE));
    }
}
