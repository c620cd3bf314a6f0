package io.ganstudio.jobs;

import io.ganstudio.core.data.DatasetLoader;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.data.LoadOptions;
import io.ganstudio.core.game.DiscriminatorGame;
import io.ganstudio.core.latent.GeneratorRunner;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.LoadedCheckpoint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One game's images, made in the background: the real ones from the run's own training data (decoded as the
 * trainer did, so they look exactly as the discriminator saw them) and the generated ones from the chosen
 * checkpoint's generator, all in one batch.
 *
 * @param step  the generator's step
 * @param size  image side in pixels
 * @param real  per round, the real image (ARGB)
 * @param fake  per round, the generated image (ARGB)
 */
public record GameDeal(long step, int size, DiscriminatorGame game, List<int[]> real, List<int[]> fake) {

    public static final int ROUNDS = 10;

    /** Blocking: loads the data and the generator, and renders the fakes. */
    public static GameDeal deal(Path checkpoint, long seed, Path cacheDir) throws Exception {
        LoadedCheckpoint c = Checkpoints.readGenerator(checkpoint);
        int size = c.config().model().imageSize();
        ImageDataset data = DatasetLoader.load(c.config().data(), size,
                new LoadOptions(cacheDir, Runtime.getRuntime().availableProcessors(), () -> false), null).dataset();
        DiscriminatorGame game = new DiscriminatorGame(seed, data.count(), ROUNDS);
        List<float[]> zs = new ArrayList<>();
        List<int[]> real = new ArrayList<>();
        try (GeneratorRunner runner = GeneratorRunner.load(c)) {
            for (DiscriminatorGame.Round r : game.rounds()) {
                zs.add(DiscriminatorGame.latent(r.fakeSeed(), runner.latentSize()));
                real.add(data.argb(r.realIndex()));
            }
            List<int[]> fake = runner.renderBatch(zs).get(5, TimeUnit.MINUTES);
            return new GameDeal(c.step(), size, game, real, fake);
        }
    }
}
