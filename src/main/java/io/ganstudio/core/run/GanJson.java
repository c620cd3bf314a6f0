package io.ganstudio.core.run;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.util.regex.Pattern;

/** The one Gson setup for files people may read: config.json and checkpoint headers. Enums are written by name. */
public final class GanJson {

    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    private static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().create();

    /** The longest reason {@link #reason} gives: Gson's own messages can hold a JSON path of any length. */
    public static final int MAX_REASON = 80;

    private static final Pattern EXCEPTION_NAME = Pattern.compile("^([a-zA-Z_$][\\w$]*\\.)+[\\w$]*(Exception|Error):\\s*");
    private static final Pattern PATH = Pattern.compile("\\s*path \\$.*");

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

    /** Gson's failure as one short line ({@link #reason}), naming the root cause where Gson wraps one. */
    private static JsonParseException oneLine(RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new JsonParseException(reason(root), e);
    }

    /**
     * The JSON tree of a file's text. Nesting deeper than Gson's limit (255) is refused like any other damage.
     *
     * @param name the file, for the message
     * @throws IOException "NAME is not valid JSON (short reason); fix or restore it"
     */
    public static JsonElement parseTree(Object name, String text) throws IOException {
        try {
            return JsonParser.parseString(text);
        } catch (JsonParseException | IllegalStateException e) {
            throw notJson(name, e);
        }
    }

    /** "NAME is not valid JSON (short reason); fix or restore it", keeping the cause. */
    public static IOException notJson(Object name, RuntimeException e) {
        return new IOException(name + " is not valid JSON (" + reason(e) + "); fix or restore it", e);
    }

    /**
     * Gson's message made short enough for one line: without the exception's class name, the JSON path (which
     * repeats once per nesting level: hundreds of characters for a deeply nested file), the link to Gson's
     * troubleshooting page, and cut to {@value #MAX_REASON} characters.
     */
    public static String reason(Throwable e) {
        String text = e.getMessage() == null && e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        if (text == null || text.isBlank()) {
            return e.getClass().getSimpleName();
        }
        text = text.strip();
        String previous;
        do {
            previous = text;
            text = EXCEPTION_NAME.matcher(text).replaceFirst("");
        } while (!text.equals(previous));
        int see = text.indexOf("\nSee ");
        text = see >= 0 ? text.substring(0, see) : text;
        text = text.lines().findFirst().orElse("");
        text = PATH.matcher(text).replaceFirst("").strip();
        if (text.length() > MAX_REASON) {
            text = text.substring(0, MAX_REASON - 3).strip() + "...";
        }
        return text.isEmpty() ? e.getClass().getSimpleName() : text;
    }
}
