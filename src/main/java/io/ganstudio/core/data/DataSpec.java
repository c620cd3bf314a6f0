package io.ganstudio.core.data;

/**
 * Where a run's images come from, as saved in config.json.
 *
 * @param kind   built-in Fashion-MNIST, a folder of images, or an IDX file
 * @param path   the folder or IDX images file; null for the built-in dataset
 * @param background RGB (0xRRGGBB) that transparent pixels are composited on
 */
public record DataSpec(Kind kind, String path, int background) {

    public enum Kind { BUILT_IN, FOLDER, IDX }

    public static final int WHITE = 0xFFFFFF;

    public static DataSpec builtIn() {
        return new DataSpec(Kind.BUILT_IN, null, WHITE);
    }

    public static DataSpec folder(String path) {
        return new DataSpec(Kind.FOLDER, path, WHITE);
    }

    public static DataSpec idx(String path) {
        return new DataSpec(Kind.IDX, path, WHITE);
    }

    /** A short name for titles and the status bar. */
    public String displayName() {
        return kind == Kind.BUILT_IN ? "Fashion-MNIST (built in)" : path;
    }
}
