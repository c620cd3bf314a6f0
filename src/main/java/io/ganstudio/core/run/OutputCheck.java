package io.ganstudio.core.run;

import io.ganstudio.core.files.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one check before a file a person named is written (a command's --out, --csv, --gif, a studio export): it is
 * never one of a run folder's own files (config.json, metrics.csv, checkpoints/, samples/... of any run, which
 * only that run's trainer writes), never replaces a file of another kind (a grid over notes.txt, a CSV over a
 * checkpoint), replaces a file of the same kind only when asked to, and its folder can be written, so that a
 * command fails before its work rather than after it.
 */
public final class OutputCheck {

    /** What an output is; an existing file is replaced only by one of the same kind. */
    public enum Kind {
        IMAGE("an image"), GIF("a GIF"), CSV("a CSV table"), JSON("a JSON file"), LESSON("a lesson file"),
        DATA("a data file");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** The run-folder entries outputs never write into: the trainer's own, and the anomaly encoder's folder. */
    private static final List<String> RUN_ENTRIES;

    static {
        List<String> entries = new ArrayList<>(RunFolder.OWN_ENTRIES);
        entries.add("anomaly");
        RUN_ENTRIES = List.copyOf(entries);
    }

    private OutputCheck() {
    }

    /**
     * Why {@code file} may not be written as {@code kind}, or null when it may: it is a run's own file, a folder or
     * a file of another kind, or (without {@code replace}) any existing file. The text names what is there.
     */
    public static String conflict(Path file, Kind kind, boolean replace) {
        String owned = runOwned(file);
        if (owned != null) {
            return owned;
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (Files.isDirectory(file)) {
            return "this is a folder; name a file";
        }
        if (!Files.isRegularFile(file)) {
            return "something that is not a plain file is there; name another file";
        }
        if (!isKind(file, kind)) {
            return "a file that is not " + kind.words() + " is there and is never replaced; choose another name "
                    + "or move that file away";
        }
        return replace ? null : "the file exists; add --force to replace it, or choose another name";
    }

    /**
     * For a file picked in a save dialog, which has already asked before replacing one: refuses a run's own file, a
     * folder and a file of another kind, with the path and what is there.
     */
    public static void requireChosen(Path file, Kind kind) throws IOException {
        String problem = conflict(file, kind, true);
        if (problem != null) {
            throw new IOException(file + ": " + problem);
        }
        String unwritable = unwritable(file.toAbsolutePath().getParent());
        if (unwritable != null) {
            throw new IOException(unwritable);
        }
    }

    /** For a folder picked to write files into: refuses one of a run's own folders (samples/, checkpoints/...). */
    public static void requireChosenFolder(Path dir) throws IOException {
        String owned = runOwned(dir.resolve("file"));
        if (owned != null) {
            throw new IOException(dir + ": " + owned.replace("choose a file", "choose a folder"));
        }
        String unwritable = unwritable(dir);
        if (unwritable != null) {
            throw new IOException(unwritable);
        }
    }

    /**
     * Why {@code path} may not be written because it is one of a run folder's own files or folders (of any run: a
     * folder above it holds config.json), or null. Links in the folders above are followed, so a link to a run's
     * checkpoints/ counts as that folder.
     */
    public static String runOwned(Path path) {
        String lexical = runOwnedAlong(path.toAbsolutePath().normalize());
        if (lexical != null) {
            return lexical;
        }
        Path real = realPath(path);
        return real == null ? null : runOwnedAlong(real);
    }

    private static String runOwnedAlong(Path path) {
        for (Path dir = path.getParent(); dir != null; dir = dir.getParent()) {
            if (looksLikeRun(dir)) {
                String entry = dir.relativize(path).getName(0).toString();
                if (RUN_ENTRIES.contains(entry) || entry.endsWith(AtomicFiles.TEMP_SUFFIX)) {
                    boolean whole = dir.relativize(path).getNameCount() == 1;
                    return "this is " + (whole ? "" : "inside ") + entry + " of the run folder " + dir
                            + ", which only that run writes; choose a file outside the run's own files";
                }
            }
        }
        return null;
    }

    /**
     * Whether a folder holds a run: config.json and one of the other entries a run starts with, or a config.json
     * with a run's settings (a folder that only happens to hold some other program's config.json is no run).
     */
    private static boolean looksLikeRun(Path dir) {
        if (!Files.isRegularFile(dir.resolve(RunFolder.CONFIG))) {
            return false;
        }
        if (Files.exists(dir.resolve(RunFolder.METRICS)) || Files.isDirectory(dir.resolve(RunFolder.CHECKPOINTS))
                || Files.isDirectory(dir.resolve(RunFolder.SAMPLES))) {
            return true;
        }
        try (InputStream in = Files.newInputStream(dir.resolve(RunFolder.CONFIG))) {
            String head = new String(in.readNBytes(1 << 16), StandardCharsets.UTF_8);
            return head.contains("\"model\"") && head.contains("\"train\"");
        } catch (IOException e) {
            return true; // unreadable: count it as a run, the safe side
        }
    }

    /** The path with every link in its existing part resolved; null when nothing of it can be resolved. */
    private static Path realPath(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return null;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Why nothing can be written in {@code dir} (created later where missing), or null when it can: the nearest
     * existing folder of its path is not a folder, or is read-only or not writable by this user. Checked before a
     * command's work, so that it does not fail only at the end.
     */
    public static String unwritable(Path dir) {
        Path p = dir.toAbsolutePath().normalize();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return null;
        }
        if (!Files.isDirectory(p)) {
            return "cannot write in " + dir + ": " + p + " is a file, not a folder";
        }
        if (!Files.isWritable(p)) {
            return "cannot write in " + p + ": " + (readOnlyStore(p) ? "read-only file system" : "permission denied");
        }
        return null;
    }

    private static boolean readOnlyStore(Path p) {
        try {
            return Files.getFileStore(p).isReadOnly();
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether an existing file's first bytes say it is of this kind (an empty file counts as any kind). */
    static boolean isKind(Path file, Kind kind) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        } catch (IOException e) {
            return false;
        }
        if (head.length == 0) {
            return true;
        }
        return switch (kind) {
            case IMAGE -> startsWith(head, 0x89, 'P', 'N', 'G') || startsWith(head, 0xFF, 0xD8, 0xFF);
            case GIF -> startsWith(head, 'G', 'I', 'F', '8');
            case LESSON -> startsWith(head, 'P', 'K', 3, 4);
            case CSV -> isText(head) && firstLine(head).contains(",");
            case JSON -> isText(head) && (firstLine(head).strip().startsWith("{")
                    || firstLine(head).strip().startsWith("["));
            case DATA -> false;
        };
    }

    private static boolean startsWith(byte[] head, int... bytes) {
        if (head.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isText(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
