package io.ganstudio.core.bench;

import ai.djl.ndarray.NDManager;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.train.GanTrainer;
import io.ganstudio.core.train.TrainConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains for many steps and samples the process's resident memory, to show that memory stays flat
 * (every per-step NDArray is freed). Resident memory is read from /proc/self/status, so figures are Linux-only.
 */
public final class MemoryBenchmark {

    /**
     * Memory after a number of steps: the process's resident set, and the Java heap's committed size (which G1 grows
     * on its own unless -Xms equals -Xmx), so that native growth can be told from heap sizing.
     */
    public record Sample(long step, long residentBytes, long heapCommittedBytes, long heapUsedBytes) {

        /** Resident memory outside the committed Java heap: native buffers (MXNet), code, metaspace. */
        public long outsideHeapBytes() {
            return residentBytes - heapCommittedBytes;
        }
    }

    private MemoryBenchmark() {
    }

    /**
     * @param steps       total steps to train
     * @param sampleEvery read memory every this many steps
     * @param config      model to train (28x28 grayscale by default in the CLI)
     */
    public static List<Sample> run(ModelConfig config, int batch, long steps, long sampleEvery,
                                   Consumer<Sample> progress) {
        EngineSetup.init();
        int n = 4096;
        byte[] pixels = new byte[n * config.channels() * config.imageSize() * config.imageSize()];
        new Random(7).nextBytes(pixels);
        ImageDataset data = new ImageDataset(n, config.imageSize(), config.channels(), pixels, null, List.of());
        TrainConfig train = TrainConfig.defaults().withBatchSize(batch).withSteps(steps);
        List<Sample> samples = new ArrayList<>();
        try (NDManager root = NDManager.newBaseManager(EngineSetup.device());
             GanTrainer trainer = new GanTrainer(config, train, data, root)) {
            for (long s = 1; s <= steps; s++) {
                trainer.step();
                if (s % sampleEvery == 0) {
                    Runtime rt = Runtime.getRuntime();
                    Sample sample = new Sample(s, residentBytes(), rt.totalMemory(), rt.totalMemory() - rt.freeMemory());
                    samples.add(sample);
                    progress.accept(sample);
                }
            }
        }
        return samples;
    }

    /** The 28x28 grayscale model the memory goal is stated for. */
    public static ModelConfig defaultModel() {
        return new ModelConfig(28, 1, 100, 64, 64, Normalization.BATCH_NORM);
    }

    /** Resident set size of this process, or -1 where /proc is not available. */
    public static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
