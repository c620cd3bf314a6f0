package io.ganstudio.core.latent;

import com.google.gson.JsonParseException;
import io.ganstudio.core.text.TextFiles;
import io.ganstudio.core.train.AtomicFiles;
import io.ganstudio.core.train.GanJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A run's kept points and directions in latent space, as {@code latents.json} in the run folder: named bookmarks
 * (a seed, a projected photo, an edited point) and named directions (principal directions, class directions).
 * Written atomically, so a crash never leaves half a file; a damaged file is reported, never silently replaced.
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
            text = TextFiles.readUtf8(f);
        } catch (NoSuchFileException e) {
            return new LatentBook(f, latentSize, List.of(), List.of());
        }
        Stored s;
        try {
            s = GanJson.compact().fromJson(text, Stored.class);
        } catch (JsonParseException e) {
            throw new IOException(f + " is damaged (" + GanJson.reason(e) + "): move it away to start a new one", e);
        }
        if (s == null || s.latentSize() != latentSize) {
            throw new IOException(f + " holds vectors of size " + (s == null ? "?" : s.latentSize())
                    + ", this run's are " + latentSize + ": move it away to start a new one");
        }
        return new LatentBook(f, latentSize, s.bookmarks() == null ? List.of() : s.bookmarks(),
                s.directions() == null ? List.of() : s.directions());
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
        bookmarks.removeIf(x -> x.name().equals(b.name()));
        bookmarks.add(b);
        save();
    }

    /** Adds or replaces (same name) a direction and saves the book. */
    public void put(Direction d) throws IOException {
        check(d.z());
        directions.removeIf(x -> x.name().equals(d.name()));
        directions.add(d);
        save();
    }

    /** Removes the bookmark of that name (if any) and saves the book. */
    public void removeBookmark(String name) throws IOException {
        if (bookmarks.removeIf(x -> x.name().equals(name))) {
            save();
        }
    }

    /**
     * Gives a bookmark a new name, in its place in the list, and saves the book.
     *
     * @throws IllegalArgumentException when there is no bookmark {@code old} or another one is called {@code name}
     */
    public void renameBookmark(String old, String name) throws IOException {
        Objects.requireNonNull(name);
        int i = indexOf(old);
        if (i < 0) {
            throw new IllegalArgumentException("there is no bookmark \"" + old + "\"");
        }
        if (!old.equals(name) && indexOf(name) >= 0) {
            throw new IllegalArgumentException("a bookmark is already called \"" + name + "\"");
        }
        Bookmark b = bookmarks.get(i);
        bookmarks.set(i, new Bookmark(name, b.z(), b.label(), b.source()));
        save();
    }

    /** Removes the direction of that name (if any) and saves the book. */
    public void removeDirection(String name) throws IOException {
        if (directions.removeIf(x -> x.name().equals(name))) {
            save();
        }
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

    private void save() throws IOException {
        byte[] bytes = GanJson.pretty().toJson(new Stored(latentSize, bookmarks, directions))
                .getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }
}
