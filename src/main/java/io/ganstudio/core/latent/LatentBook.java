package io.ganstudio.core.latent;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import io.ganstudio.core.files.AtomicFiles;
import io.ganstudio.core.files.TextFiles;
import io.ganstudio.core.run.GanJson;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A run's kept points and directions in latent space, as {@code latents.json} in the run folder: named bookmarks
 * (a seed, a projected photo, an edited point) and named directions (principal directions, class directions).
 * Written atomically, so a crash never leaves half a file; a damaged file is reported, never silently replaced.
 * Several programs may hold the same book (the studio's Explore, the {@code directions} and {@code project}
 * commands): each change is saved as a read-modify-write under a lock, so no one's bookmark or direction is lost to
 * another's save.
 */
public final class LatentBook {

    /** The file's name in a run folder. */
    public static final String FILE = "latents.json";

    /**
     * @param name   what the person called it (unique within the book)
     * @param z      the latent vector
     * @param label  its class for a conditional run, or -1
     * @param source where it came from: "seed 12", "projection of bag.png", ...
     */
    public record Bookmark(String name, float[] z, int label, String source) {
        public Bookmark {
            Objects.requireNonNull(name);
            z = z.clone();
        }
    }

    /**
     * A named unit direction in z.
     *
     * @param accuracy a class direction's balanced accuracy on held-out samples (0.5 = chance; see
     *                 {@link ClassDirections}), or null for other directions
     */
    public record Direction(String name, float[] z, Double accuracy) {
        public Direction {
            Objects.requireNonNull(name);
            z = z.clone();
        }

        public Direction(String name, float[] z) {
            this(name, z, null);
        }
    }

    private record Stored(int latentSize, List<Bookmark> bookmarks, List<Direction> directions) {
    }

    /** The file as read, before any check: every field may be missing. */
    private record Raw(Integer latentSize, List<RawEntry> bookmarks, List<RawEntry> directions) {
    }

    private record RawEntry(String name, float[] z, Integer label, String source, Double accuracy) {
    }

    /**
     * The largest latents.json that is read (16 MiB): hundreds of bookmarks and directions of the largest latent
     * size (1,024) fit. A larger file is refused before it is read.
     */
    public static final long MAX_BYTES = 16L << 20;

    private final Path file;
    private final int latentSize;
    private final List<Bookmark> bookmarks;
    private final List<Direction> directions;

    private LatentBook(Path file, int latentSize, List<Bookmark> bookmarks, List<Direction> directions) {
        this.file = file;
        this.latentSize = latentSize;
        this.bookmarks = new ArrayList<>(bookmarks);
        this.directions = new ArrayList<>(directions);
    }

    /**
     * The book of a run folder: empty when it has no latents.json yet.
     *
     * @throws IOException when the file exists but cannot be read or is damaged (it says which)
     */
    public static LatentBook open(Path runDir, int latentSize) throws IOException {
        Path f = runDir.resolve(FILE);
        String text;
        try {
            long size = Files.size(f);
            if (size > MAX_BYTES) {
                throw new IOException(f + " is " + (size >> 20) + " MiB, more than a book of latent vectors holds ("
                        + (MAX_BYTES >> 20) + " MiB): move it away to start a new one");
            }
            text = TextFiles.readUtf8(f);
        } catch (NoSuchFileException e) {
            return new LatentBook(f, latentSize, List.of(), List.of());
        }
        Raw s;
        try {
            s = reader(latentSize).fromJson(text, Raw.class);
        } catch (RuntimeException e) {
            throw new IOException(f + " is damaged (" + GanJson.reason(e) + "): move it away to start a new one", e);
        }
        if (s == null || s.latentSize() == null || s.latentSize() != latentSize) {
            throw new IOException(f + " holds vectors of size " + (s == null || s.latentSize() == null ? "?"
                    : s.latentSize()) + ", this run's are " + latentSize + ": move it away to start a new one");
        }
        List<Bookmark> bookmarks = new ArrayList<>();
        List<Direction> directions = new ArrayList<>();
        List<RawEntry> rawBookmarks = s.bookmarks() == null ? List.of() : s.bookmarks();
        List<RawEntry> rawDirections = s.directions() == null ? List.of() : s.directions();
        for (int i = 0; i < rawBookmarks.size(); i++) {
            RawEntry e = rawBookmarks.get(i);
            checkEntry(f, "bookmark", i, e, latentSize);
            bookmarks.add(new Bookmark(e.name(), e.z(), e.label() == null ? -1 : e.label(), e.source()));
        }
        for (int i = 0; i < rawDirections.size(); i++) {
            RawEntry e = rawDirections.get(i);
            checkEntry(f, "direction", i, e, latentSize);
            if (e.accuracy() != null && !(e.accuracy() >= 0 && e.accuracy() <= 1)) {
                throw bad(f, "direction", i, e, "has an accuracy of " + e.accuracy());
            }
            directions.add(new Direction(e.name(), e.z(), e.accuracy()));
        }
        return new LatentBook(f, latentSize, bookmarks, directions);
    }

    /**
     * A bad entry refuses the whole file: dropping it would lose it for good at the next save, so nothing is saved
     * over a file that was not read completely.
     */
    private static void checkEntry(Path f, String kind, int i, RawEntry e, int latentSize) throws IOException {
        if (e == null) {
            throw new IOException(f + " is damaged (its " + kind + " " + (i + 1) + " is empty): fix it or move it "
                    + "away to start a new one");
        }
        if (e.name() == null) {
            throw bad(f, kind, i, e, "has no name");
        }
        if (e.z() == null) {
            throw bad(f, kind, i, e, "has no vector (z)");
        }
        if (e.z().length != latentSize) {
            throw bad(f, kind, i, e, "has " + e.z().length + " numbers, this run's vectors have " + latentSize);
        }
        for (float v : e.z()) {
            if (!Float.isFinite(v)) {
                throw bad(f, kind, i, e, "has a number that is not finite (" + v + ")");
            }
        }
        if (e.label() != null && e.label() < -1) {
            throw bad(f, kind, i, e, "has the class " + e.label());
        }
    }

    private static IOException bad(Path f, String kind, int i, RawEntry e, String what) {
        String name = e.name() == null ? "" : " \"" + shorten(e.name()) + "\"";
        return new IOException(f + " is damaged: its " + kind + " " + (i + 1) + name + " " + what
                + "; fix it or move it away to start a new one (nothing was changed)");
    }

    private static String shorten(String s) {
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 60 ? t.substring(0, 60) + "..." : t;
    }

    /**
     * Reads vectors as they stream in and refuses one longer than any model's latent size at once, so a file of
     * one enormous array never becomes millions of boxed numbers.
     */
    private static Gson reader(int latentSize) {
        int max = Math.max(latentSize, 1) + 1;
        TypeAdapter<float[]> floats = new TypeAdapter<>() {
            @Override
            public void write(JsonWriter out, float[] v) {
                throw new UnsupportedOperationException("read only");
            }

            @Override
            public float[] read(JsonReader in) throws IOException {
                if (in.peek() == JsonToken.NULL) {
                    in.nextNull();
                    return null;
                }
                float[] v = new float[Math.min(max, 1024)];
                int n = 0;
                in.beginArray();
                while (in.hasNext()) {
                    if (n == max) {
                        throw new JsonParseException("a vector has more than " + (max - 1) + " numbers");
                    }
                    if (n == v.length) {
                        v = Arrays.copyOf(v, Math.min(max, 2 * v.length));
                    }
                    v[n++] = (float) in.nextDouble();
                }
                in.endArray();
                return Arrays.copyOf(v, n);
            }
        };
        return new GsonBuilder().registerTypeAdapter(float[].class, floats).create();
    }

    public List<Bookmark> bookmarks() {
        return List.copyOf(bookmarks);
    }

    public List<Direction> directions() {
        return List.copyOf(directions);
    }

    /** Adds or replaces (same name) a bookmark and saves the book. */
    public void put(Bookmark b) throws IOException {
        check(b.z());
        update(book -> {
            book.bookmarks.removeIf(x -> x.name().equals(b.name()));
            book.bookmarks.add(b);
            return true;
        });
    }

    /** Adds or replaces (same name) a direction and saves the book. */
    public void put(Direction d) throws IOException {
        check(d.z());
        update(book -> {
            book.directions.removeIf(x -> x.name().equals(d.name()));
            book.directions.add(d);
            return true;
        });
    }

    /** Removes the bookmark of that name (if any) and saves the book. */
    public void removeBookmark(String name) throws IOException {
        update(book -> book.bookmarks.removeIf(x -> x.name().equals(name)));
    }

    /**
     * Gives a bookmark a new name, in its place in the list, and saves the book.
     *
     * @throws IllegalArgumentException when there is no bookmark {@code old} or another one is called {@code name}
     */
    public void renameBookmark(String old, String name) throws IOException {
        Objects.requireNonNull(name);
        update(book -> {
            int i = book.indexOf(old);
            if (i < 0) {
                throw new IllegalArgumentException("there is no bookmark \"" + old + "\"");
            }
            if (!old.equals(name) && book.indexOf(name) >= 0) {
                throw new IllegalArgumentException("a bookmark is already called \"" + name + "\"");
            }
            Bookmark b = book.bookmarks.get(i);
            book.bookmarks.set(i, new Bookmark(name, b.z(), b.label(), b.source()));
            return true;
        });
    }

    /** Removes the direction of that name (if any) and saves the book. */
    public void removeDirection(String name) throws IOException {
        update(book -> book.directions.removeIf(x -> x.name().equals(name)));
    }

    private int indexOf(String name) {
        for (int i = 0; i < bookmarks.size(); i++) {
            if (bookmarks.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private void check(float[] z) {
        if (z.length != latentSize) {
            throw new IllegalArgumentException("this run's latent vectors have " + latentSize + " numbers, not "
                    + z.length);
        }
    }

    /** One change to a book, applied to the file's current contents; returns whether anything changed. */
    @FunctionalInterface
    private interface Change {
        boolean applyTo(LatentBook current);
    }

    /** One in-process lock per file: the operating system's file locks are per process, not per thread. */
    private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    /**
     * Saves a change without losing anyone else's: under a lock ({@code latents.json.lock} beside the file, for other
     * processes such as the {@code directions} and {@code project} commands and the studio, plus a lock within this
     * process), re-reads the file, applies this one change to what it holds now, writes it atomically, and takes its
     * contents as this book's. A file damaged since it was opened is reported, never replaced.
     */
    private synchronized void update(Change change) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        ReentrantLock inProcess = LOCKS.computeIfAbsent(key, k -> new ReentrantLock());
        inProcess.lock();
        try (FileChannel channel = FileChannel.open(key.resolveSibling(FILE + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
             FileLock ignored = channel.lock()) {
            LatentBook current = open(key.getParent(), latentSize);
            if (change.applyTo(current)) {
                current.save();
            }
            bookmarks.clear();
            bookmarks.addAll(current.bookmarks);
            directions.clear();
            directions.addAll(current.directions);
        } finally {
            inProcess.unlock();
        }
    }

    private void save() throws IOException {
        byte[] bytes = GanJson.pretty().toJson(new Stored(latentSize, bookmarks, directions))
                .getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }
}
