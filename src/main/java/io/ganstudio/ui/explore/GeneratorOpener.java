package io.ganstudio.ui.explore;

import io.ganstudio.core.latent.GeneratorRunner;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.LoadedCheckpoint;
import io.ganstudio.core.run.RunFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads a generator for exploring from a run folder or a single checkpoint file. Blocking: call in the background. */
public final class GeneratorOpener {

    /** What was opened, for the screen's title line. */
    public record Opened(ImageSource source, String name) {
    }

    private GeneratorOpener() {
    }

    /** A run folder (its newest valid checkpoint) or a .gsc file, trained here or by the CLI elsewhere. */
    public static Opened open(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            RunFolder run = RunFolder.open(path);
            return new Opened(load(Checkpoints.readLatestGenerator(run.checkpointDir())),
                    path.getFileName().toString());
        }
        Path parent = path.getParent() == null ? null : path.getParent().getParent();
        String name = parent != null && RunFolder.isRunFolder(parent)
                ? parent.getFileName() + " / " + path.getFileName() : path.getFileName().toString();
        return new Opened(load(Checkpoints.readGenerator(path)), name);
    }

    private static ImageSource load(LoadedCheckpoint checkpoint) throws IOException {
        GeneratorRunner single = GeneratorRunner.load(checkpoint);
        try {
            return ImageSource.of(single, GeneratorRunner.load(checkpoint));
        } catch (IOException | RuntimeException e) {
            single.close();
            throw e;
        }
    }
}
