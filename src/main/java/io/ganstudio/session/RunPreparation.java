package io.ganstudio.session;

import ai.djl.ndarray.NDManager;
import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.data.DatasetLoader;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.data.LoadOptions;
import io.ganstudio.core.data.LoadResult;
import io.ganstudio.core.engine.DeviceChoice;
import io.ganstudio.core.engine.EngineChoice;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.files.FileErrors;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.LoadedCheckpoint;
import io.ganstudio.core.run.ResumeCheck;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.run.RunLock;
import io.ganstudio.core.run.SettingsChange;
import io.ganstudio.core.text.Phrase;
import io.ganstudio.core.train.GanTrainer;
import io.ganstudio.core.train.TrainerState;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Prepares a run for training on the engine thread: reads a resumed run's newest checkpoint, decodes the data, checks
 * that data, model and checkpoint fit together, creates or reopens (and locks) the run folder, builds the trainer and
 * carries the checkpoint's state into it. A resume checks everything it relies on before it writes a byte, so a
 * refusal leaves the run folder as it was. Each refusal is reported through {@link Events#fail} with what to try.
 */
final class RunPreparation {

    private static final Phrase DECODING = Phrase.of("session.decoding");

    /** What the preparation reports to its session. */
    interface Events {
        void publish(SessionEvent e);

        void fail(Phrase message, Phrase advice);

        /** Decoding the data was cancelled: the session ends without a run. */
        void cancelled();

        /** The run folder is ready (created, or reopened and rewound). */
        void folderReady(Path dir);

        /** The checkpoint a resume continues from, the last good one until training writes another. */
        void resumedFrom(Path checkpoint);
    }

    /** A prepared run: its locked folder, the trainer, the configuration it trains with and its data. */
    record Ready(RunFolder folder, GanTrainer trainer, GanConfig config, LoadResult data) {
    }

    private final GanConfig requested;
    private final Path requestedDir;
    private final boolean isNewRun;
    private final Path cacheDir;
    private final BooleanSupplier cancelled;
    private final Events events;

    RunPreparation(GanConfig requested, Path requestedDir, boolean isNewRun, Path cacheDir, BooleanSupplier cancelled,
                   Events events) {
        this.requested = requested;
        this.requestedDir = requestedDir;
        this.isNewRun = isNewRun;
        this.cacheDir = cacheDir;
        this.cancelled = cancelled;
        this.events = events;
    }

    /** The prepared run, or null when it was refused or cancelled (already reported). */
    Ready prepare(NDManager root) {
        GanConfig config = requested;
        // A resume reads first and writes nothing until the data is known to fit the checkpoint.
        LoadedCheckpoint checkpoint = null;
        List<SettingsChange> earlier = List.of();
        if (!isNewRun) {
            try {
                RunFolder saved = RunFolder.open(requestedDir);
                earlier = saved.changes();
                if (!saved.listCheckpoints().isEmpty()) {
                    checkpoint = saved.readLatestCheckpoint();
                    // The checkpoint's own configuration made its weights: the model and data come from it.
                    GanConfig own = checkpoint.config();
                    config = requested.withData(own.data()).withModel(own.model());
                    List<Phrase> refused = ResumeCheck.refused(own, config);
                    if (!refused.isEmpty()) {
                        events.fail(refused.get(0), Phrase.of("resume.unchanged"));
                        return null;
                    }
                }
            } catch (IOException e) {
                events.fail(Phrase.of("session.readFailed", FileErrors.text(e)), Phrase.of("session.readFailed.advice"));
                return null;
            }
        }
        // A run continues on whichever engine and device this process runs: its checkpoints mean the same on each.
        // The switch goes into config.json's changes list; from there on the steps are the new engine's (a resume
        // repeats bit for bit on one engine and device, not across them).
        EngineChoice running = EngineSetup.engine();
        DeviceChoice device = EngineSetup.deviceChoice();
        List<Phrase> switches = new ArrayList<>();
        List<SettingsChange> switched = new ArrayList<>();
        if (!isNewRun) {
            // Against what made the checkpoint: a second resume from the same checkpoint records the switch again.
            GanConfig made = checkpoint == null ? config : checkpoint.config();
            long step = checkpoint == null ? 0 : checkpoint.step();
            EngineChoice before = made.engineOrDefault();
            if (before != running) {
                switched.add(new SettingsChange(step, "engine", before.id(), running.id()));
                switches.add(Phrase.of("session.engineSwitched", running.djlName(), step, before.djlName()));
            }
            DeviceChoice beforeDevice = made.deviceOrDefault();
            if (beforeDevice != device) {
                switched.add(new SettingsChange(step, "device", beforeDevice.id(), device.id()));
                switches.add(Phrase.of("session.deviceSwitched", device.id().toUpperCase(Locale.ROOT), step,
                        beforeDevice.id().toUpperCase(Locale.ROOT)));
            }
        }
        config = config.withEngine(running).withDevice(device);
        LoadResult data;
        try {
            int size = config.model().imageSize();
            events.publish(new SessionEvent.Progress(DECODING, 0));
            LoadOptions options = new LoadOptions(cacheDir, Runtime.getRuntime().availableProcessors(),
                    cancelled);
            data = DatasetLoader.load(config.data(), size,
                    options, (done, total) -> events.publish(new SessionEvent.Progress(DECODING,
                            total == 0 ? -1 : (double) done / total)));
        } catch (CancellationException e) {
            events.cancelled();
            return null;
        } catch (DatasetException e) {
            events.fail(Phrase.verbatim(e.getMessage()), Phrase.of("session.dataFailed.advice"));
            return null;
        }
        ModelConfig m = config.model();
        int channels = data.dataset().channels();
        if (checkpoint != null && channels != m.channels()) {
            events.fail(Phrase.of("resume.dataChanged", checkpoint.step(), m.channels(), channels,
                    data.dataset().count()), Phrase.of("resume.dataChanged.advice"));
            return null;
        }
        // The data decides grayscale or colour: 1 channel only when every image is grayscale.
        config = config.withModel(m.withChannels(data.dataset().channels()));
        if (m.conditional()) {
            Phrase problem = classProblem(m, data.dataset());
            if (problem != null) {
                events.fail(problem, Phrase.of(problem.key().equals("session.conditional.oneClass")
                        ? "session.conditional.oneClass.advice" : "session.conditional.advice"));
                return null;
            }
            Phrase empty = emptyClasses(data.dataset());
            if (empty != null) {
                events.publish(new SessionEvent.Warning(empty));
            }
            config = config.withModel(config.model().withClasses(data.dataset().classNames()));
        }
        RunFolder folder;
        long resumeStep = checkpoint == null ? 0 : checkpoint.step();
        try {
            folder = isNewRun ? RunFolder.create(requestedDir, config) : RunFolder.openForTraining(requestedDir);
        } catch (RunLock.RunLockedException e) {
            events.fail(Phrase.of("session.locked", requestedDir.toAbsolutePath()), Phrase.of("session.locked.advice"));
            return null;
        } catch (IOException e) {
            events.fail(Phrase.of("session.folderFailed", FileErrors.text(e)), Phrase.of("session.folderFailed.advice"));
            return null;
        }
        // A resume checks everything it will rely on before it writes a byte: the metrics it will truncate and the
        // checkpoint's fit to the model. A refusal leaves the run folder as it was.
        if (!isNewRun) {
            try {
                folder.readMetrics();
            } catch (IOException e) {
                closeQuietly(folder);
                events.fail(Phrase.of("session.readFailed", FileErrors.text(e)), Phrase.of("resume.unchangedFolder.advice"));
                return null;
            }
        }
        events.publish(new SessionEvent.Progress(Phrase.of("session.building"), -1));
        GanTrainer trainer = new GanTrainer(config.model(), config.train(), data.dataset(), root);
        if (checkpoint != null) {
            try {
                trainer.importState(withBatchSize(checkpoint, config.train().batchSize()));
            } catch (IllegalArgumentException e) {
                trainer.close();
                closeQuietly(folder);
                events.fail(Phrase.of("resume.modelMismatch", checkpoint.file().getFileName(), e.getMessage()),
                        Phrase.of("resume.unchangedFolder.advice"));
                return null;
            }
        }
        List<String> setAside = List.of();
        try {
            if (!isNewRun) {
                List<SettingsChange> changes = new ArrayList<>();
                for (SettingsChange c : earlier) {
                    if (c.step() < resumeStep) {
                        changes.add(c); // later ones belong to a history this resume replaces
                    }
                }
                if (checkpoint != null) {
                    changes.addAll(ResumeCheck.changes(checkpoint.config().train(), config.train(), resumeStep));
                }
                changes.addAll(switched);
                if (!folder.config().equals(config) || !changes.equals(folder.changes())) {
                    folder = folder.withConfig(config, changes);
                }
            }
            events.folderReady(folder.dir());
            folder.writeDataReport(data.report().text());
            if (!isNewRun) {
                // Later rows, grids and checkpoints belong to a history the resumed run writes again; the step is
                // the one read from inside the checkpoint resumed from.
                setAside = folder.rewindTo(trainer.stepsDone());
            }
        } catch (IOException e) {
            trainer.close();
            closeQuietly(folder);
            events.fail(Phrase.of("session.folderFailed", FileErrors.text(e)), Phrase.of("session.folderFailed.advice"));
            return null;
        }
        if (checkpoint != null) {
            events.resumedFrom(checkpoint.file());
            for (String skipped : checkpoint.skippedNewer()) {
                if (setAside.stream().noneMatch(line -> line.startsWith(skipped))) {
                    events.publish(new SessionEvent.Warning(Phrase.verbatim(skipped)));
                }
            }
        }
        for (String moved : setAside) {
            events.publish(new SessionEvent.Warning(Phrase.verbatim(moved)));
        }
        for (Phrase change : switches) {
            events.publish(new SessionEvent.Warning(change));
        }
        if (!data.report().skipped().isEmpty()) {
            events.publish(new SessionEvent.Warning(Phrase.of("session.skipped", data.report().skipped().size(),
                    folder.dataReport())));
        }
        return new Ready(folder, trainer, config, data);
    }

    /**
     * The checkpoint's state for another batch size: the data position counts batches, so it is converted through the
     * number of real images seen (the same images continue, to within one batch).
     */
    static TrainerState withBatchSize(LoadedCheckpoint c, int batchSize) {
        TrainerState s = c.state();
        int before = c.config().train().batchSize();
        if (before == batchSize) {
            return s;
        }
        long batches = s.discriminatorBatches() * before / batchSize;
        return new TrainerState(s.step(), batches, s.seconds(), s.noise(), s.generatorOptimizerStep(),
                s.discriminatorOptimizerStep(), s.weights(), s.generatorOptimizer(), s.discriminatorOptimizer());
    }

    static void closeQuietly(RunFolder folder) {
        try {
            folder.close();
        } catch (IOException e) {
            // The operating system releases the lock when the process ends.
        }
    }

    /** Why this data cannot train this conditional model, or null when it can. */
    private static Phrase classProblem(ModelConfig m, ImageDataset d) {
        if (!d.hasLabels() || d.classNames().size() < 2) {
            return Phrase.of("session.conditional.noClasses");
        }
        if (!m.classes().isEmpty() && !m.classes().equals(d.classNames())) {
            return Phrase.of("session.conditional.otherClasses", String.join(", ", m.classes()),
                    String.join(", ", d.classNames()));
        }
        int unlabelled = 0;
        for (int i = 0; i < d.count(); i++) {
            unlabelled += d.label(i) < 0 ? 1 : 0;
        }
        if (unlabelled > 0) {
            return Phrase.of("session.conditional.unlabelled", unlabelled);
        }
        int[] perClass = imagesPerClass(d);
        int holding = 0;
        int holder = 0;
        for (int c = 0; c < perClass.length; c++) {
            if (perClass[c] > 0) {
                holding++;
                holder = c;
            }
        }
        // An IDX labels file makes the classes 0 to its highest label, so all images can sit in one of them.
        return holding < 2 ? Phrase.of("session.conditional.oneClass", perClass.length, holding,
                d.classNames().get(holder), perClass[holder]) : null;
    }

    /**
     * The warning for classes without images among two or more with images (IDX labels 3 and 8 make classes 0 to 8):
     * training works, and the model keeps a place for each empty class that no image trains. Null when none is empty.
     */
    private static Phrase emptyClasses(ImageDataset d) {
        int[] perClass = imagesPerClass(d);
        List<String> empty = new ArrayList<>();
        for (int c = 0; c < perClass.length; c++) {
            if (perClass[c] == 0) {
                empty.add(d.classNames().get(c));
            }
        }
        String shown = String.join(", ", empty.subList(0, Math.min(empty.size(), 12)))
                + (empty.size() > 12 ? ", ..." : "");
        return empty.isEmpty() ? null : Phrase.of("session.conditional.emptyClasses", empty.size(), perClass.length,
                shown);
    }

    private static int[] imagesPerClass(ImageDataset d) {
        int[] perClass = new int[d.classNames().size()];
        for (int i = 0; i < d.count(); i++) {
            int label = d.label(i);
            if (label >= 0 && label < perClass.length) {
                perClass[label]++;
            }
        }
        return perClass;
    }
}
