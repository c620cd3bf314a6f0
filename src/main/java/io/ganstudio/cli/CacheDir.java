package io.ganstudio.cli;

import java.nio.file.Path;

/** Where decoded datasets are cached by default: the platform's per-user cache folder. */
final class CacheDir {

    private CacheDir() {
    }

    static Path defaultDir() {
        String os = System.getProperty("os.name", "").toLowerCase();
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return (local != null ? Path.of(local) : Path.of(home, "AppData", "Local")).resolve("GAN Studio")
                    .resolve("cache");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Caches", "gan-studio");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".cache")).resolve("gan-studio");
    }
}
