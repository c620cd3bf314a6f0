package io.ganstudio.core.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * What this machine's engine achieves on one large, well-shaped convolution: the yardstick that says whether the
 * training step is slow because of the model or because of the machine. Timed in the same process as the
 * benchmark, so threads, CPU frequency and neighbours' load are the same for both.
 */
public final class ConvolutionPeak {

    private ConvolutionPeak() {
    }

    /**
     * Times a 3x3, stride 1, pad 1 convolution of {@code channels -> channels} on {@code batch x channels x size x
     * size} and returns the best of {@code runs} timings, after one untimed warm-up run.
     *
     * @return GFLOP/s, counting one multiply-add as 2 FLOPs
     */
    public static double measure(NDManager parent, int batch, int channels, int size, int runs) {
        double flops = 2.0 * batch * channels * size * size * channels * 9;
        double best = Double.MAX_VALUE;
        try (NDManager m = parent.newSubManager()) {
            NDArray x = m.randomNormal(new Shape(batch, channels, size, size));
            NDArray w = m.randomNormal(0f, 0.05f, new Shape(channels, channels, 3, 3), x.getDataType());
            for (int r = 0; r <= runs; r++) {
                try (NDManager step = m.newSubManager()) {
                    long t0 = System.nanoTime();
                    NDArray y = Conv2d.conv2d(x, w, null, new Shape(1, 1), new Shape(1, 1),
                            new Shape(1, 1), 1).singletonOrThrow();
                    y.attach(step);
                    // Reading one element waits for MXNet's asynchronous engine to finish the convolution.
                    y.get(0, 0, 0, 0).getFloat();
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    if (r > 0) {
                        best = Math.min(best, seconds);
                    }
                }
            }
        }
        return flops / best / 1e9;
    }

    /** The default shape: 3x3 conv, 256 -> 256 channels, on 64 x 256 x 32 x 32 (77 GFLOP per call). */
    public static double measure(NDManager parent, int runs) {
        return measure(parent, 64, 256, 32, runs);
    }
}
