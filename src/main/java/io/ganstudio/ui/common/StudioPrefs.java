package io.ganstudio.ui.common;

import io.ganstudio.core.engine.EngineChoice;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** What the studio remembers between starts, under the user preference node io/ganstudio. */
public final class StudioPrefs {

    private static final int RECENT_MAX = 8;
    private final Preferences node;

    public StudioPrefs(Preferences node) {
        this.node = node;
    }

    public static StudioPrefs user() {
        return new StudioPrefs(Preferences.userRoot().node("io/ganstudio"));
    }

    public Language language() {
        return Language.parse(node.get("language", Language.SYSTEM.name()));
    }

    public void setLanguage(Language l) {
        node.put("language", l.name());
    }

    /**
     * The engine the studio loads at its next start (View > Engine): auto until chosen; a value this version does not
     * know is auto too. {@code -Dganstudio.engine=...} on the command line wins over it.
     */
    public EngineChoice engine() {
        try {
            return EngineChoice.parse(node.get("engine", EngineChoice.AUTO.id()));
        } catch (IllegalArgumentException e) {
            return EngineChoice.AUTO;
        }
    }

    public void setEngine(EngineChoice engine) {
        node.put("engine", engine.id());
    }

    /** Presentation mode (View menu): off until switched on. */
    public boolean presentation() {
        return node.getBoolean("presentation", false);
    }

    public void setPresentation(boolean on) {
        node.putBoolean("presentation", on);
    }

    /** Window x, y, width, height; null until the window was closed once. */
    public double[] windowBounds() {
        double w = node.getDouble("window.width", -1);
        if (w <= 0) {
            return null;
        }
        return new double[] {node.getDouble("window.x", 0), node.getDouble("window.y", 0), w,
                node.getDouble("window.height", 800)};
    }

    public void setWindowBounds(double x, double y, double w, double h) {
        node.putDouble("window.x", x);
        node.putDouble("window.y", y);
        node.putDouble("window.width", w);
        node.putDouble("window.height", h);
    }

    public boolean windowMaximized() {
        return node.getBoolean("window.maximized", false);
    }

    public void setWindowMaximized(boolean m) {
        node.putBoolean("window.maximized", m);
    }

    public List<String> recentDataFolders() {
        return recent("recent.data");
    }

    public void addRecentDataFolder(String path) {
        addRecent("recent.data", path);
    }

    public List<String> recentRuns() {
        return recent("recent.runs");
    }

    public void addRecentRun(String path) {
        addRecent("recent.runs", path);
    }

    private List<String> recent(String key) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < RECENT_MAX; i++) {
            String v = node.get(key + "." + i, null);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private void addRecent(String key, String path) {
        List<String> list = recent(key);
        list.remove(path);
        list.add(0, path);
        for (int i = 0; i < RECENT_MAX; i++) {
            if (i < list.size()) {
                node.put(key + "." + i, list.get(i));
            } else {
                node.remove(key + "." + i);
            }
        }
    }
}
