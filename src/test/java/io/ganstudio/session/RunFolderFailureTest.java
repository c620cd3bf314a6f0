package io.ganstudio.session;

import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.train.LossKind;
import io.ganstudio.core.train.TrainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A run folder that cannot be prepared fails with the folder and the reason, not only a path. */
class RunFolderFailureTest {

    @TempDir
    Path tmp;

    private SessionEvent.Failed failure(Path runDir) throws Exception {
        Path images = Files.createDirectories(tmp.resolve("images"));
        for (int i = 0; i < 6; i++) {
            ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB), "png",
                    images.resolve("i" + i + ".png").toFile());
        }
        TrainConfig t = new TrainConfig(LossKind.BCE, 0f, TrainConfig.AdamSettings.DCGAN,
                TrainConfig.AdamSettings.DCGAN, 1, 4, 11, 2, 2, 3, 2, 4);
        GanConfig config = new GanConfig(DataSpec.folder(images.toString()), new ModelConfig(16, 3, 8, 4, 4,
                Normalization.BATCH_NORM), t);
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        TrainingSession s = TrainingSession.newRun(config, runDir, null, events::add);
        s.start();
        assertTrue(s.awaitEnd(120, TimeUnit.SECONDS), "session did not end");
        SessionEvent last = events.get(events.size() - 1);
        return assertInstanceOf(SessionEvent.Failed.class, last, "expected a failure, got " + last);
    }

    @Test
    void anUnwritableFolderSaysPermissionDenied() throws Exception {
        Path proc = Path.of("/proc/self");
        assumeTrue(Files.isDirectory(proc) && !Files.isWritable(proc));
        SessionEvent.Failed f = failure(proc.resolve("run"));
        assertTrue(f.message().contains("permission denied") && f.message().contains(proc.toString()), f.message());
    }

    @Test
    void aFolderBelowAFileSaysSo() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        SessionEvent.Failed f = failure(file.resolve("run"));
        assertTrue(f.message().contains(file + " is a file, not a folder"), f.message());
    }
}
