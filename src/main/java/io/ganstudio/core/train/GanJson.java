package io.ganstudio.core.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;

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

    /**
     * Reads a value from JSON that came from a file: whatever Gson throws on content it cannot bind (a missing
     * record field that the record's constructor refuses, a number out of range, a wrong type) comes back as one
     * {@link JsonParseException} whose message is one line.
     */
    public static <T> T fromFile(String json, Class<T> type) {
        try {
            return COMPACT.fromJson(json, type);
        } catch (RuntimeException e) {
            throw oneLine(e);
        }
    }

    /** As {@link #fromFile(String, Class)}, for JSON already parsed. */
    public static <T> T fromFile(JsonElement json, Class<T> type) {
        try {
            return COMPACT.fromJson(json, type);
        } catch (RuntimeException e) {
            throw oneLine(e);
        }
    }

    private static JsonParseException oneLine(RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = root == e ? String.valueOf(e.getMessage()) : root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + root.getMessage());
        why = why.replaceAll("\\s+", " ").strip();
        if (why.length() > 200) {
            why = why.substring(0, 200) + "...";
        }
        return new JsonParseException(why, e);
    }
}
