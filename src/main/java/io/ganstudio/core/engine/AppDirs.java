package io.ganstudio.core.engine;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Per-user application-data folders, as each OS expects them:
 * <ul>
 *   <li>Linux: {@code $XDG_DATA_HOME/gan-studio}, else {@code ~/.local/share/gan-studio}</li>
 *   <li>macOS: {@code ~/Library/Application Support/GAN Studio}</li>
 *   <li>Windows: {@code %LOCALAPPDATA%\GAN Studio}, else {@code ~\AppData\Local\GAN Studio}</li>
 * </ul>
 * The installed app's launcher passes {@code -Dgan.studio.installed=true}; then the DJL cache (where the MXNet
 * native library is unpacked on first start, about 185 MB) lives in {@code <data>/djl} instead of DJL's
 * default {@code ~/.djl.ai}. A {@code DJL_CACHE_DIR} given by the user (system property or environment) wins.
 */
public final class AppDirs {

    /** System property the installed launcher sets. */
    public static final String INSTALLED_PROPERTY = "gan.studio.installed";

    private AppDirs() {
    }

    /** The per-user data folder of this machine's OS (not created). */
    public static Path dataDir() {
        return dataDir(System.getProperty("os.name", ""), System.getProperty("user.home", "."), System.getenv());
    }

    /** The per-user data folder for the given OS name, home folder and environment (not created). */
    static Path dataDir(String osName, String home, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            Path base = notBlank(local) ? Path.of(local) : Path.of(home, "AppData", "Local");
            return base.resolve("GAN Studio");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return Path.of(home, "Library", "Application Support", "GAN Studio");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        Path base = notBlank(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".local", "share");
        return base.resolve("gan-studio");
    }

    /** Where decoded datasets are cached, shared by the studio and the CLI: the OS's per-user cache folder. */
    public static Path datasetCacheDir() {
        return datasetCacheDir(System.getProperty("os.name", ""), System.getProperty("user.home", "."),
                System.getenv());
    }

    static Path datasetCacheDir(String osName, String home, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return dataDir(osName, home, env).resolve("cache");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return Path.of(home, "Library", "Caches", "GAN Studio");
        }
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = notBlank(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".cache");
        return base.resolve("gan-studio");
    }

    /** The DJL cache folder inside the data folder. */
    public static Path djlCacheDir() {
        return dataDir().resolve("djl");
    }

    /**
     * When running as the installed app and no DJL cache folder was chosen, sets the system property
     * {@code DJL_CACHE_DIR} to {@link #djlCacheDir()}. Returns the folder DJL will use, or null for DJL's default.
     */
    public static String applyDjlCacheDefault() {
        String chosen = System.getProperty("DJL_CACHE_DIR", System.getenv("DJL_CACHE_DIR"));
        if (notBlank(chosen)) {
            System.setProperty("DJL_CACHE_DIR", chosen);
            return chosen;
        }
        if (Boolean.getBoolean(INSTALLED_PROPERTY)) {
            String dir = djlCacheDir().toString();
            System.setProperty("DJL_CACHE_DIR", dir);
            return dir;
        }
        return null;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
