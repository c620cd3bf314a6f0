package io.ganstudio.core.playground;

import io.ganstudio.core.random.Rng;

import java.util.Arrays;

/**
 * A tiny fully connected network with ReLU hidden layers and a linear output, with hand-written backpropagation.
 * All parameters live in one array (per layer: weights in x out, row-major, then biases), so an optimizer updates
 * them in one loop and a test can compare every gradient with finite differences.
 *
 * <p>Not thread-safe: {@link #forward} keeps the activations that the next {@link #backward} needs.
 */
public final class Mlp {

    private final double centre;
    private final double scale;
    private final double outCentre;
    private final double outScale;
    private final int[] sizes;
    private final int[] offsets;
    private final double[] params;
    private final double[] grads;
    // Activations of the last forward pass: acts[0] is the input, then each layer's output (after ReLU if hidden).
    private double[][] acts;
    private int batch;

    /**
     * @param input   inputs per sample
     * @param hidden  number of hidden ReLU layers (0 = a linear map)
     * @param neurons neurons per hidden layer
     * @param output  outputs per sample
     */
    public Mlp(int input, int hidden, int neurons, int output) {
        this(input, hidden, neurons, output, 0, 1, 0, 1);
    }

    /**
     * A network that first maps each input v to (v - centre) * scale: inputs in [0, 1] become [-1, 1], so the ReLU
     * units' boundaries start through the middle of the square instead of all through its corner. The outputs are
     * mapped back the same way (outCentre + raw * outScale), so a fresh generator starts in the middle.
     */
    public Mlp(int input, int hidden, int neurons, int output, double centre, double scale, double outCentre,
               double outScale) {
        this.centre = centre;
        this.scale = scale;
        this.outCentre = outCentre;
        this.outScale = outScale;
        sizes = new int[hidden + 2];
        sizes[0] = input;
        for (int i = 1; i <= hidden; i++) {
            sizes[i] = neurons;
        }
        sizes[hidden + 1] = output;
        offsets = new int[sizes.length];
        int n = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            offsets[l] = n;
            n += sizes[l] * sizes[l + 1] + sizes[l + 1];
        }
        offsets[sizes.length - 1] = n;
        params = new double[n];
        grads = new double[n];
    }

    /** He-style normal weights (scaled by 1/sqrt(fan-in)), zero biases; the same rng state gives the same net. */
    public void initialise(Rng rng) {
        Arrays.fill(params, 0);
        for (int l = 0; l + 1 < sizes.length; l++) {
            double std = 1.0 / Math.sqrt(sizes[l]);
            int w = sizes[l] * sizes[l + 1];
            for (int i = 0; i < w; i++) {
                params[offsets[l] + i] = std * rng.nextGaussian();
            }
        }
    }

    public int inputs() {
        return sizes[0];
    }

    public int outputs() {
        return sizes[sizes.length - 1];
    }

    public int parameterCount() {
        return params.length;
    }

    /** The parameters, shared: optimizers and tests change them in place. */
    public double[] params() {
        return params;
    }

    /** Gradients of the last {@link #backward}, shared. */
    public double[] grads() {
        return grads;
    }

    /**
     * Runs a batch and keeps the activations for {@link #backward}.
     *
     * @param x n * inputs values, sample after sample
     * @return n * outputs values (a fresh array)
     */
    public double[] forward(double[] x, int n) {
        acts = run(x, n);
        batch = n;
        return output(acts[acts.length - 1]);
    }

    /** Output only, without touching the kept activations (for drawing while a step is under way). */
    public double[] predict(double[] x, int n) {
        double[][] a = run(x, n);
        return output(a[a.length - 1]);
    }

    /**
     * Backpropagates the loss gradient of the last forward pass's outputs: fills {@link #grads()} (overwritten, not
     * accumulated) and returns the gradient with respect to the inputs.
     *
     * @param gradOut n * outputs values, dLoss/dOutput
     */
    public double[] backward(double[] gradOut) {
        Arrays.fill(grads, 0);
        return back(acts, batch, gradOut, grads);
    }

    /**
     * dLoss/dInput for a batch, with its own forward pass: touches neither the kept activations nor the gradients
     * (for the arrows on the canvas while a step is under way).
     */
    public double[] inputGradient(double[] x, int n, double[] gradOut) {
        return back(run(x, n), n, gradOut, null);
    }

    private double[] output(double[] raw) {
        double[] out = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = outCentre + raw[i] * outScale;
        }
        return out;
    }

    private double[][] run(double[] x, int n) {
        int layers = sizes.length - 1;
        double[][] a = new double[layers + 1][];
        a[0] = new double[n * sizes[0]];
        for (int i = 0; i < a[0].length; i++) {
            a[0][i] = (x[i] - centre) * scale;
        }
        for (int l = 0; l < layers; l++) {
            a[l + 1] = new double[n * sizes[l + 1]];
            dense(l, a[l], a[l + 1], n, l + 1 < layers);
        }
        return a;
    }

    private void dense(int l, double[] in, double[] out, int n, boolean relu) {
        int ni = sizes[l];
        int no = sizes[l + 1];
        int w = offsets[l];
        int b = w + ni * no;
        for (int s = 0; s < n; s++) {
            int io = s * ni;
            int oo = s * no;
            for (int o = 0; o < no; o++) {
                out[oo + o] = params[b + o];
            }
            for (int i = 0; i < ni; i++) {
                double v = in[io + i];
                if (v == 0) {
                    continue;
                }
                int row = w + i * no;
                for (int o = 0; o < no; o++) {
                    out[oo + o] += v * params[row + o];
                }
            }
            if (relu) {
                for (int o = 0; o < no; o++) {
                    if (out[oo + o] < 0) {
                        out[oo + o] = 0;
                    }
                }
            }
        }
    }

    /** Backward through all layers; adds parameter gradients to {@code into} unless it is null. */
    private double[] back(double[][] a, int n, double[] gradOut, double[] into) {
        int layers = sizes.length - 1;
        double[] g = gradOut;
        if (outScale != 1) {
            g = new double[gradOut.length];
            for (int k = 0; k < g.length; k++) {
                g[k] = gradOut[k] * outScale;
            }
        }
        for (int l = layers - 1; l >= 0; l--) {
            int ni = sizes[l];
            int no = sizes[l + 1];
            int w = offsets[l];
            int b = w + ni * no;
            double[] in = a[l];
            double[] gin = new double[n * ni];
            for (int s = 0; s < n; s++) {
                int io = s * ni;
                int oo = s * no;
                if (into != null) {
                    for (int o = 0; o < no; o++) {
                        into[b + o] += g[oo + o];
                    }
                }
                for (int i = 0; i < ni; i++) {
                    double v = in[io + i];
                    int row = w + i * no;
                    double acc = 0;
                    for (int o = 0; o < no; o++) {
                        double go = g[oo + o];
                        if (into != null) {
                            into[row + o] += v * go;
                        }
                        acc += params[row + o] * go;
                    }
                    gin[io + i] = acc;
                }
            }
            if (l > 0) {
                // The input of layer l is the ReLU output of layer l-1: no gradient where it was clipped to zero.
                for (int k = 0; k < n * ni; k++) {
                    if (in[k] <= 0) {
                        gin[k] = 0;
                    }
                }
            }
            g = gin;
        }
        if (scale != 1) {
            for (int k = 0; k < g.length; k++) {
                g[k] *= scale;
            }
        }
        return g;
    }
}
