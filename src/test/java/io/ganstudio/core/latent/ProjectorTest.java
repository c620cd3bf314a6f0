package io.ganstudio.core.latent;

import ai.djl.ndarray.NDManager;
import io.ganstudio.OnBothEngines;
import io.ganstudio.core.TestData;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.model.GanNetworks;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.train.GanTrainer;
import io.ganstudio.core.train.TrainConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Projection finds a z whose image is closer to the target than random z, and can be cancelled. */
@OnBothEngines
class ProjectorTest {

    private static final ModelConfig TINY = new ModelConfig(16, 1, 16, 8, 8, Normalization.BATCH_NORM, 16, false);

    @BeforeAll
    static void engine() {
        EngineSetup.init();
    }

    private static void check(ModelConfig model, int label) {
        TrainConfig cfg = TrainConfig.defaults().withBatchSize(8).withSeed(4);
        var rects = TestData.rectangles(24, 16, 1, 3);
        var data = model.classCount() == 0 ? rects : new ImageDataset(24, 16, 1,
                rects.pixels(), IntStream.range(0, 24).map(i -> i % 2).toArray(), model.classes());
        try (NDManager m = NDManager.newBaseManager(); GanTrainer t = new GanTrainer(model, cfg, data, m)) {
            for (int i = 0; i < 15; i++) {
                t.step();
            }
            GanNetworks n = t.networks();
            int d = model.latentSize();
            int[] labels = {label, label, label, label};
            float[] targetZ = Latents.fromSeed(99, d);
            float[] batch = new float[4 * d];
            for (int i = 0; i < 4; i++) {
                System.arraycopy(targetZ, 0, batch, i * d, d);
            }
            int f = 16 * 16;
            float[] target = Arrays.copyOf(n.sample(batch, model.classCount() > 0 ? labels : null, 4), f);
            // The best of 100 random z, as the CLI's measurement does.
            double bestRandom = Double.MAX_VALUE;
            for (int b = 0; b < 25; b++) {
                float[] zs = new float[4 * d];
                for (int i = 0; i < 4; i++) {
                    System.arraycopy(Latents.fromSeed(1000 + b * 4 + i, d), 0, zs, i * d, d);
                }
                float[] imgs = n.sample(zs, model.classCount() > 0 ? labels : null, 4);
                for (int i = 0; i < 4; i++) {
                    bestRandom = Math.min(bestRandom, Projector.pixelError(imgs, i * f, target));
                }
            }
            AtomicInteger calls = new AtomicInteger();
            try (Projector p = new Projector(n)) {
                Projector.Result r = p.project(target, label, Projector.Settings.defaults().withSteps(120),
                        (done, total, loss, px) -> calls.incrementAndGet(), () -> false);
                assertEquals(120, calls.get());
                assertEquals(120, r.losses().length);
                assertTrue(r.pixelError() < bestRandom, "projected " + r.pixelError() + " vs best random "
                        + bestRandom);
                assertTrue(r.pixelError() <= r.startError(), "refining helps: " + r.pixelError() + " vs start "
                        + r.startError());
                assertTrue(r.losses()[119] < r.losses()[0], "the loss goes down");
                assertEquals(d, r.z().length);
                AtomicInteger steps = new AtomicInteger();
                assertThrows(CancellationException.class, () -> p.project(target, label,
                        Projector.Settings.defaults().withSteps(50), (a, b, c, e) -> steps.incrementAndGet(),
                        () -> steps.get() >= 5));
            }
        }
    }

    @Test
    void projectionOfAGeneratedImageBeatsTheBestOf100RandomZ() {
        check(TINY, 0);
    }

    @Test
    void projectionWorksForAConditionalGeneratorToo() {
        check(TINY.withClasses(List.of("a", "b")), 1);
    }
}
