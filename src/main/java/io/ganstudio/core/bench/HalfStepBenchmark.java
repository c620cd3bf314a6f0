package io.ganstudio.core.bench;

import ai.djl.ndarray.NDManager;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.train.Augment;
import io.ganstudio.core.train.GanTrainer;
import io.ganstudio.core.train.StepPause;
import io.ganstudio.core.train.TrainConfig;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * What the studio's pause point between a step's halves costs while the user is about: the same trainer's step
 * time with both halves queued at once (no {@link StepPause}, as the command line trains) and with the first half
 * finished before the second is queued (a pause that is nearby but never waits), in interleaved blocks of 5 steps,
 * with the studio's engine settings. 64x64 DCGAN on random images.
 * Usage: {@code java -cp gan-studio.jar io.ganstudio.core.bench.HalfStepBenchmark [batch=32] [rounds=8]}.
 */
public final class HalfStepBenchmark {

    private HalfStepBenchmark() {
    }

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", "true");
        EngineSetup.preferInteractive();
        EngineSetup.init();
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        ModelConfig model = ModelConfig.dcgan(64, 1);
        TrainConfig train = TrainConfig.defaults().withBatchSize(batch).withSteps(1_000_000).withEmaDecay(0f)
                .withAugment(Augment.OFF);
        int count = 256;
        byte[] pixels = new byte[count * 64 * 64];
        new Random(7).nextBytes(pixels);
        ImageDataset data = new ImageDataset(count, 64, 1, pixels, null, List.of());
        StepPause nearby = new StepPause() {
            @Override
            public boolean nearby() {
                return true;
            }

            @Override
            public void await() {
            }
        };
        try (NDManager root = NDManager.newBaseManager(EngineSetup.device()); GanTrainer t = new GanTrainer(model, train, data, root)) {
            for (int i = 0; i < 5; i++) {
                t.step();
            }
            double[] queued = new double[rounds * 5];
            double[] halves = new double[rounds * 5];
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < 5; i++) {
                    t.setStepPause(null);
                    long t0 = System.nanoTime();
                    t.step();
                    queued[r * 5 + i] = (System.nanoTime() - t0) / 1e6;
                }
                for (int i = 0; i < 5; i++) {
                    t.setStepPause(nearby);
                    long t0 = System.nanoTime();
                    t.step();
                    halves[r * 5 + i] = (System.nanoTime() - t0) / 1e6;
                }
            }
            Arrays.sort(queued);
            Arrays.sort(halves);
            double a = queued[queued.length / 2];
            double b = halves[halves.length / 2];
            System.out.printf("64x64 DCGAN, batch %d, %d steps each: median step %.1f ms with both halves queued at "
                    + "once, %.1f ms with the first finished before the second is queued (%+.1f%%)%n", batch,
                    queued.length, a, b, 100 * (b / a - 1));
        }
    }
}
