package io.ganstudio.core.data;

import io.ganstudio.core.text.Phrase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One image file prepared exactly as training images are (centre square, resized or padded to the run's size,
 * transparency composited on the run's background), for projecting a photo into a generator's latent space.
 */
public final class SingleImage {

    private SingleImage() {
    }

    /**
     * @param pixels        CHW floats in [-1, 1] with the model's channels
     * @param madeGray      a colour image was turned gray (luminance) for a grayscale model
     * @param width         the file's width in pixels
     * @param height        the file's height in pixels
     */
    public record Prepared(float[] pixels, boolean madeGray, int width, int height) {
    }

    /**
     * Reads and prepares one image for a model of {@code size} x {@code size} pixels and {@code channels} channels.
     *
     * @throws DatasetException with a reason a person can act on: not found, not an image, damaged, too large
     */
    public static Prepared read(Path file, DataSpec spec, int size, int channels) throws DatasetException {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(Phrase.of("image.notFound", file));
        }
        long length;
        try {
            length = Files.size(file);
        } catch (IOException e) {
            throw new DatasetException(Phrase.of("image.unreadable", file, e.getMessage()));
        }
        // IDX files and the built-in set are pictures on black: a transparent photo goes on black for them too.
        int background = spec.kind() == DataSpec.Kind.FOLDER ? spec.background() & 0xFFFFFF : 0;
        ImageFileReader.Outcome o = ImageFileReader.read(file, length, size, background, spec.padFill());
        if (o instanceof ImageFileReader.Rejected r) {
            throw new DatasetException(r.reason());
        }
        ImageFileReader.Decoded d = (ImageFileReader.Decoded) o;
        int plane = size * size;
        float[] out = new float[channels * plane];
        byte[] rgb = d.rgb();
        boolean madeGray = channels == 1 && !d.gray();
        for (int p = 0; p < plane; p++) {
            float r = rgb[p] & 0xFF;
            float g = rgb[plane + p] & 0xFF;
            float b = rgb[2 * plane + p] & 0xFF;
            if (channels == 1) {
                out[p] = (0.299f * r + 0.587f * g + 0.114f * b) * (2f / 255f) - 1f;
            } else {
                out[p] = r * (2f / 255f) - 1f;
                out[plane + p] = g * (2f / 255f) - 1f;
                out[2 * plane + p] = b * (2f / 255f) - 1f;
            }
        }
        return new Prepared(out, madeGray, d.width(), d.height());
    }
}
