package io.ganstudio.core.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** The one Gson setup for files people may read: config.json and checkpoint headers. Enums are written by name. */
public final class GanJson {

    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    private static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().create();

    private GanJson() {
    }

    public static Gson pretty() {
        return PRETTY;
    }

    public static Gson compact() {
        return COMPACT;
    }
}
