package io.ganstudio.core.playground;

/**
 * The adversarial losses on D's raw output s (one number per point). Each gives the mean loss and, per point,
 * dLoss/ds (already divided by the batch size), and maps s to "how real it looks" in [0, 1] for the heatmap.
 */
public enum Loss {
    /** Log loss: D minimises -log D(x) - log(1 - D(G(z))), G the non-saturating -log D(G(z)); D = sigmoid(s). */
    LOG,
    /** Least squares (LSGAN): D minimises (s_real - 1)^2/2 + s_fake^2/2, G (s_fake - 1)^2/2. */
    LEAST_SQUARES,
    /** Hinge: D minimises max(0, 1 - s_real) + max(0, 1 + s_fake), G -s_fake. */
    HINGE;

    /** The loss of D's output s on points that are real (target true) or generated, for D's update. */
    public double dLoss(double[] s, boolean real, double[] grad) {
        int n = s.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double v = s[i];
            switch (this) {
                case LOG -> {
                    // -log sigmoid(v) = softplus(-v); -log(1 - sigmoid(v)) = softplus(v)
                    sum += real ? softplus(-v) : softplus(v);
                    grad[i] = (real ? sigmoid(v) - 1 : sigmoid(v)) / n;
                }
                case LEAST_SQUARES -> {
                    double d = real ? v - 1 : v;
                    sum += 0.5 * d * d;
                    grad[i] = d / n;
                }
                case HINGE -> {
                    double m = real ? 1 - v : 1 + v;
                    sum += Math.max(0, m);
                    grad[i] = m > 0 ? (real ? -1.0 : 1.0) / n : 0;
                }
            }
        }
        return sum / n;
    }

    /** The generator's loss on D's outputs for generated points. */
    public double gLoss(double[] s, double[] grad) {
        int n = s.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double v = s[i];
            switch (this) {
                case LOG -> {
                    sum += softplus(-v);
                    grad[i] = (sigmoid(v) - 1) / n;
                }
                case LEAST_SQUARES -> {
                    sum += 0.5 * (v - 1) * (v - 1);
                    grad[i] = (v - 1) / n;
                }
                case HINGE -> {
                    sum += -v;
                    grad[i] = -1.0 / n;
                }
            }
        }
        return sum / n;
    }

    /** How real D finds a point, 0 (fake) to 1 (real), for the heatmap. */
    public double realness(double s) {
        return switch (this) {
            case LOG -> sigmoid(s);
            case LEAST_SQUARES -> clamp(s);
            case HINGE -> clamp((s + 1) / 2);
        };
    }

    /** The name on the command line. */
    public String cliName() {
        return switch (this) {
            case LOG -> "log";
            case LEAST_SQUARES -> "least-squares";
            case HINGE -> "hinge";
        };
    }

    static double sigmoid(double v) {
        return v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
    }

    static double softplus(double v) {
        return v > 30 ? v : Math.log1p(Math.exp(v));
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
}
