package io.ganstudio.ui.explore;

import io.ganstudio.core.latent.GeneratorRunner;
import io.ganstudio.core.run.LoadedCheckpoint;
import io.ganstudio.jobs.GeneratorLoader;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Explore's image source for a run folder or a checkpoint file, loaded by {@link GeneratorLoader}. Blocking: call in
 * the background.
 */
public final class GeneratorOpener {

    /** What was opened, for the screen's title line. */
    public record Opened(ImageSource source, String name) {
    }

    private GeneratorOpener() {
    }

    /** A run folder (its newest valid checkpoint) or a .gsc file, trained here or by the CLI elsewhere. */
    public static Opened open(Path path) throws IOException {
        return new Opened(load(GeneratorLoader.generator(path)), GeneratorLoader.displayName(path));
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
