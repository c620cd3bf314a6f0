package io.ganstudio.core.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
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

    /**
     * The nice value of the studio's background engine work (training, evaluation) where {@link #interactiveDevice()}
     * is split off: the lowest, so that whatever answers the user (Explore's renders, the JavaFX threads) takes the
     * cores whenever it runs.
     */
    public static final int BACKGROUND_NICE = 19;

    private static EngineReport report;
    private static boolean interactive;
    private static Device interactiveDevice;
    private static Device device = Device.cpu();

    private EngineSetup() {
    }

    /**
     * For the studio, before {@link #init()}: two MXNet worker threads instead of one, so that rendering in Explore
     * is not queued behind a whole training step (measured: slider redraw while training p50 490 ms -> 42 ms). The
     * CLI keeps one, which trains faster (measured at 32x32: 391 vs 338 img/s). On Linux also the split of
     * {@link #interactiveDevice()}: the user's renders on their own workers at normal priority, the rest at
     * {@link #BACKGROUND_NICE}. (With the split but one worker per context, renders still waited behind training:
     * first move of a drag p50 68 ms, measured; not traced further: MXNet shares its temporary-space resources among
     * all CPU contexts, and DJL places operations without an input in context 0.)
     */
    public static synchronized void preferInteractive() {
        if (report != null) {
            throw new IllegalStateException("the engine is already loaded: call preferInteractive() before init()");
        }
        interactive = true;
    }

    /**
     * Prepares and loads the engine that the system property {@value EngineChoice#PROPERTY} names (mxnet, pytorch or
     * auto; default auto), once; later calls return the same report.
     */
    public static synchronized EngineReport init() {
        if (report != null) {
            return report;
        }
        EngineReport loaded = init(EngineChoice.parse(System.getProperty(EngineChoice.PROPERTY,
                EngineChoice.AUTO.id())));
        String deviceProperty = System.getProperty(DeviceChoice.PROPERTY);
        if (deviceProperty != null) {
            useDevice(DeviceChoice.parse(deviceProperty));
        }
        return loaded;
    }

    /**
     * Chooses where the loaded engine computes, for every {@link #device()} from now on: the CPU (the default), the
     * first GPU, or for auto the GPU when the engine reports one. Call after {@link #init()}, before any networks are
     * made.
     *
     * @return the device it resolved to: cpu or gpu
     * @throws IllegalStateException before {@link #init()}, or for gpu where the engine sees none, saying what is
     *                               missing and what to do instead
     */
    public static synchronized DeviceChoice useDevice(DeviceChoice choice) {
        if (report == null) {
            throw new IllegalStateException("load the engine before choosing its device");
        }
        int gpus = gpuCount();
        DeviceChoice resolved = choice.resolve(gpus);
        if (resolved == DeviceChoice.GPU && gpus == 0) {
            throw new IllegalStateException("no GPU is available to the " + report.engine() + " engine here: "
                    + missingGpuReason() + "; train with --device cpu, or see docs/design.md for the GPU build");
        }
        if (resolved == DeviceChoice.GPU && interactiveDevice != null) {
            throw new IllegalStateException("the studio's split of CPU work cannot run on a GPU; start it with "
                    + "-Dganstudio.prioritySplit=off to use the GPU");
        }
        device = resolved == DeviceChoice.GPU ? Device.gpu() : Device.cpu();
        return resolved;
    }

    /** Why the loaded engine reports no GPU: its native library is a CPU build, or CUDA finds no card. */
    private static String missingGpuReason() {
        if (!Engine.getInstance().hasCapability(StandardCapabilities.CUDA)) {
            return "this build carries its CPU native library only (a CUDA build of the engine's native library is "
                    + "needed)";
        }
        return "the engine's CUDA library finds no GPU (no NVIDIA card, or no driver)";
    }

    /**
     * Where the networks of training, generating and benchmarks live: the CPU unless {@link #useDevice} chose a GPU.
     */
    public static synchronized Device device() {
        return device;
    }

    /** How many GPUs the loaded engine reports: 0 where its native library is a CPU build. */
    public static synchronized int gpuCount() {
        if (report == null) {
            throw new IllegalStateException("load the engine before asking for its GPUs");
        }
        return Engine.getInstance().getGpuCount();
    }

    /** The chosen device as it is recorded and shown: cpu or gpu. */
    public static synchronized DeviceChoice deviceChoice() {
        return Device.Type.GPU.equals(device.getDeviceType()) ? DeviceChoice.GPU : DeviceChoice.CPU;
    }

    /**
     * Prepares and loads the chosen engine once; later calls with a choice that resolves to the same engine return
     * the same report. DJL loads one default engine per process ({@code ai.djl.default_engine}, read once), so a
     * second engine needs a new process.
     *
     * @throws IllegalStateException when another engine is already loaded in this process
     */
    public static synchronized EngineReport init(EngineChoice choice) {
        EngineChoice engineChoice = choice.resolve();
        if (report != null) {
            if (!report.engine().equals(engineChoice.djlName())) {
                throw new IllegalStateException("the " + report.engine() + " engine is already loaded; "
                        + engineChoice.djlName() + " needs a new start of GAN Studio");
            }
            return report;
        }
        Map<String, String> applied = new LinkedHashMap<>();
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        // Every DJL call that does not name an engine (NDManager.newBaseManager(), Engine.getInstance()) uses this.
        System.setProperty("ai.djl.default_engine", engineChoice.djlName());
        setEnv("OPT_OUT_TRACKING", "true", applied);
        setEnv("DJL_OFFLINE", "true", applied);
        int cores = Runtime.getRuntime().availableProcessors();
        // MXNet's OpenMP default is half the logical CPUs; all of them measured 1.7x faster on 2 cores.
        setEnvUnlessUserSet("OMP_NUM_THREADS", Integer.toString(cores), applied);
        // Spinning OpenMP threads slow down badly under any concurrent load (the UI thread included).
        setEnvUnlessUserSet("OMP_WAIT_POLICY", "PASSIVE", applied);
        boolean mxnet = engineChoice == EngineChoice.MXNET;
        if (mxnet && Platform.isLinux() && Platform.isIntel() && cpuHasAvx2()) {
            // libmxnet's bundled OpenBLAS does not recognise newer CPUs and falls back to a generic kernel.
            setEnvUnlessUserSet("OPENBLAS_CORETYPE", "Haswell", applied);
        }
        if (mxnet && interactive) {
            setEnvUnlessUserSet("MXNET_CPU_WORKER_NTHREADS", "2", applied);
        }
        if (!mxnet && System.getProperty("ai.djl.pytorch.num_threads") == null) {
            // PyTorch's own default is the physical cores; the same count as OpenMP's above, said explicitly.
            System.setProperty("ai.djl.pytorch.num_threads", envOr(applied, "OMP_NUM_THREADS",
                    Integer.toString(cores)));
        }
        // The user's DJL_CACHE_DIR, else the app-data folder when installed, else DJL's default (~/.djl.ai).
        AppDirs.applyDjlCacheDefault();
        long t0 = System.nanoTime();
        Engine engine = mxnet && interactive && !"off".equals(System.getProperty("ganstudio.prioritySplit"))
                ? loadWithInteractiveDevice() : load(engineChoice);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        int threads = mxnet ? Integer.parseInt(envOr(applied, "OMP_NUM_THREADS", Integer.toString(cores)))
                : Integer.parseInt(System.getProperty("ai.djl.pytorch.num_threads"));
        report = new EngineReport(engine.getEngineName(), engine.getVersion(), cores, threads,
                envOr(applied, "OMP_WAIT_POLICY", "default"), Map.copyOf(applied), loadSeconds, choice.id());
        Autograd.use(engineChoice);
        return report;
    }

    /** The engine that is loaded: MXNet or PyTorch; null before {@link #init()}. */
    public static synchronized EngineChoice engine() {
        return report == null ? null : EngineChoice.ofDjlName(report.engine());
    }

    private static Engine load(EngineChoice engineChoice) {
        Engine engine;
        try {
            engine = Engine.getEngine(engineChoice.djlName());
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            // DJL's EngineException or a native library that does not fit this system (MXNet on ARM, say).
            throw new IllegalStateException("the " + engineChoice.djlName() + " engine could not be loaded on this "
                    + "computer (" + e.getMessage() + "); choose another with --engine", e);
        }
        if (engine == null) {
            throw new IllegalStateException("the " + engineChoice.djlName() + " engine is not part of this build");
        }
        if (!Engine.getInstance().getEngineName().equals(engine.getEngineName())) {
            throw new IllegalStateException("DJL's default engine is " + Engine.getInstance().getEngineName()
                    + ", not the chosen " + engine.getEngineName() + ": something used DJL before the engine was set up");
        }
        return engine;
    }

    /**
     * Where work that answers the user runs (Explore's generator): in the studio on Linux, MXNet's CPU context 1,
     * whose worker threads run at normal priority, while everything else (training above all) runs in context 0,
     * whose workers run at {@link #BACKGROUND_NICE}. Both are the same CPU and memory; MXNet gives each context its
     * own worker threads, and a thread's priority passes to the threads it creates (the workers' OpenMP helpers).
     * Elsewhere (the command line, other systems) {@link #device()}. Valid after {@link #init()}.
     */
    public static synchronized Device interactiveDevice() {
        return interactiveDevice != null ? interactiveDevice : device;
    }

    /** Whether {@link #interactiveDevice()} is split off, so that the user's work goes first without waiting. */
    public static synchronized boolean interactiveGoesFirst() {
        return interactiveDevice != null;
    }

    /**
     * Loads the engine on a thread at {@link #BACKGROUND_NICE} that also starts context 0's workers, so that they
     * inherit its priority; then this thread (normal priority) starts context 1's. If the priority cannot be lowered
     * (not Linux) or DJL has no such device, the engine loads as usual and nothing is split.
     */
    private static Engine loadWithInteractiveDevice() {
        Engine[] loaded = new Engine[1];
        boolean[] lowered = new boolean[1];
        RuntimeException[] failed = new RuntimeException[1];
        Thread background = new Thread(() -> {
            try {
                lowered[0] = lowerCurrentThreadPriority(BACKGROUND_NICE);
                loaded[0] = Engine.getEngine("MXNet");
                if (lowered[0]) {
                    startWorkers(Device.cpu());
                }
            } catch (RuntimeException e) {
                failed[0] = e;
            }
        }, "mxnet-background");
        background.start();
        try {
            background.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the engine", e);
        }
        if (failed[0] != null) {
            throw failed[0];
        }
        if (lowered[0]) {
            Device second = cpuContext(1);
            if (second != null) {
                startWorkers(second);
                interactiveDevice = second;
            }
        }
        return loaded[0];
    }

    /**
     * A parameter store for blocks whose arrays live in {@code manager}: DJL's own, except on
     * {@link #interactiveDevice()}. DJL's looks parameters up by the device their input reports in a hash map, and a
     * CPU array made by an operation reports the plain CPU device (id -1) but one made by a manager that manager's
     * device; CPU devices are equal whatever their id but hash by it, so on a second CPU context it finds nothing.
     * Without copies (one device, no parameter server) its answer is the parameter's array; the store for that
     * context gives exactly that, for any device.
     */
    public static ParameterStore parameterStore(NDManager manager) {
        Device device = manager.getDevice();
        if (Device.Type.CPU.equals(device.getDeviceType()) && device.getDeviceId() != Device.cpu().getDeviceId()) {
            return new ParameterStore(manager, false) {
                @Override
                public NDArray getValue(Parameter parameter, Device any, boolean training) {
                    return parameter == null ? null : parameter.getArray();
                }
            };
        }
        return new ParameterStore(manager, false);
    }

    /** Runs one small operation on {@code device}, so that MXNet creates its worker threads from this thread. */
    private static void startWorkers(Device device) {
        try (NDManager manager = NDManager.newBaseManager(device)) {
            PortableOps.create(manager, new float[] {1f}, new Shape(1)).add(1f).toFloatArray();
        }
    }

    /** DJL maps every CPU device to context 0 ({@code Device.of} and {@code Device.cpu(int)} both do). */
    private static Device cpuContext(int id) {
        try {
            var constructor = Device.class.getDeclaredConstructor(String.class, int.class);
            constructor.setAccessible(true);
            return constructor.newInstance(Device.Type.CPU, id);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
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

    /**
     * Lowers the calling thread's priority to {@code nice} (0 normal .. 19 lowest) on Linux; threads it creates
     * inherit it. Every user may lower it, not raise it back, so only for threads made for that purpose.
     *
     * @return whether it took effect (false on other systems, or where the C library does not allow it)
     */
    private static boolean lowerCurrentThreadPriority(int nice) {
        if (!Platform.isLinux()) {
            return false;
        }
        try {
            int tid = LibC.INSTANCE.gettid();
            return LibC.INSTANCE.setpriority(LibC.PRIO_PROCESS, tid, nice) == 0
                    && LibC.INSTANCE.getpriority(LibC.PRIO_PROCESS, tid) == nice;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false;
        }
    }

    private interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);
        int PRIO_PROCESS = 0;

        int setenv(String name, String value, int overwrite);

        int gettid();

        int setpriority(int which, int who, int prio);

        int getpriority(int which, int who);
    }

    private interface MsvcRt extends Library {
        MsvcRt INSTANCE = Native.load("msvcrt", MsvcRt.class);

        int _putenv(String assignment);
    }
}
