package io.ganstudio.core.playground;

/** Plain SGD or Adam (beta1 0.5, beta2 0.999, epsilon 1e-8) over one network's parameter array. */
final class ParamOptimizer {

    // 0.5, not Adam's usual 0.9: the DCGAN setting; measured here, 0.9 made the tiny GANs oscillate away.
    private static final double BETA1 = 0.5;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final PlaygroundConfig.Optimizer kind;
    private final double lr;
    private final double[] m;
    private final double[] v;
    private long t;

    ParamOptimizer(PlaygroundConfig.Optimizer kind, double lr, int size) {
        this.kind = kind;
        this.lr = lr;
        this.m = kind == PlaygroundConfig.Optimizer.ADAM ? new double[size] : null;
        this.v = kind == PlaygroundConfig.Optimizer.ADAM ? new double[size] : null;
    }

    void step(double[] params, double[] grads) {
        if (kind == PlaygroundConfig.Optimizer.SGD) {
            for (int i = 0; i < params.length; i++) {
                params[i] -= lr * grads[i];
            }
            return;
        }
        t++;
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        for (int i = 0; i < params.length; i++) {
            double g = grads[i];
            m[i] = BETA1 * m[i] + (1 - BETA1) * g;
            v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
            params[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPSILON);
        }
    }
}
