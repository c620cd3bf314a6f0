package io.ganstudio.ui.explore;

import io.ganstudio.core.files.FileErrors;
import io.ganstudio.core.latent.LatentBook;
import io.ganstudio.core.latent.LatentWalk;
import io.ganstudio.core.latent.Latents;
import io.ganstudio.core.run.OutputCheck;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.ui.common.ErrorText;
import io.ganstudio.ui.fxutil.ArgbFrame;
import io.ganstudio.ui.task.BackgroundTasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Named points kept in the run folder's latents.json (a seed, a projected photo, an edited point), the looping walk
 * through several of them exported as a GIF or PNG frames, and names for the principal directions, kept in the same
 * file. FX thread only; the book is a small file written atomically, so it is written here directly.
 */
public final class BookmarksModel {

    /** A bookmark with its image (null until rendered). */
    public record Item(LatentBook.Bookmark bookmark, ArgbFrame thumbnail) {
        public String name() {
            return bookmark.name();
        }
    }

    /** Walk frames show this long: 25 frames a second. */
    public static final int WALK_DELAY_MS = 40;
    /** Directions count as the same when their cosine is above this (a newer checkpoint's directions differ). */
    private static final double SAME_DIRECTION = 0.999;

    private final ExploreViewModel explore;
    private final BackgroundTasks tasks;
    private final Executor fx;
    private final ExploreText text;
    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final IntegerProperty walkFrames = new SimpleIntegerProperty(24);
    private final BooleanProperty walkSlerp = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper();
    private LatentBook book;
    private Path runDir;
    private long generation;

    BookmarksModel(ExploreViewModel explore, BackgroundTasks tasks, Executor fx, ExploreText text) {
        this.explore = explore;
        this.tasks = tasks;
        this.fx = fx;
        this.text = text;
        explore.sourceProperty().addListener((o, was, now) -> reload());
        explore.sliders().directionsReadyProperty().addListener((o, was, now) -> applyDirectionNames());
        reload();
    }

    /** The run folder whose latents.json this generator's bookmarks live in, or null (a loose checkpoint file). */
    static Path runDirOf(Path opened) {
        if (opened == null) {
            return null;
        }
        if (Files.isDirectory(opened)) {
            return opened;
        }
        Path parent = opened.getParent() == null ? null : opened.getParent().getParent();
        return parent != null && RunFolder.isRunFolder(parent) ? parent : null;
    }

    /** Reads the book of the generator on show (called when another one opens). */
    public void reload() {
        ImageSource s = explore.sourceProperty().get();
        book = null;
        items.clear();
        message.set("");
        runDir = s == null ? null : runDirOf(explore.openedPathProperty().get());
        if (s == null) {
            available.set(false);
            return;
        }
        if (runDir == null) {
            available.set(false);
            message.set(text.get("lab.noRunFolder"));
            return;
        }
        try {
            book = LatentBook.open(runDir, s.latentSize());
        } catch (IOException e) {
            available.set(false);
            message.set(text.format("lab.bookDamaged", ErrorText.of(e, text.locale())));
            return;
        }
        available.set(true);
        refreshItems();
        applyDirectionNames();
    }

    private void refreshItems() {
        ImageSource s = explore.sourceProperty().get();
        List<LatentBook.Bookmark> marks = book.bookmarks();
        items.setAll(marks.stream().map(b -> new Item(b, null)).toList());
        if (marks.isEmpty() || s == null) {
            return;
        }
        long g = ++generation;
        s.renderBatch(marks.stream().map(LatentBook.Bookmark::z).toList()).whenComplete((images, e) -> fx.execute(() -> {
            if (g != generation || e != null || explore.sourceProperty().get() != s) {
                return; // a newer list is on show, or thumbnails failed (the names are still there)
            }
            List<Item> withImages = new ArrayList<>();
            for (int i = 0; i < marks.size(); i++) {
                withImages.add(new Item(marks.get(i), new ArgbFrame(s.imageSize(), s.imageSize(), images.get(i))));
            }
            items.setAll(withImages);
        }));
    }

    // ---- bookmarks

    /** Keeps the point on show under a new name. */
    public boolean keepCurrent(String name) {
        float[] z = explore.currentZ();
        if (!ready() || z == null || !checkNewName(name)) {
            return false;
        }
        // Stored as data, in English like the command line's "projection of bag.png"; shown as the item's tooltip.
        String source = (explore.pointNameProperty().get().isEmpty()
                ? "seed " + explore.pickedSeedProperty().get() : explore.pointNameProperty().get())
                + (explore.editedProperty().get() ? ", edited" : "");
        return write(() -> book.put(new LatentBook.Bookmark(name.strip(), z, -1, source)),
                text.format("lab.kept", name.strip()));
    }

    /** Gives a bookmark another name (its place in the list stays). */
    public boolean rename(String old, String name) {
        if (!ready() || !checkNewName(name)) {
            return false;
        }
        return write(() -> book.renameBookmark(old, name.strip()), text.format("lab.renamed", old, name.strip()));
    }

    public boolean delete(String name) {
        return ready() && write(() -> book.removeBookmark(name), text.format("lab.deleted", name));
    }

    /** Shows a bookmark as the point to edit. */
    public void show(String name) {
        LatentBook.Bookmark b = find(name);
        if (b != null) {
            explore.showPoint(b.z(), b.name());
        }
    }

    LatentBook.Bookmark find(String name) {
        return book == null ? null : book.bookmarks().stream().filter(b -> b.name().equals(name)).findFirst()
                .orElse(null);
    }

    private boolean checkNewName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            message.set(text.get("lab.nameEmpty"));
            return false;
        }
        if (n.matches("-?\\d+")) {
            message.set(text.get("lab.nameDigits")); // the command line reads such a name as a seed
            return false;
        }
        if (n.contains(",")) {
            message.set(text.get("lab.nameComma")); // the command line's --a/--b/--c split at commas
            return false;
        }
        if (find(n) != null) {
            message.set(text.format("lab.nameTaken", n));
            return false;
        }
        return true;
    }

    private boolean ready() {
        if (book == null) {
            message.set(runDir == null ? text.get("lab.noRunFolder") : text.get("lab.noBook"));
            return false;
        }
        return true;
    }

    private interface BookWrite {
        void run() throws IOException;
    }

    private boolean write(BookWrite w, String done) {
        try {
            w.run();
        } catch (IOException | RuntimeException e) {
            message.set(text.format("lab.bookWriteFailed", FileErrors.text(e)));
            return false;
        }
        message.set(done);
        refreshItems();
        applyDirectionNames();
        return true;
    }

    // ---- walks

    /**
     * The looping walk through the named bookmarks, in the order given, back to the first: the latent vectors of
     * its frames.
     */
    public List<float[]> walk(List<String> names) {
        List<float[]> keys = new ArrayList<>();
        for (String n : names) {
            LatentBook.Bookmark b = find(n);
            if (b != null) {
                keys.add(b.z());
            }
        }
        return LatentWalk.loop(keys, walkFrames.get(), walkSlerp.get());
    }

    /** Renders the walk and writes it as a looping GIF ({@code gif}) or as PNG frames in a folder. */
    public void export(List<String> names, Path target, boolean gif) {
        ImageSource s = explore.sourceProperty().get();
        if (s == null || exporting.get()) {
            return;
        }
        if (names.size() < 2) {
            message.set(text.get("lab.walkNeedsTwo"));
            return;
        }
        List<float[]> frames;
        try {
            frames = walk(names);
        } catch (IllegalArgumentException e) {
            message.set(text.format("lab.walkFailed", ErrorText.of(e, text.locale())));
            return;
        }
        exporting.set(true);
        message.set(text.format("lab.walkRendering", frames.size()));
        s.renderBatch(frames).whenComplete((images, e) -> fx.execute(() -> {
            if (e != null) {
                exporting.set(false);
                message.set(text.format("lab.walkFailed", LabModel.message(e, text)));
                return;
            }
            tasks.job(text.get("lab.walkSaving"), c -> {
                if (gif) {
                    OutputCheck.requireChosen(target, OutputCheck.Kind.GIF);
                    LatentWalk.writeGif(target, images, s.imageSize(), WALK_DELAY_MS);
                } else {
                    OutputCheck.requireChosenFolder(target);
                    LatentWalk.writeFrames(target, images, s.imageSize());
                }
                return target;
            }).onSuccess(p -> message.set(text.format("lab.walkSaved", images.size(), p)))
                    .onError(err -> message.set(text.format("lab.walkFailed", LabModel.message(err, text))))
                    .andFinally(() -> exporting.set(false)).start();
        }));
    }

    // ---- named directions

    /** Names principal direction {@code index} (0-based) and keeps it in the book; a blank name removes the name. */
    public boolean nameDirection(int index, String name) {
        List<float[]> dirs = explore.sliders().directions();
        if (!ready() || index < 0 || index >= dirs.size()) {
            return false;
        }
        float[] d = dirs.get(index);
        String n = name == null ? "" : name.strip();
        return write(() -> {
            for (LatentBook.Direction old : book.directions()) {
                if (same(old.z(), d) || old.name().equals(n)) {
                    book.removeDirection(old.name());
                }
            }
            if (!n.isEmpty()) {
                book.put(new LatentBook.Direction(n, d));
            }
        }, n.isEmpty() ? text.format("lab.directionUnnamed", index + 1) : text.format("lab.directionNamed",
                index + 1, n));
    }

    /** The name kept for principal direction {@code index}, or empty. */
    public String directionName(int index) {
        List<String> names = explore.sliders().directionNamesProperty().get();
        return index < names.size() ? names.get(index) : "";
    }

    private void applyDirectionNames() {
        List<float[]> dirs = explore.sliders().directions();
        List<String> names = new ArrayList<>();
        for (float[] d : dirs) {
            String name = "";
            if (book != null) {
                for (LatentBook.Direction kept : book.directions()) {
                    if (same(kept.z(), d)) {
                        name = kept.name();
                    }
                }
            }
            names.add(name);
        }
        explore.sliders().directionNamesProperty().set(List.copyOf(names));
    }

    private static boolean same(float[] a, float[] b) {
        if (a.length != b.length) {
            return false;
        }
        double na = Latents.norm(a);
        double nb = Latents.norm(b);
        return na > 0 && nb > 0 && Latents.dot(a, b) / (na * nb) > SAME_DIRECTION;
    }

    // ---- properties

    /** The bookmarks, in the book's order. */
    public ObservableList<Item> items() {
        return items;
    }

    /** True when the generator on show has a run folder whose latents.json could be read. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** What the last action did or why it could not (shown under the list). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Frames from one bookmark to the next in a walk. */
    public IntegerProperty walkFramesProperty() {
        return walkFrames;
    }

    public BooleanProperty walkSlerpProperty() {
        return walkSlerp;
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    /** The run folder whose latents.json is open, or null. */
    public Path runDir() {
        return runDir;
    }
}
