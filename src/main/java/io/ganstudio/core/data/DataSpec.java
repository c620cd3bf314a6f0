package io.ganstudio.core.data;

/**
 * Where a run's images come from, as saved in config.json.
 *
 * @param kind   built-in Fashion-MNIST, a folder of images, or an IDX file
 * @param path   the folder or IDX images file; null for the built-in dataset
 * @param background RGB (0xRRGGBB) that transparent pixels are composited on, and that padding fills a folder's
 *                   small images with
 * @param fit    how images smaller than the model are brought to its size (absent in older config.json: resize)
 * @param limit  use only the first this many images; 0 for all (absent in older config.json: all)
 */
public record DataSpec(Kind kind, String path, int background, Fit fit, int limit) {

    public enum Kind { BUILT_IN, FOLDER, IDX }

    public static final int WHITE = 0xFFFFFF;

    public DataSpec {
        fit = fit == null ? Fit.RESIZE : fit;
        limit = Math.max(0, limit);
    }

    public DataSpec(Kind kind, String path, int background) {
        this(kind, path, background, Fit.RESIZE, 0);
    }

    public static DataSpec builtIn() {
        return new DataSpec(Kind.BUILT_IN, null, WHITE);
    }

    public static DataSpec folder(String path) {
        return new DataSpec(Kind.FOLDER, path, WHITE);
    }

    public static DataSpec idx(String path) {
        return new DataSpec(Kind.IDX, path, WHITE);
    }

    public DataSpec withFit(Fit newFit) {
        return new DataSpec(kind, path, background, newFit, limit);
    }

    public DataSpec withLimit(int newLimit) {
        return new DataSpec(kind, path, background, fit, newLimit);
    }

    /**
     * The fill for padded images as 0xRRGGBB, or -1 to resize. IDX files and the built-in set are MNIST-style
     * pictures on black, so they are padded with black (zero padding); folders with the background colour.
     */
    public int padFill() {
        if (fit != Fit.PAD) {
            return -1;
        }
        return kind == Kind.FOLDER ? background & 0xFFFFFF : 0;
    }

    /** A short name for titles and the status bar. */
    public String displayName() {
        return kind == Kind.BUILT_IN ? "Fashion-MNIST (built in)" : path;
    }
}
