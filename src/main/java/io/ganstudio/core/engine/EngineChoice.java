package io.ganstudio.core.engine;

import java.util.Locale;

/**
 * Which of DJL's engines runs the networks: MXNet (the first engine, fastest on x86-64 CPUs) or PyTorch (the one
 * with a native for Apple Silicon), or {@link #AUTO}. A run records the engine it trained on in its config.json
 * ({@link #id()}); a config.json without it was written before the choice existed and trained on MXNet.
 */
public enum EngineChoice {
    MXNET("mxnet", "MXNet"),
    PYTORCH("pytorch", "PyTorch"),
    /** MXNet where its native library exists (x86-64: Linux, Windows, macOS), PyTorch elsewhere. */
    AUTO("auto", null);

    /** The system property that names the engine for {@link EngineSetup#init()} (one of the ids; default auto). */
    public static final String PROPERTY = "ganstudio.engine";

    private final String id;
    private final String djlName;

    EngineChoice(String id, String djlName) {
        this.id = id;
        this.djlName = djlName;
    }

    /** The name on the command line and in config.json: mxnet, pytorch or auto. */
    public String id() {
        return id;
    }

    /** DJL's name of the engine ("MXNet", "PyTorch"); for {@link #AUTO} that of the engine it resolves to. */
    public String djlName() {
        return resolve().djlName;
    }

    /** The engine this choice means on this computer: itself, or for {@link #AUTO} the one whose native fits. */
    public EngineChoice resolve() {
        if (this != AUTO) {
            return this;
        }
        return mxnetNativeFits(System.getProperty("os.arch", "")) ? MXNET : PYTORCH;
    }

    /** Whether MXNet's native library is built for this processor: x86-64 only (no ARM build was ever made). */
    static boolean mxnetNativeFits(String osArch) {
        String arch = osArch.toLowerCase(Locale.ROOT);
        return arch.equals("amd64") || arch.equals("x86_64");
    }

    /**
     * The choice a command line or a setting names: mxnet, pytorch or auto, in any case.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static EngineChoice parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (EngineChoice c : values()) {
            if (c.id.equals(t)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown engine '" + text + "': use mxnet, pytorch or auto");
    }

    /**
     * The engine a run recorded in its config.json: null (a run from before the choice existed) is MXNet.
     *
     * @throws IllegalArgumentException for anything but mxnet or pytorch
     */
    public static EngineChoice ofRecorded(String recorded) {
        if (recorded == null) {
            return MXNET;
        }
        EngineChoice c = parse(recorded);
        if (c == AUTO) {
            throw new IllegalArgumentException("a run records the engine it trained on, not 'auto'");
        }
        return c;
    }

    /** The choice of the engine DJL calls {@code djlName} ("MXNet", "PyTorch"). */
    public static EngineChoice ofDjlName(String djlName) {
        for (EngineChoice c : values()) {
            if (c.djlName != null && c.djlName.equals(djlName)) {
                return c;
            }
        }
        throw new IllegalArgumentException("GAN Studio does not run on DJL's engine " + djlName);
    }
}
