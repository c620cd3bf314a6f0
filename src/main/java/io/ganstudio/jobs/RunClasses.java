package io.ganstudio.jobs;

import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.run.GanConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Whether a run's images can have classes, for offering "Find class directions": a conditional run, the built-in
 * set and IDX files can; a folder can only when its images are sorted into at least two class subfolders. Only a
 * folder that is there and plainly flat says no: anything unsure says yes, and the fit itself says what it lacks.
 */
public final class RunClasses {

    private RunClasses() {
    }

    public static boolean possible(GanConfig config) {
        if (config.model().classCount() > 0 || config.data().kind() != DataSpec.Kind.FOLDER) {
            return true;
        }
        Path folder = Path.of(config.data().path());
        if (!Files.isDirectory(folder)) {
            return true; // moved or unplugged: the fit says so
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().equals("__MACOSX"))
                    .limit(2).count() >= 2;
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }
}
