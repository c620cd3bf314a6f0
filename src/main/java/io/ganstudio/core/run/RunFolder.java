package io.ganstudio.core.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import io.ganstudio.core.files.AtomicFiles;
import io.ganstudio.core.files.TextFiles;
import io.ganstudio.core.image.SampleGrid;
import io.ganstudio.core.train.StepMetrics;
import io.ganstudio.core.train.TrainerState;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One training run on disk, in a folder anyone can read without the app (and that the studio and the CLI share):
 * <pre>
 * runs/2026-11-23_19-30-05_fashion-mnist/
 *   config.json          the whole configuration (data, model, training, seed), pretty-printed JSON
 *   metrics.csv          one row per step: step,seconds,d_loss,g_loss,d_real,d_fake,images_per_s
 *   samples/             the fixed-noise sample grid over time, step-0000050.png, ... (all kept)
 *   checkpoints/         step-0001000.gsc, ...: weights, optimizer state and RNG, enough to resume exactly;
 *                        the newest few are kept (binary; format described in CheckpointFormat)
 *   data-report.txt      what was found in the dataset (images used, skipped files and why)
 * </pre>
 * Every file is written atomically (temporary file, then rename), so a crash never leaves a half-written one,
 * except metrics.csv, which is appended to and whose cut-off last row is skipped when read.
 *
 * <p>Two kinds of access. {@link #open} is for readers (Explore, {@code generate}, {@code interpolate}, the recent
 * runs): it only reads, so it works on read-only media and never disturbs a trainer writing at the same time.
 * {@link #create} and {@link #openForTraining} are for the one process that trains: they take the folder's
 * {@link RunLock} (a second trainer is refused) and only they write or clean up. {@link #close()} releases it.
 */
public final class RunFolder implements AutoCloseable {

    public static final String CONFIG = "config.json";
    public static final String METRICS = "metrics.csv";
    public static final String SAMPLES = "samples";
    public static final String CHECKPOINTS = "checkpoints";
    public static final String DATA_REPORT = "data-report.txt";
    /** config.json's list of settings changed on resumes (see {@link SettingsChange}). */
    public static final String CHANGES = "changes";

    private static final Pattern SAMPLE_NAME = Pattern.compile("step-(\\d{7,18})\\.png");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss");

    private final Path dir;
    private final GanConfig config;
    private final MetricsCsv metrics;
    private final List<SettingsChange> changes;
    private final RunLock lock; // null: opened for reading

    private RunFolder(Path dir, GanConfig config, List<SettingsChange> changes, RunLock lock) {
        this.dir = dir;
        this.config = config;
        this.changes = List.copyOf(changes);
        this.lock = lock;
        this.metrics = new MetricsCsv(dir.resolve(METRICS));
    }

    /** A sample grid image saved at a step. */
    public record Sample(long step, Path file) {
    }

    /** Makes a new run in an empty or missing folder, for training it: holds the trainer's lock until closed. */
    public static RunFolder create(Path dir, GanConfig config) throws IOException {
        checkNewRunDir(dir);
        Files.createDirectories(dir);
        RunLock lock = RunLock.acquire(dir);
        try {
            checkNewRunDir(dir); // another process may have created it between the first look and the lock
            Files.createDirectories(dir.resolve(SAMPLES));
            Files.createDirectories(dir.resolve(CHECKPOINTS));
            RunFolder run = new RunFolder(dir, config, List.of(), lock);
            run.saveConfig(config);
            run.metrics.create();
            return run;
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Every entry of a run folder that its trainer writes to or deletes in. None may be a symbolic link: writing
     * or pruning through one would change files outside the run (another run's checkpoints, a user's notes). The
     * run folder itself may be reached through a link; only these entries inside it count.
     * (quality.csv, latents.json and health.csv are named by QualityCsv, LatentBook and HealthCsv.)
     */
    public static final List<String> OWN_ENTRIES = List.of(CONFIG, METRICS, "quality.csv", DATA_REPORT,
            "latents.json", "health.csv", SAMPLES, CHECKPOINTS, RunLock.FILE);

    /** What a folder may already hold to become a new run: an interrupted start's leftovers, a desktop's notes. */
    private static final Set<String> HARMLESS = Set.of(RunLock.FILE, SAMPLES, CHECKPOINTS, ".DS_Store",
            "desktop.ini", "Thumbs.db");

    /**
     * Refuses, before anything is written, a folder a new run may not be made in: one that already holds a run,
     * one that holds files of its own (a new run would replace or append to them), or one with a run entry that is
     * a symbolic link. A missing or empty folder passes. Callers may run it early, before slow work.
     */
    public static void checkNewRunDir(Path dir) throws IOException {
        if (Files.exists(dir.resolve(CONFIG), LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(dir.toString(), null,
                    "this folder already holds a run: open it to continue, or choose a new folder");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new FileAlreadyExistsException(dir.toString(), null,
                    "this is a file, not a folder: choose a new or empty folder for the run");
        }
        refuseLinks(dir);
        String unwritable = OutputCheck.unwritable(dir);
        if (unwritable != null) {
            throw new IOException(unwritable);
        }
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var entries = Files.list(dir)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                String name = p.getFileName().toString();
                boolean harmless = HARMLESS.contains(name) && !(Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                        && !isEmptyDir(p));
                if (!harmless) {
                    throw new FileAlreadyExistsException(dir.toString(), null, "this folder already holds files "
                            + "(e.g. " + name + ") and is not a run folder; a new run is made only in a new or "
                            + "empty folder, so that none of those files is replaced: choose another folder");
                }
            }
        }
    }

    private static boolean isEmptyDir(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /**
     * Refuses a run folder in which an entry the trainer writes to or deletes in ({@link #OWN_ENTRIES}) is a
     * symbolic link, naming it and what to do.
     */
    public static void refuseLinks(Path dir) throws IOException {
        for (String name : OWN_ENTRIES) {
            Path p = dir.resolve(name);
            if (Files.isSymbolicLink(p)) {
                boolean folder = name.equals(SAMPLES) || name.equals(CHECKPOINTS);
                throw new IOException(p + " is a symbolic link, and a run writes only to its own files, never "
                        + "through a link to somewhere else; remove the link (or put a real " + (folder ? "folder"
                        : "file") + " of this run in its place), then try again");
            }
        }
    }

    /**
     * Opens an existing run to continue training it: takes the trainer's lock (held until {@link #close()}; a
     * second trainer gets {@link RunLock.RunLockedException}), then removes interrupted writes of earlier crashes,
     * which only the trainer may do: a reader cannot tell a crash's leftover from a write under way.
     */
    public static RunFolder openForTraining(Path dir) throws IOException {
        readConfig(dir); // a folder that is no run is refused before anything is written to it
        refuseLinks(dir);
        RunLock lock = RunLock.acquire(dir);
        try {
            refuseLinks(dir); // again, now that no other trainer can be changing the folder
            Files.createDirectories(dir.resolve(SAMPLES));
            Files.createDirectories(dir.resolve(CHECKPOINTS));
            AtomicFiles.deleteLeftovers(dir);
            AtomicFiles.deleteLeftovers(dir.resolve(SAMPLES));
            AtomicFiles.deleteLeftovers(dir.resolve(CHECKPOINTS));
            Saved saved = readConfig(dir);
            return new RunFolder(dir, saved.config(), saved.changes(), lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Opens an existing run for reading. Changes nothing on disk (so it works on read-only media and beside a
     * trainer that is writing); the write methods of the result refuse.
     */
    public static RunFolder open(Path dir) throws IOException {
        Saved saved = readConfig(dir);
        return new RunFolder(dir, saved.config(), saved.changes(), null);
    }

    /** config.json: the configuration, plus the settings changed on resumes. */
    private record Saved(GanConfig config, List<SettingsChange> changes) {
    }

    private static Saved readConfig(Path dir) throws IOException {
        Path file = dir.resolve(CONFIG);
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "there is no such folder");
        }
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(dir.toString(), null, "this is not a GAN Studio run folder (it has no "
                    + CONFIG + "); choose the folder that holds config.json, metrics.csv and samples/");
        }
        if (Files.size(file) > GanConfig.MAX_FILE_BYTES) {
            throw new IOException(file + " is " + (Files.size(file) >> 20) + " MiB, far larger than any run's "
                    + "settings (at most " + (GanConfig.MAX_FILE_BYTES >> 20) + " MiB): it is not a GAN Studio "
                    + "config.json");
        }
        GanConfig config;
        List<SettingsChange> changes = List.of();
        try {
            JsonElement json = GanJson.parseTree(file, TextFiles.readUtf8(file));
            config = GanJson.fromFile(json, GanConfig.class);
            if (json.isJsonObject() && json.getAsJsonObject().get(CHANGES) instanceof JsonArray list) {
                changes = List.of(GanJson.fromFile(list, SettingsChange[].class));
            }
        } catch (JsonParseException | IllegalStateException | NullPointerException e) {
            throw GanJson.notJson(file, e);
        }
        if (config == null || config.model() == null || config.train() == null) {
            throw new IOException(file + " does not describe a run: its model or training settings are missing");
        }
        List<String> problems = config.loadProblems();
        if (!problems.isEmpty()) {
            throw new IOException(file + " holds settings no GAN Studio model can have (" + String.join("; ", problems)
                    + "); fix or restore it");
        }
        return new Saved(config, changes);
    }

    public static boolean isRunFolder(Path dir) {
        return Files.isRegularFile(dir.resolve(CONFIG));
    }

    /**
     * A new, unique run folder under {@code runsRoot}, created empty: e.g. {@code 2026-11-23_19-30-05_fashion-mnist}
     * (local time, then the label made safe for every file system; "-2", "-3"... when the name is taken).
     */
    public static Path newRunDir(Path runsRoot, String label) throws IOException {
        return newRunDir(runsRoot, label, LocalDateTime.now());
    }

    static Path newRunDir(Path runsRoot, String label, LocalDateTime time) throws IOException {
        Files.createDirectories(runsRoot);
        String base = STAMP.format(time) + "_" + slug(label);
        for (int i = 1; ; i++) {
            Path dir = runsRoot.resolve(i == 1 ? base : base + "-" + i);
            try {
                return Files.createDirectory(dir); // atomic: two runs started in the same second get two folders
            } catch (FileAlreadyExistsException e) {
                // taken: try the next suffix
            }
        }
    }

    /** Letters (any script) and digits kept, lower-cased; everything else becomes one '-'; at most 40 characters. */
    static String slug(String label) {
        StringBuilder s = new StringBuilder();
        String text = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < text.length() && s.length() < 40; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                s.appendCodePoint(cp);
            } else if (s.length() > 0 && s.charAt(s.length() - 1) != '-') {
                s.append('-');
            }
        }
        while (s.length() > 0 && s.charAt(s.length() - 1) == '-') {
            s.setLength(s.length() - 1);
        }
        return s.length() == 0 ? "run" : s.toString();
    }

    public Path dir() {
        return dir;
    }

    public GanConfig config() {
        return config;
    }

    /** The training settings changed on resumes, oldest first (config.json's changes list). */
    public List<SettingsChange> changes() {
        return changes;
    }

    /** Whether this process holds the folder's trainer lock (and so may write). */
    public boolean isTraining() {
        return lock != null;
    }

    /** Rewrites config.json, e.g. when a resumed run is given more steps; returns the folder with that config. */
    public RunFolder withConfig(GanConfig newConfig) throws IOException {
        return withConfig(newConfig, changes);
    }

    /** Rewrites config.json with a configuration and the list of settings changes that led to it. */
    public RunFolder withConfig(GanConfig newConfig, List<SettingsChange> newChanges) throws IOException {
        RunFolder updated = new RunFolder(dir, newConfig, newChanges, lock);
        updated.saveConfig(newConfig);
        return updated;
    }

    /** Releases the trainer's lock; nothing for a folder opened for reading. */
    @Override
    public void close() throws IOException {
        if (lock != null) {
            lock.close();
        }
    }

    private void requireTrainer() {
        if (lock == null) {
            throw new IllegalStateException(dir + " was opened for reading; only its trainer writes to it");
        }
    }

    private void saveConfig(GanConfig c) throws IOException {
        requireTrainer();
        JsonObject tree = GanJson.pretty().toJsonTree(c).getAsJsonObject();
        if (!changes.isEmpty()) {
            tree.add(CHANGES, GanJson.pretty().toJsonTree(changes));
        }
        byte[] json = (GanJson.pretty().toJson(tree) + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(dir.resolve(CONFIG), out -> out.write(json));
    }

    public Path configFile() {
        return dir.resolve(CONFIG);
    }

    public Path metricsFile() {
        return dir.resolve(METRICS);
    }

    public Path samplesDir() {
        return dir.resolve(SAMPLES);
    }

    public Path checkpointDir() {
        return dir.resolve(CHECKPOINTS);
    }

    public Path dataReport() {
        return dir.resolve(DATA_REPORT);
    }

    /** Writes data-report.txt (atomically, like every file here but metrics.csv). */
    public void writeDataReport(String text) throws IOException {
        requireTrainer();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(dataReport(), out -> out.write(bytes));
    }

    // ---- metrics

    /** Buffers rows; they reach the file on {@link #flush()}. */
    public void appendMetrics(List<StepMetrics> rows) {
        requireTrainer();
        metrics.append(rows);
    }

    public void flush() throws IOException {
        metrics.flush();
    }

    public List<StepMetrics> readMetrics() throws IOException {
        return metrics.read();
    }

    /** Drops rows after a step (file and buffer): call when resuming from the checkpoint at that step. */
    public void truncateMetricsAfter(long step) throws IOException {
        requireTrainer();
        metrics.truncateAfter(step);
    }

    // ---- samples

    public Path writeSample(long step, SampleGrid grid) throws IOException {
        requireTrainer();
        Path file = samplesDir().resolve(String.format("step-%07d.png", step));
        grid.writePng(file);
        return file;
    }

    /** Every saved sample grid, oldest step first. */
    public List<Sample> listSamples() throws IOException {
        if (!Files.isDirectory(samplesDir())) {
            return List.of();
        }
        try (var files = Files.list(samplesDir())) {
            return files.map(p -> {
                Matcher m = SAMPLE_NAME.matcher(p.getFileName().toString());
                return m.matches() ? new Sample(Long.parseLong(m.group(1)), p) : null;
            }).filter(s -> s != null).sorted(Comparator.comparingLong(Sample::step)).toList();
        }
    }

    // ---- checkpoints

    /** Writes a checkpoint with this run's config, keeping as many as the config says. */
    public Path writeCheckpoint(TrainerState state) throws IOException {
        requireTrainer();
        return Checkpoints.write(checkpointDir(), config, state, config.train().keepCheckpoints());
    }

    /** The newest checkpoint that verifies (see {@link Checkpoints#readLatest}). */
    public LoadedCheckpoint readLatestCheckpoint() throws IOException {
        return Checkpoints.readLatest(checkpointDir());
    }

    public List<Path> listCheckpoints() {
        return Checkpoints.list(checkpointDir());
    }

    /**
     * Prepares the folder to continue from a checkpoint: later metrics rows, sample grids and checkpoints belong
     * to the history the resumed run will write again, so they are removed. Later files in checkpoints/ that do not
     * verify as this format's checkpoint of the step their name says (a newer app's, a renamed copy, a damaged one)
     * are not deleted: they are moved into checkpoints/unreadable/ (see {@link Checkpoints#setAsideNewerThan}).
     *
     * @param step the step of the checkpoint the run continues from, as read from inside it (0 or more)
     * @return one line per checkpoint moved aside, saying why and where to
     */
    public List<String> rewindTo(long step) throws IOException {
        requireTrainer();
        if (step < 0) {
            throw new IllegalArgumentException("a run cannot continue from step " + step);
        }
        List<String> setAside = Checkpoints.setAsideNewerThan(checkpointDir(), step);
        truncateMetricsAfter(step);
        for (Sample s : listSamples()) {
            if (s.step() > step) {
                Files.deleteIfExists(s.file());
            }
        }
        Checkpoints.deleteNewerThan(checkpointDir(), step);
        return setAside;
    }
}
