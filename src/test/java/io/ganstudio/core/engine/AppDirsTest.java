package io.ganstudio.core.engine;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AppDirsTest {

    @Test
    void linuxUsesXdgDataHomeWhenAbsolute() {
        assertEquals(Path.of("/data/x/gan-studio"),
                AppDirs.dataDir("Linux", "/home/u", Map.of("XDG_DATA_HOME", "/data/x")));
    }

    @Test
    void linuxFallsBackToLocalShare() {
        assertEquals(Path.of("/home/u/.local/share/gan-studio"), AppDirs.dataDir("Linux", "/home/u", Map.of()));
        // a relative XDG_DATA_HOME is invalid per the XDG spec
        assertEquals(Path.of("/home/u/.local/share/gan-studio"),
                AppDirs.dataDir("Linux", "/home/u", Map.of("XDG_DATA_HOME", "rel")));
    }

    @Test
    void macUsesApplicationSupport() {
        assertEquals(Path.of("/Users/u/Library/Application Support/GAN Studio"),
                AppDirs.dataDir("Mac OS X", "/Users/u", Map.of()));
    }

    @Test
    void windowsUsesLocalAppData() {
        assertEquals(Path.of("C:/Users/u/AppData/Local/GAN Studio"),
                AppDirs.dataDir("Windows 11", "/home/u", Map.of("LOCALAPPDATA", "C:/Users/u/AppData/Local")));
        assertEquals(Path.of("/home/u", "AppData", "Local", "GAN Studio"),
                AppDirs.dataDir("Windows 11", "/home/u", Map.of()));
    }

    @Test
    void datasetCacheFollowsEachOsConvention() {
        assertEquals(Path.of("/home/u/.cache/gan-studio"), AppDirs.datasetCacheDir("Linux", "/home/u", Map.of()));
        assertEquals(Path.of("/c/gan-studio"),
                AppDirs.datasetCacheDir("Linux", "/home/u", Map.of("XDG_CACHE_HOME", "/c")));
        assertEquals(Path.of("/Users/u/Library/Caches/GAN Studio"),
                AppDirs.datasetCacheDir("Mac OS X", "/Users/u", Map.of()));
        assertEquals(Path.of("C:/L/GAN Studio/cache"),
                AppDirs.datasetCacheDir("Windows 11", "C:/U", Map.of("LOCALAPPDATA", "C:/L")));
    }
}
