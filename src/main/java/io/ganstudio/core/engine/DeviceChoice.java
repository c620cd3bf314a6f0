package io.ganstudio.core.engine;

import java.util.Locale;

/**
 * Where the engine computes: the CPU, a GPU, or {@link #AUTO} (the first GPU when the engine reports one, else the
 * CPU). A run records the device it trained on in its config.json ({@link #id()}); a config.json without it was
 * written before the choice existed and trained on the CPU.
 */
public enum DeviceChoice {
    CPU("cpu"),
    GPU("gpu"),
    AUTO("auto");

    /** The system property that names the device for {@link EngineSetup#init()} (one of the ids; default cpu). */
    public static final String PROPERTY = "ganstudio.device";

    private final String id;

    DeviceChoice(String id) {
        this.id = id;
    }

    /** The name on the command line and in config.json: cpu, gpu or auto. */
    public String id() {
        return id;
    }

    /** The device this choice means where the engine reports {@code gpuCount} GPUs: itself, or for auto GPU or CPU. */
    public DeviceChoice resolve(int gpuCount) {
        if (this != AUTO) {
            return this;
        }
        return gpuCount > 0 ? GPU : CPU;
    }

    /**
     * The choice a command line or a setting names: cpu, gpu or auto, in any case.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static DeviceChoice parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (DeviceChoice c : values()) {
            if (c.id.equals(t)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown device '" + text + "': use cpu, gpu or auto");
    }

    /**
     * The device a run recorded in its config.json: null (a run from before the choice existed) is the CPU.
     *
     * @throws IllegalArgumentException for anything but cpu or gpu
     */
    public static DeviceChoice ofRecorded(String recorded) {
        if (recorded == null) {
            return CPU;
        }
        DeviceChoice c = parse(recorded);
        if (c == AUTO) {
            throw new IllegalArgumentException("a run records the device it trained on, not 'auto'");
        }
        return c;
    }
}
