package io.ganstudio.core.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The image file types the program writes, chosen by a file name's extension: PNG and JPEG. */
public final class ImageFormats {
    /** The image file types written, by extension: what a user may name as an image output. */
    public static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg");

    private ImageFormats() {
    }

    /** ImageIO's format name for an image file's extension ("png", "jpeg"), or null for any other. */
    public static String formatOf(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return "png";
        }
        return name.endsWith(".jpg") || name.endsWith(".jpeg") ? "jpeg" : null;
    }

    /** "an image file is written as PNG or JPEG, so its name ends with one of ...", for a refused name. */
    public static String extensionsHint() {
        return "an image file is written as PNG or JPEG, so its name ends with one of " + String.join(", ", EXTENSIONS);
    }
}
