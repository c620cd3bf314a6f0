package io.ganstudio.jobs;

import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.DatasetLoader;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.data.LoadOptions;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.train.LossKind;
import io.ganstudio.core.train.TrainConfig;
import io.ganstudio.session.TrainingSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The game on a run trained on a user's folder: real images are the run's own, fakes come from the checkpoint. */
class GameDealTest {

    @Test
    void aFolderRunDealsItsOwnImagesAndItsGeneratorsFakes(@TempDir Path tmp) throws Exception {
        Path images = Files.createDirectories(tmp.resolve("my photos"));
        for (int i = 0; i < 6; i++) {
            BufferedImage img = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(new Color(40 * i, 30, 200 - 30 * i));
            g.fillRect(0, 0, 20, 20);
            g.dispose();
            ImageIO.write(img, "png", images.resolve(i + ".png").toFile());
        }
        TrainConfig t = new TrainConfig(LossKind.BCE, 0f, TrainConfig.AdamSettings.DCGAN,
                TrainConfig.AdamSettings.DCGAN, 1, 4, 3, 4, 2, 2, 2, 4);
        GanConfig c = new GanConfig(DataSpec.folder(images.toString()), new ModelConfig(16, 3, 8, 4, 4,
                Normalization.BATCH_NORM), t);
        Path run = tmp.resolve("run");
        try (TrainingSession s = TrainingSession.newRun(c, run, null, e -> { })) {
            s.start();
            assertTrue(s.awaitEnd(120, TimeUnit.SECONDS));
        }
        List<Path> checkpoints = Checkpoints.list(RunFolder.open(run).checkpointDir());
        Path newest = checkpoints.get(checkpoints.size() - 1);
        GameDeal deal = GameDeal.deal(newest, 77, null);
        assertEquals(4, deal.step());
        assertEquals(16, deal.size());
        assertEquals(GameDeal.ROUNDS, deal.real().size());
        assertEquals(GameDeal.ROUNDS, deal.fake().size());
        ImageDataset data = DatasetLoader.load(c.data(), 16, LoadOptions.defaults(), null).dataset();
        for (int i = 0; i < GameDeal.ROUNDS; i++) {
            assertArrayEquals(data.argb(deal.game().rounds().get(i).realIndex()), deal.real().get(i));
            assertEquals(16 * 16, deal.fake().get(i).length);
        }
        // The same seed deals the same game.
        assertEquals(deal.game().rounds(), GameDeal.deal(newest, 77, null).game().rounds());
    }
}
