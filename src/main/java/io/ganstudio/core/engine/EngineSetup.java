package io.ganstudio.core.engine;

import ai.djl.engine.Engine;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one place that prepares DJL and MXNet. Call {@link #init()} before anything touches {@code Engine}:
 * offline mode and tracking off (a desktop app must not phone home), and OpenMP threads set in the process
 * environment before libmxnet loads (it reads them only once, when it loads).
 */
public final class EngineSetup {

    private static EngineReport report;
    private static boolean interactive;

    private EngineSetup() {
    }

    /**
     * For the studio, before {@link #init()}: two MXNet worker threads instead of one, so that rendering in Explore
     * is not queued behind a whole training step (measured: slider redraw while training p50 490 ms -> 42 ms). The
     * CLI keeps one, which trains faster (measured at 32x32: 391 vs 338 img/s).
     */
    public static synchronized void preferInteractive() {
        if (report != null) {
            throw new IllegalStateException("the engine is already loaded: call preferInteractive() before init()");
        }
        interactive = true;
    }

    /** Prepares and loads the engine once; later calls return the same report. */
    public static synchronized EngineReport init() {
        if (report != null) {
            return report;
        }
        Map<String, String> applied = new LinkedHashMap<>();
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        setEnv("OPT_OUT_TRACKING", "true", applied);
        setEnv("DJL_OFFLINE", "true", applied);
        int cores = Runtime.getRuntime().availableProcessors();
        // MXNet's OpenMP default is half the logical CPUs; all of them measured 1.7x faster on 2 cores.
        setEnvUnlessUserSet("OMP_NUM_THREADS", Integer.toString(cores), applied);
        // Spinning OpenMP threads slow down badly under any concurrent load (the UI thread included).
        setEnvUnlessUserSet("OMP_WAIT_POLICY", "PASSIVE", applied);
        if (Platform.isLinux() && Platform.isIntel() && cpuHasAvx2()) {
            // libmxnet's bundled OpenBLAS does not recognise newer CPUs and falls back to a generic kernel.
            setEnvUnlessUserSet("OPENBLAS_CORETYPE", "Haswell", applied);
        }
        if (interactive) {
            setEnvUnlessUserSet("MXNET_CPU_WORKER_NTHREADS", "2", applied);
        }
        // The user's DJL_CACHE_DIR, else the app-data folder when installed, else DJL's default (~/.djl.ai).
        AppDirs.applyDjlCacheDefault();
        long t0 = System.nanoTime();
        Engine engine = Engine.getEngine("MXNet");
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        report = new EngineReport(engine.getEngineName(), engine.getVersion(), cores,
                Integer.parseInt(envOr(applied, "OMP_NUM_THREADS", Integer.toString(cores))),
                envOr(applied, "OMP_WAIT_POLICY", "default"), Map.copyOf(applied), loadSeconds);
        return report;
    }

    /** The report of the last {@link #init()}, or null before the engine was loaded. */
    public static synchronized EngineReport current() {
        return report;
    }

    private static String envOr(Map<String, String> applied, String key, String fallback) {
        String v = applied.get(key);
        if (v == null) {
            v = System.getenv(key);
        }
        return v == null ? fallback : v;
    }

    private static void setEnvUnlessUserSet(String key, String value, Map<String, String> applied) {
        String user = System.getenv(key);
        if (user != null && !user.isBlank()) {
            applied.put(key, user);
            return;
        }
        setEnv(key, value, applied);
    }

    private static void setEnv(String key, String value, Map<String, String> applied) {
        try {
            if (Platform.isWindows()) {
                MsvcRt.INSTANCE._putenv(key + "=" + value);
            } else {
                LibC.INSTANCE.setenv(key, value, 1);
            }
            applied.put(key, value);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // Not fatal: the engine still runs, only with its own defaults.
            System.err.println("warning: could not set " + key + ": " + e.getMessage());
        }
    }

    private static boolean cpuHasAvx2() {
        try {
            return Files.readString(Path.of("/proc/cpuinfo")).toLowerCase(Locale.ROOT).contains(" avx2");
        } catch (Exception e) {
            return false;
        }
    }

    private interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int setenv(String name, String value, int overwrite);
    }

    private interface MsvcRt extends Library {
        MsvcRt INSTANCE = Native.load("msvcrt", MsvcRt.class);

        int _putenv(String assignment);
    }
}
