package io.ganstudio.core.data;

import io.ganstudio.core.text.Phrase;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes one image file into a square, resized, RGB byte image, or says in plain words why it cannot.
 * Never throws for a bad file: hostile input is an expected outcome, not an error.
 */
final class ImageFileReader {

    /** Decompression-bomb guard: images claiming more pixels than this are refused before decoding. */
    static final long MAX_PIXELS = 100_000_000L;

    static final String READABLE = "PNG, JPEG, BMP, GIF, WebP or TIFF";

    /** Extensions that are certainly not images, so they are skipped without being opened. */
    private static final Set<String> NOT_IMAGES = Set.of("txt", "md", "json", "csv", "tsv", "xml", "html", "htm",
            "pdf", "zip", "gz", "tgz", "tar", "7z", "rar", "mp4", "mov", "avi", "mkv", "webm", "mp3", "wav", "doc",
            "docx", "xls", "xlsx", "ppt", "pptx", "py", "java", "js", "sh", "exe", "dll", "so", "db", "ini", "log",
            "yaml", "yml", "npy", "npz", "pt", "pth", "params", "ds_store");

    /** Image formats people often have that ImageIO cannot read, with what to do about them. */
    private static final Map<String, Phrase> UNSUPPORTED = Map.of(
            "heic", Phrase.of("data.skip.heic"),
            "heif", Phrase.of("data.skip.heif"),
            "avif", Phrase.of("data.skip.avif"),
            "svg", Phrase.of("data.skip.svg"),
            "psd", Phrase.of("data.skip.psd"));

    sealed interface Outcome permits Decoded, Rejected {
    }

    /** A decoded image: {@code 3 * size * size} bytes CHW, whether it was gray, its format and original size. */
    record Decoded(byte[] rgb, boolean gray, String format, int width, int height) implements Outcome {
    }

    record Rejected(Phrase reason) implements Outcome {
    }

    private ImageFileReader() {
    }

    /** @param pad fill (0xRRGGBB) for images smaller than {@code size}, or -1 to resize them */
    static Outcome read(Path file, long length, int size, int background, int pad) {
        String ext = extension(file);
        if (length == 0) {
            return new Rejected(Phrase.of("data.skip.empty"));
        }
        if (UNSUPPORTED.containsKey(ext)) {
            return new Rejected(UNSUPPORTED.get(ext));
        }
        if (NOT_IMAGES.contains(ext)) {
            return new Rejected(Phrase.of("data.skip.notImageExt", ext));
        }
        if (!Files.isReadable(file)) {
            return new Rejected(Phrase.of("data.skip.noPermission"));
        }
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            Outcome outcome = decode(in, size, background, pad);
            if (outcome instanceof Decoded d && "jpeg".equals(d.format())) {
                int orientation = ExifOrientation.read(file);
                return new Decoded(ExifOrientation.apply(d.rgb(), 3, size, orientation), d.gray(), d.format(),
                        d.width(), d.height());
            }
            return outcome;
        } catch (FileNotFoundException e) {
            return new Rejected(Phrase.of("data.skip.cannotOpen", e.getMessage()));
        } catch (IOException e) {
            return new Rejected(Phrase.of("data.skip.cannotRead", e.getMessage()));
        }
    }

    private static Outcome decode(ImageInputStream in, int size, int background, int pad) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            return new Rejected(Phrase.of("data.skip.unknownFormat", READABLE));
        }
        ImageReader reader = readers.next();
        int w = -1;
        int h = -1;
        try {
            reader.setInput(in, true, true);
            w = reader.getWidth(0);
            h = reader.getHeight(0);
            if (w <= 0 || h <= 0) {
                return new Rejected(Phrase.of("data.skip.badSize", w, h));
            }
            if ((long) w * h > MAX_PIXELS) {
                return new Rejected(Phrase.of("data.skip.tooLarge", w, h,
                        String.format(Locale.ROOT, "%.0f", w * (double) h / 1e6), MAX_PIXELS / 1_000_000));
            }
            int m = Math.min(w, h);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceRegion(new Rectangle((w - m) / 2, (h - m) / 2, m, m));
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener(warningsInto(warnings));
            BufferedImage image = reader.read(0, param);
            String truncated = truncation(warnings);
            if (truncated != null) {
                return new Rejected(Phrase.of("data.skip.truncatedWhy", truncated));
            }
            ImageRows rows = new ImageRows(image, background);
            byte[] rgb = Resampler.fit(rows, size, pad);
            return new Decoded(rgb, rows.isGray(), reader.getFormatName().toLowerCase(Locale.ROOT), w, h);
        } catch (OutOfMemoryError e) {
            return new Rejected(Phrase.of("data.skip.noMemory", w, h));
        } catch (IOException e) {
            if (hasEof(e)) {
                return new Rejected(Phrase.of("data.skip.truncated"));
            }
            return new Rejected(Phrase.of("data.skip.damagedOrUnsupported", e.getMessage()));
        } catch (RuntimeException e) {
            // Plugins throw unchecked exceptions on some corrupt data; that is a damaged file, not a bug of ours.
            return new Rejected(Phrase.of("data.skip.damaged", e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        } finally {
            reader.dispose();
        }
    }

    private static IIOReadWarningListener warningsInto(List<String> warnings) {
        return (source, warning) -> warnings.add(warning);
    }

    private static String truncation(List<String> warnings) {
        for (String w : warnings) {
            String lower = w.toLowerCase(Locale.ROOT);
            if (lower.contains("premature end") || lower.contains("truncated")) {
                return w;
            }
        }
        return null;
    }

    private static boolean hasEof(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException
                    || (t.getMessage() != null && t.getMessage().contains("Unexpected end of ZLIB"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the file name alone shows it is no image (a .txt, a video, an archive). */
    static boolean surelyNotImage(Path file) {
        String ext = extension(file);
        return NOT_IMAGES.contains(ext) || UNSUPPORTED.containsKey(ext);
    }

    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
